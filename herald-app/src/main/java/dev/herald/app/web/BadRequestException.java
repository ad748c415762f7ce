package dev.herald.app.web;

import org.eclipse.jetty.http.HttpStatus;

/**
 * The request cannot be handled as sent; {@link Router} answers its {@link #status} (400 unless
 * said: 413 for a body past its bound, 415 for a body of another type) with this one-line message.
 */
public final class BadRequestException extends RuntimeException {

    private final int status;

    public BadRequestException(String message, Throwable cause) {
        this(HttpStatus.BAD_REQUEST_400, message, cause);
    }

    public BadRequestException(int status, String message, Throwable cause) {
        super(message, cause);
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("a bad request is answered 4xx, was " + status);
        }
        this.status = status;
    }

    /** The 4xx status to answer. */
    public int status() {
        return status;
    }
}
