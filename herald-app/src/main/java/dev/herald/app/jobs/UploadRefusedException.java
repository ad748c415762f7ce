package dev.herald.app.jobs;

/** An upload is refused; {@link #status} is the HTTP status, the message one line fit to show. */
final class UploadRefusedException extends RuntimeException {

    final int status;

    UploadRefusedException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }
}
