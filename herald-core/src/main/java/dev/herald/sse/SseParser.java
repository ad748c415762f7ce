package dev.herald.sse;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Reads a {@code text/event-stream} as it arrives, by the algorithm of WHATWG HTML §9.2.6
 * ("Interpreting an event stream"), and tells a {@link Listener} of each event, comment and
 * retry.
 *
 * <p>Feed it the stream's bytes in chunks of any size ({@link #feed(byte[], int, int)},
 * {@link #feed(ByteBuffer)}): a chunk may end inside a UTF-8 character or between the CR and LF
 * of a CRLF. Bytes are always decoded as UTF-8, whatever charset a Content-Type names; invalid
 * sequences become U+FFFD, as the WHATWG Encoding standard's decoder makes them. Text already
 * decoded can be fed with {@link #feed(CharSequence)}. Call {@link #end()} when the stream ends.
 *
 * <p>By the spec:
 * <ul>
 *   <li>one U+FEFF (byte order mark) at the very start of the stream is dropped, no other;
 *   <li>a line ends at CRLF, at LF, or at a lone CR;
 *   <li>a line starting with {@code :} is a comment; otherwise the field name is what precedes the
 *       first {@code :} and the value what follows it, less one leading space; a line with no
 *       {@code :} is a field name with an empty value; names are case-sensitive;
 *   <li>{@code event} sets the event type; {@code data} adds a line to the data; {@code id} sets
 *       the last event id unless its value contains NUL (an empty value clears it);
 *       {@code retry} sets the reconnection time if its value is all ASCII digits; any other
 *       field is ignored;
 *   <li>a blank line dispatches the event: the last event id takes the value of the latest
 *       {@code id} field, even when nothing is dispatched; an event with no {@code data} line is
 *       not dispatched; one trailing LF is removed from the data; the type defaults to
 *       {@code message};
 *   <li>what follows the last blank line when the stream ends is discarded.
 * </ul>
 * Two choices the spec leaves open: an empty {@code retry} value, or one past
 * {@link Long#MAX_VALUE}, is ignored (as Chromium does); and comments are reported, though
 * browsers ignore them, because tests and load generators watch heartbeats.
 *
 * <p>Bounded: the data of the event being received and the line being read together hold at
 * most {@code maxEventChars} UTF-16 chars ({@value #DEFAULT_MAX_EVENT_CHARS} unless set). Past
 * it, {@code feed} throws {@link SseEventTooLargeException} rather than exhaust memory; what was
 * buffered stays until {@link #end()}. The event type and id, each read from one line, are
 * within the same bound.
 *
 * <p>Reconnecting: after {@link #end()} the parser is ready for the next connection of the same
 * source. As an {@code EventSource} does, it keeps {@link #lastEventId()} (the next stream starts
 * from it, so an event without an {@code id} does not forget it) and {@link #reconnectionTime()},
 * and a BOM is dropped again at the start of the new stream.
 *
 * <p>Not thread-safe: one parser per stream, fed by one thread at a time. The listener is called
 * on the feeding thread, from inside {@code feed}, in stream order; an exception it throws
 * propagates out of {@code feed}, and the rest of that chunk is not read.
 */
public final class SseParser {

    /** The default bound on one event, in UTF-16 chars: 16 Mi. */
    public static final int DEFAULT_MAX_EVENT_CHARS = 16 * 1024 * 1024;

    // Input is decoded in slices of this many bytes, so the scratch buffers stay small: a load
    // generator holds one parser per connection.
    private static final int SLICE = 512;

    private final Listener listener;
    private final int maxEventChars;
    private final Utf8Decoder decoder = new Utf8Decoder();
    private final char[] chars = new char[2 * SLICE];
    private byte[] bytes;

    private final StringBuilder line = new StringBuilder(128);
    private final StringBuilder data = new StringBuilder(128);
    private String type = "";
    private String lastEventIdBuffer = "";
    private String lastEventId = "";
    private long reconnectionTime = -1;
    private boolean atStreamStart = true;
    private boolean afterCarriageReturn;

    /** A parser that reports to {@code listener}, bounded to {@value #DEFAULT_MAX_EVENT_CHARS} chars an event. */
    public SseParser(Listener listener) {
        this(listener, DEFAULT_MAX_EVENT_CHARS);
    }

    /**
     * A parser that reports to {@code listener} and throws {@link SseEventTooLargeException} when
     * the data of one event and the line being read together pass {@code maxEventChars} chars.
     *
     * @throws IllegalArgumentException if {@code maxEventChars} is less than 1
     */
    public SseParser(Listener listener, int maxEventChars) {
        this.listener = Objects.requireNonNull(listener, "listener");
        if (maxEventChars < 1) {
            throw new IllegalArgumentException("maxEventChars must be at least 1, was " + maxEventChars);
        }
        this.maxEventChars = maxEventChars;
    }

    /** Reads {@code len} bytes of the stream from {@code b}, starting at {@code off}. */
    public void feed(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            int n = Math.min(len, SLICE);
            read(decoder.decode(b, off, n, chars));
            off += n;
            len -= n;
        }
    }

    /** Reads all of {@code b} as the next bytes of the stream. */
    public void feed(byte[] b) {
        feed(b, 0, b.length);
    }

    /** Reads the remaining bytes of {@code buffer} as the next bytes of the stream, leaving its position at its limit. */
    public void feed(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            int start = buffer.arrayOffset() + buffer.position();
            int len = buffer.remaining();
            buffer.position(buffer.limit());
            feed(buffer.array(), start, len);
            return;
        }
        if (bytes == null) {
            bytes = new byte[SLICE];
        }
        while (buffer.hasRemaining()) {
            int n = Math.min(buffer.remaining(), SLICE);
            buffer.get(bytes, 0, n);
            feed(bytes, 0, n);
        }
    }

    /**
     * Reads {@code text} as the next characters of the stream, already decoded. A UTF-8 character
     * left incomplete by bytes fed before is ended as U+FFFD, as at the end of a stream.
     */
    public void feed(CharSequence text) {
        int flushed = decoder.flush(chars);
        if (flushed > 0) {
            read(flushed);
        }
        int length = text.length();
        for (int i = 0; i < length; ) {
            int n = Math.min(length - i, chars.length);
            for (int j = 0; j < n; j++) {
                chars[j] = text.charAt(i + j);
            }
            read(n);
            i += n;
        }
    }

    /**
     * Ends the stream: an event not yet ended by a blank line is discarded (§9.2.6), and the
     * parser is ready for the source's next connection, keeping {@link #lastEventId()} and
     * {@link #reconnectionTime()}.
     */
    public void end() {
        decoder.reset();
        // Drop the capacity too: one huge event must not keep its memory for the next connection.
        line.setLength(0);
        line.trimToSize();
        data.setLength(0);
        data.trimToSize();
        type = "";
        lastEventIdBuffer = lastEventId;
        atStreamStart = true;
        afterCarriageReturn = false;
    }

    /**
     * The source's last event id: the value of the latest {@code id} field as of the latest blank
     * line (the spec's "last event ID string"), or {@code ""} when none was sent or an empty one
     * cleared it. A reconnecting client sends it as {@code Last-Event-ID}, and sends no header
     * when it is empty.
     */
    public String lastEventId() {
        return lastEventId;
    }

    /** The reconnection time in milliseconds set by the latest valid {@code retry} field, or empty if none was. */
    public OptionalLong reconnectionTime() {
        return reconnectionTime < 0 ? OptionalLong.empty() : OptionalLong.of(reconnectionTime);
    }

    private void read(int count) {
        int i = 0;
        if (atStreamStart && count > 0) {
            atStreamStart = false;
            if (chars[0] == '\uFEFF') {
                i = 1;
            }
        }
        while (i < count) {
            if (afterCarriageReturn) {
                afterCarriageReturn = false;
                if (chars[i] == '\n') {
                    i++;
                    continue;
                }
            }
            int start = i;
            while (i < count && chars[i] != '\n' && chars[i] != '\r') {
                i++;
            }
            appendToLine(start, i);
            if (i < count) {
                // A CR ends its line at once; an LF right after it, even in the next chunk, is skipped.
                afterCarriageReturn = chars[i] == '\r';
                i++;
                try {
                    processLine();
                } finally {
                    line.setLength(0);
                }
            }
        }
    }

    private void appendToLine(int from, int to) {
        if (from == to) {
            return;
        }
        long held = (long) line.length() + data.length() + (to - from);
        if (held > maxEventChars) {
            throw new SseEventTooLargeException(held, maxEventChars);
        }
        line.append(chars, from, to - from);
    }

    private void processLine() {
        int end = line.length();
        if (end == 0) {
            dispatch();
            return;
        }
        if (line.charAt(0) == ':') {
            listener.onComment(line.substring(valueStart(1, end)));
            return;
        }
        int colon = indexOfColon(end);
        if (colon < 0) {
            processField(end, end, end);
        } else {
            processField(colon, valueStart(colon + 1, end), end);
        }
    }

    private void processField(int nameEnd, int value, int end) {
        if (nameIs("data", nameEnd)) {
            // Cannot pass the bound: the value is shorter than the line it leaves.
            data.append(line, value, end).append('\n');
        } else if (nameIs("event", nameEnd)) {
            type = line.substring(value, end);
        } else if (nameIs("id", nameEnd)) {
            if (!containsNul(value, end)) {
                lastEventIdBuffer = line.substring(value, end);
            }
        } else if (nameIs("retry", nameEnd)) {
            processRetry(value, end);
        }
    }

    private void processRetry(int value, int end) {
        if (value == end) {
            return;
        }
        long millis = 0;
        for (int i = value; i < end; i++) {
            int digit = line.charAt(i) - '0';
            if (digit < 0 || digit > 9 || millis > (Long.MAX_VALUE - digit) / 10) {
                return;
            }
            millis = millis * 10 + digit;
        }
        reconnectionTime = millis;
        listener.onRetry(millis);
    }

    private void dispatch() {
        lastEventId = lastEventIdBuffer;
        if (data.isEmpty()) {
            type = "";
            return;
        }
        // Every data line appended an LF, so the buffer ends in one: remove it.
        String eventData = data.substring(0, data.length() - 1);
        String eventType = type.isEmpty() ? "message" : type;
        data.setLength(0);
        type = "";
        listener.onEvent(new Event(eventType, eventData, lastEventId));
    }

    private int valueStart(int afterColon, int end) {
        return afterColon < end && line.charAt(afterColon) == ' ' ? afterColon + 1 : afterColon;
    }

    private int indexOfColon(int end) {
        for (int i = 0; i < end; i++) {
            if (line.charAt(i) == ':') {
                return i;
            }
        }
        return -1;
    }

    private boolean nameIs(String name, int nameEnd) {
        if (nameEnd != name.length()) {
            return false;
        }
        for (int i = 0; i < nameEnd; i++) {
            if (line.charAt(i) != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean containsNul(int from, int to) {
        for (int i = from; i < to; i++) {
            if (line.charAt(i) == '\0') {
                return true;
            }
        }
        return false;
    }

    /**
     * What a parser reports. Called on the thread that feeds the parser, in stream order.
     */
    public interface Listener {

        /** A blank line ended an event that had at least one {@code data} line. */
        void onEvent(Event event);

        /**
         * A comment line: {@code text} is what follows the {@code :}, less one leading space.
         * Browsers ignore comments; servers send them as heartbeats.
         */
        default void onComment(String text) {
        }

        /**
         * A valid {@code retry} field set the reconnection time. It takes effect at once, not at
         * the next blank line.
         */
        default void onRetry(long millis) {
        }
    }

    /**
     * A dispatched event, as a browser's {@code MessageEvent} would carry it.
     *
     * @param type        the event type, {@code message} when the event named none
     * @param data        the {@code data} lines joined by LF (a CR or CRLF in the payload a
     *                    server encoded arrives as LF)
     * @param lastEventId the source's last event id when the event was dispatched: the event's
     *                    own {@code id}, else the latest one before it; {@code ""} when none
     */
    public record Event(String type, String data, String lastEventId) {
        public Event {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(lastEventId, "lastEventId");
        }
    }
}
