package dev.herald.jetty;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A request Herald refuses: an HTTP status and a one-line reason, answered as {@code text/plain}.
 * Thrown while a request is read, before any byte of the response is written.
 */
final class HttpProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    HttpProblem(int status, String reason) {
        super(reason);
        this.status = status;
    }

    static HttpProblem badRequest(String reason) {
        return new HttpProblem(400, reason);
    }

    /** Writes this problem as the whole response and completes {@code callback}. */
    void writeTo(Response response, Callback callback) {
        if (status == 401) {
            // RFC 9110 §15.5.2: a 401 names the scheme that would be accepted.
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
        }
        PlainText.respond(response, callback, status, getMessage());
    }
}
