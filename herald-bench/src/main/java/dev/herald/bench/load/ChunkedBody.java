package dev.herald.bench.load;

/**
 * Removes HTTP/1.1 chunked transfer coding (RFC 9112 §7.1) from a response body as it arrives,
 * passing the chunks' data on to an {@link EventScanner}. Chunk extensions and trailers are
 * skipped; a malformed size ends the body (the connection is then counted as failed).
 */
final class ChunkedBody {

    private enum State { SIZE, EXTENSION, DATA, DATA_END, DONE }

    private final EventScanner scanner;
    private State state = State.SIZE;
    private long remaining;
    private boolean sawDigit;

    ChunkedBody(EventScanner scanner) {
        this.scanner = scanner;
    }

    /** Reads the next body bytes; false if and only if the body ended or is malformed. */
    boolean read(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            switch (state) {
                case SIZE, EXTENSION -> {
                    byte b = bytes[i++];
                    if (b == '\n') {
                        if (!sawDigit) {
                            return fail();
                        }
                        state = remaining == 0 ? State.DONE : State.DATA;
                        sawDigit = false;
                    } else if (state == State.SIZE && hex(b) >= 0) {
                        remaining = remaining * 16 + hex(b);
                        sawDigit = true;
                    } else if (b == ';' || b == ' ' || b == '\t' || b == '\r') {
                        state = State.EXTENSION;
                    } else if (state == State.SIZE) {
                        return fail();
                    }
                }
                case DATA -> {
                    int n = (int) Math.min(remaining, end - i);
                    scanner.scan(bytes, i, n);
                    i += n;
                    remaining -= n;
                    if (remaining == 0) {
                        state = State.DATA_END;
                    }
                }
                case DATA_END -> {
                    if (bytes[i++] == '\n') {
                        state = State.SIZE;
                    }
                }
                case DONE -> {
                    return false;
                }
            }
        }
        return state != State.DONE;
    }

    /** Starts over, for a new response. */
    void restart() {
        state = State.SIZE;
        remaining = 0;
        sawDigit = false;
    }

    private boolean fail() {
        state = State.DONE;
        return false;
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
