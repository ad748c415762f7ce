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
 *       event for the client to discard;
 *   <li>an unpaired surrogate in a payload or comment, which has no UTF-8 form, is written as
 *       U+FFFD, as a browser's UTF-8 encoder writes it ({@link String#getBytes} would write
 *       {@code ?}, a plausible character that hides the loss). Ids and types cannot hold one:
 *       {@link SseEvent} rejects it.
 * </ul>
 *
 * <p>A parser gives back the payload with each CR and CRLF turned into LF: the format has one
 * kind of line break.
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
            case SseEvent.Comment c -> appendLines(out, c.text().isEmpty() ? ":" : ": ", c.text());
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
        appendLines(out, "data: ", m.data());
    }

    /**
     * Writes each line of {@code text} after {@code prefix}, ending it in LF; a line ends at CR,
     * LF or CRLF, and the last line is written even when empty.
     */
    private static void appendLines(StringBuilder out, String prefix, String text) {
        out.append(prefix);
        int run = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                out.append(text, run, i).append('\n').append(prefix);
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                run = i + 1;
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    out.append(text, run, i).append('\uFFFD');
                    run = i + 1;
                }
            }
        }
        out.append(text, run, n).append('\n');
    }
}
