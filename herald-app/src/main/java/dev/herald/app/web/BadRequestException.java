package dev.herald.app.web;

/** The request cannot be handled as sent; {@link Router} answers 400 with this one-line message. */
public final class BadRequestException extends RuntimeException {

    public BadRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
