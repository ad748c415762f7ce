package dev.herald.mercure;

import java.util.Map;

/**
 * A request the hub refuses: the HTTP status, a one-line reason for the body, and the headers the
 * answer carries ({@code WWW-Authenticate} on 401 and 403, {@code Allow} on 405). Thrown before any
 * byte of the response is written; a binding answers it as {@code text/plain; charset=utf-8}.
 */
public final class MercureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, String> headers;

    MercureException(int status, String reason, Map<String, String> headers) {
        super(reason);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    MercureException(int status, String reason) {
        this(status, reason, Map.of());
    }

    static MercureException badRequest(String reason) {
        return new MercureException(400, reason);
    }

    /** The HTTP status: 400, 401, 403, 404, 405, 413 or 415. */
    public int status() {
        return status;
    }

    /** The reason, one line. */
    public String reason() {
        return getMessage();
    }

    /** Headers the answer carries, by name. */
    public Map<String, String> headers() {
        return headers;
    }
}
