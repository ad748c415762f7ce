package dev.herald.sse;

/**
 * Thrown by {@link SseParser} when the event being received outgrows the parser's limit: a line
 * that never ends, or data lines that never reach a blank line. The limit keeps a broken or
 * hostile server from exhausting the client's memory; the stream should be closed.
 */
public final class SseEventTooLargeException extends RuntimeException {

    SseEventTooLargeException(long chars, int limit) {
        super("event stream: the event being received would hold " + chars + " chars (its data so far plus"
                + " the line being read), past the parser's limit of " + limit + "; raise it with"
                + " new SseParser(listener, maxEventChars), or close the stream");
    }
}
