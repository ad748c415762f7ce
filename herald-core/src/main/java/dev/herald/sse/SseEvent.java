package dev.herald.sse;

import java.time.Duration;
import java.util.Objects;

/**
 * One unit of a {@code text/event-stream}: a message, a comment or a retry delay.
 *
 * <p>Every variant checks itself when built, so a value that would corrupt the stream — a CR or LF
 * in an event type or id, a NUL in an id, a line break in a comment, a negative retry — cannot
 * exist (CWE-93, field injection). Nor can an id or type with an unpaired surrogate, which has no
 * UTF-8 form: the id a client sent back would not be the one published. {@link SseEncoder} is the only code that writes these to the
 * wire.
 */
public sealed interface SseEvent {

    /** A message with data only: dispatched to {@code onmessage} and {@code sse-swap="message"}. */
    static Message message(String data) {
        return new Message(null, null, data);
    }

    /** A message of a named type, such as {@code notification}; {@code null} type means "message". */
    static Message message(String type, String data) {
        return new Message(null, type, data);
    }

    /** A message with an id, so that a reconnecting client resumes after it. */
    static Message message(String id, String type, String data) {
        return new Message(id, type, data);
    }

    /** A comment line: ignored by clients, used as a heartbeat. */
    static Comment comment(String text) {
        return new Comment(text);
    }

    /** Tells the client how long to wait before reconnecting. */
    static Retry retry(Duration delay) {
        return new Retry(delay.toMillis());
    }

    /**
     * A dispatched event. Browsers dispatch only events with a data line (WHATWG HTML §9.2.6: "no
     * data, no event"), so data is required; the empty string is still sent as one {@code data:}
     * line and so is dispatched.
     *
     * @param id   the event id, or {@code null} for none: no CR, LF, NUL or unpaired surrogate.
     *             The empty string is sent, and clears the client's last event id: it then sends
     *             no {@code Last-Event-ID} when it reconnects
     * @param type the event type, or {@code null} for the default {@code message}: no CR, LF or
     *             unpaired surrogate, not empty
     * @param data the payload, any text; line breaks (CR, LF, CRLF) become {@code data:} lines, and
     *             an unpaired surrogate is sent as U+FFFD
     */
    record Message(String id, String type, String data) implements SseEvent {
        public Message {
            Objects.requireNonNull(data, "data (use \"\" for an empty payload: an event without data is never dispatched)");
            if (id != null) {
                requireNo(id, "event id", '\r', '\n', '\0');
                requireNoUnpairedSurrogate(id, "event id");
            }
            if (type != null) {
                if (type.isEmpty()) {
                    throw new IllegalArgumentException("event type is empty: use null for the default type \"message\"");
                }
                requireNo(type, "event type", '\r', '\n');
                requireNoUnpairedSurrogate(type, "event type");
            }
        }

        /** This message with another id, as the hub assigns one. */
        public Message withId(String newId) {
            return new Message(newId, type, data);
        }
    }

    /**
     * A comment; the text may be empty (a bare {@code :} line) but has no CR or LF. An unpaired
     * surrogate in it is sent as U+FFFD.
     */
    record Comment(String text) implements SseEvent {
        public Comment {
            Objects.requireNonNull(text, "comment text");
            requireNo(text, "comment", '\r', '\n');
        }
    }

    /** A reconnection delay in milliseconds, not negative. */
    record Retry(long millis) implements SseEvent {
        public Retry {
            if (millis < 0) {
                throw new IllegalArgumentException("retry must not be negative, was " + millis + " ms");
            }
        }
    }

    private static void requireNo(String value, String what, char... forbidden) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            for (char f : forbidden) {
                if (c == f) {
                    throw new IllegalArgumentException(
                            what + " must not contain " + describe(c) + " (found at index " + i + " of " + quote(value) + ")");
                }
            }
        }
    }

    private static void requireNoUnpairedSurrogate(String value, String what) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(what + " must not contain an unpaired surrogate " + describe(c)
                        + " (found at index " + i + " of " + quote(value) + "): it has no UTF-8 form");
            }
        }
    }

    private static String describe(char c) {
        return switch (c) {
            case '\r' -> "CR";
            case '\n' -> "LF";
            case '\0' -> "NUL";
            default -> "U+%04X".formatted((int) c);
        };
    }

    private static String quote(String value) {
        String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return '"' + shown.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0") + '"';
    }
}
