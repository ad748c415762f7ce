package dev.herald.app.web;

/**
 * There is nothing at the request's path, such as a job id no job has; {@link Router} answers 404
 * with this one-line message, as a page in the layout when a person asked for a page.
 */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
