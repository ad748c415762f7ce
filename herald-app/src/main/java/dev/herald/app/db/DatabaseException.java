package dev.herald.app.db;

/** A database operation failed; the message says which, the cause says why. */
public final class DatabaseException extends RuntimeException {

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
