package dev.herald.bench.load;

/**
 * Reads the events of a {@code text/event-stream} body as cheaply as a load generator must:
 * no decoding and no allocation per event. It keeps the first {@value #KEPT} bytes of each line
 * (enough for an id and for the send time at the start of the bench's data), remembers the last
 * {@code id}, and at each blank line after a {@code data} line reports the time in that data.
 *
 * <p>Not a conforming parser ({@link dev.herald.sse.SseParser} is one): it ends lines at LF and
 * drops one CR before it, which is what every server under test writes; it ignores event types
 * and the rest of the data. The JMH benchmark {@code ScannerBenchmark} measures what the full
 * parser would cost instead.
 */
final class EventScanner {

    /** Bytes kept of each line: an id, or the decimal send time and sequence number. */
    static final int KEPT = 64;

    /** Receives what the scanner finds; called on the thread that feeds it. */
    interface Listener {
        /** An event whose data starts with the send time in microseconds of the bench clock. */
        void onEvent(long sentMicros);

        /** A comment line: a heartbeat. */
        void onComment();
    }

    private final Listener listener;
    private final byte[] line = new byte[KEPT];
    private int lineLength; // bytes of the current line seen so far; only the first KEPT are kept
    private final byte[] lastId = new byte[KEPT];
    private int lastIdLength = -1;
    private long sentMicros = -1;

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
        sentMicros = -1;
    }

    private void endLine() {
        int n = Math.min(lineLength, KEPT);
        if (n > 0 && line[n - 1] == '\r') {
            n--;
        }
        if (n == 0) {
            if (sentMicros >= 0) {
                listener.onEvent(sentMicros);
                sentMicros = -1;
            }
        } else if (line[0] == ':') {
            listener.onComment();
        } else if (startsWith(n, "data:")) {
            sentMicros = sentMicros < 0 ? leadingNumber(n, valueStart(n, 5)) : sentMicros;
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

    /** The decimal number at {@code from}, or 0 when there is none (the event still counts). */
    private long leadingNumber(int n, int from) {
        long value = 0;
        for (int i = from; i < n && line[i] >= '0' && line[i] <= '9'; i++) {
            value = value * 10 + (line[i] - '0');
        }
        return value;
    }
}
