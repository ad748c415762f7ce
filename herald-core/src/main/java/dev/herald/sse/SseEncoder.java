package dev.herald.sse;

import java.nio.charset.StandardCharsets;

/**
 * Writes {@link SseEvent}s in the {@code text/event-stream} format (WHATWG HTML §9.2.5), always
 * UTF-8. The only code in Herald that does.
 *
 * <ul>
 *   <li>{@code data: } is written with its space, so a payload's own leading space survives
 *       (the parser removes exactly one);
 *   <li>every CR, LF or CRLF in a payload starts a new {@code data:} line — a lone CR ends a line
 *       too, so splitting on LF alone would let a CR inject fields;
 *   <li>a payload that ends in a line break gets one more empty {@code data:} line, because the
 *       parser removes one trailing LF at dispatch;
 *   <li>every event ends with a blank line, so a stream cut between events never leaves half an
 *       event for the client to discard.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class SseEncoder {

    private SseEncoder() {
    }

    /** The event as UTF-8 bytes, ending in a blank line. */
    public static byte[] encode(SseEvent event) {
        return encodeToString(event).getBytes(StandardCharsets.UTF_8);
    }

    /** The event as text, ending in a blank line. */
    public static String encodeToString(SseEvent event) {
        StringBuilder out = new StringBuilder(64);
        appendTo(out, event);
        return out.toString();
    }

    /** Appends the event, ending in a blank line, to {@code out}. */
    public static void appendTo(StringBuilder out, SseEvent event) {
        switch (event) {
            case SseEvent.Message m -> appendMessage(out, m);
            case SseEvent.Comment c -> out.append(':').append(c.text().isEmpty() ? "" : " ").append(c.text()).append('\n');
            case SseEvent.Retry r -> out.append("retry: ").append(r.millis()).append('\n');
        }
        out.append('\n');
    }

    private static void appendMessage(StringBuilder out, SseEvent.Message m) {
        if (m.id() != null) {
            out.append("id: ").append(m.id()).append('\n');
        }
        if (m.type() != null) {
            out.append("event: ").append(m.type()).append('\n');
        }
        appendData(out, m.data());
    }

    private static void appendData(StringBuilder out, String data) {
        int lineStart = 0;
        int i = 0;
        int n = data.length();
        while (i < n) {
            char c = data.charAt(i);
            if (c == '\r' || c == '\n') {
                out.append("data: ").append(data, lineStart, i).append('\n');
                i += (c == '\r' && i + 1 < n && data.charAt(i + 1) == '\n') ? 2 : 1;
                lineStart = i;
            } else {
                i++;
            }
        }
        // The last line; empty when the payload is empty or ends in a line break.
        out.append("data: ").append(data, lineStart, n).append('\n');
    }
}
