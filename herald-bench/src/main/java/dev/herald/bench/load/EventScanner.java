package dev.herald.bench.load;

/**
 * Reads the events of a {@code text/event-stream} body as cheaply as a load generator must:
 * no decoding and no allocation per event. It keeps the first {@value #KEPT} bytes of each line
 * (enough for an id and for the send time and sequence number at the start of the bench's data),
 * remembers the last {@code id}, and at each blank line after a {@code data} line reports the time
 * and the sequence number in that data.
 *
 * <p>Not a conforming parser ({@link dev.herald.sse.SseParser} is one): it ends lines at LF and
 * drops one CR before it, which is what every server under test writes; it ignores event types
 * and the rest of the data. The JMH benchmark {@code ScannerBenchmark} measures what the full
 * parser would cost instead.
 */
final class EventScanner {

    /** Bytes kept of each line: an id, or the decimal send time and sequence number. */
    static final int KEPT = 64;

    /** The sequence number of an event whose data has none after its send time. */
    static final long NO_SEQUENCE = -1;

    private static final long NO_DATA = -1;
    private static final long NOT_STAMPED = -2;

    /** Receives what the scanner finds; called on the thread that feeds it. */
    interface Listener {
        /**
         * An event whose data starts with the send time in microseconds of the bench clock, then a
         * space and its sequence number ({@link #NO_SEQUENCE} when there is none).
         */
        void onEvent(long sentMicros, long sequence);

        /**
         * A heartbeat: a comment line, or an event whose data does not start with a send time
         * (nchan pings with an event).
         */
        void onComment();
    }

    private final Listener listener;
    private final byte[] line = new byte[KEPT];
    private int lineLength; // bytes of the current line seen so far; only the first KEPT are kept
    private final byte[] lastId = new byte[KEPT];
    private int lastIdLength = -1;
    private long sentMicros = NO_DATA; // of the event being read: its send time, NO_DATA or NOT_STAMPED
    private long sequence = NO_SEQUENCE; // of the event being read

    EventScanner(Listener listener) {
        this.listener = listener;
    }

    void scan(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int lf = i;
            while (lf < end && bytes[lf] != '\n') {
                lf++;
            }
            int room = KEPT - lineLength;
            if (room > 0) {
                System.arraycopy(bytes, i, line, lineLength, Math.min(room, lf - i));
            }
            lineLength += lf - i;
            if (lf == end) {
                return;
            }
            endLine();
            lineLength = 0;
            i = lf + 1;
        }
    }

    /** The last event id received, or {@code null} if none. */
    String lastId() {
        return lastIdLength < 0 ? null : new String(lastId, 0, lastIdLength, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Forgets a half-read line and event, as a new connection of the same client starts clean. */
    void restart() {
        lineLength = 0;
        sentMicros = NO_DATA;
    }

    private void endLine() {
        int n = Math.min(lineLength, KEPT);
        if (n > 0 && line[n - 1] == '\r') {
            n--;
        }
        if (n == 0) {
            if (sentMicros >= 0) {
                listener.onEvent(sentMicros, sequence);
            } else if (sentMicros == NOT_STAMPED) {
                listener.onComment();
            }
            sentMicros = NO_DATA;
        } else if (line[0] == ':') {
            listener.onComment();
        } else if (startsWith(n, "data:") && sentMicros == NO_DATA) {
            int from = valueStart(n, 5);
            sentMicros = leadingNumber(n, from);
            int end = from;
            while (end < n && line[end] >= '0' && line[end] <= '9') {
                end++;
            }
            long second = end < n && line[end] == ' ' ? leadingNumber(n, end + 1) : NOT_STAMPED;
            sequence = second >= 0 ? second : NO_SEQUENCE;
        } else if (startsWith(n, "id:")) {
            int from = valueStart(n, 3);
            lastIdLength = n - from;
            System.arraycopy(line, from, lastId, 0, lastIdLength);
        }
    }

    private boolean startsWith(int n, String field) {
        if (n < field.length()) {
            return false;
        }
        for (int i = 0; i < field.length(); i++) {
            if (line[i] != field.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int valueStart(int n, int afterColon) {
        return afterColon < n && line[afterColon] == ' ' ? afterColon + 1 : afterColon;
    }

    /** The decimal number at {@code from}, or {@link #NOT_STAMPED} when there is none. */
    private long leadingNumber(int n, int from) {
        if (from == n || line[from] < '0' || line[from] > '9') {
            return NOT_STAMPED;
        }
        long value = 0;
        for (int i = from; i < n && line[i] >= '0' && line[i] <= '9'; i++) {
            value = value * 10 + (line[i] - '0');
        }
        return value;
    }
}
