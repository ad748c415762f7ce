package dev.herald.bench.load;

import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Reads a keep-alive connection's HTTP/1.1 responses one after another, as they come back for
 * pipelined requests, and reports each one's status once its body has been read (bodies are
 * skipped: a {@code Content-Length} one, or a chunked one with its trailers). Byte at a time, so it
 * never depends on how the server's writes are cut into segments.
 */
final class ResponseStream {

    private static final int MAX_HEAD_BYTES = 16 * 1024;

    private enum State { HEAD, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_DATA_END, TRAILER }

    private final IntConsumer onResponse;
    private final StringBuilder head = new StringBuilder();
    private final StringBuilder line = new StringBuilder();
    private State state = State.HEAD;
    private int status;
    private long remaining;

    /** @param onResponse told each response's status, in order */
    ResponseStream(IntConsumer onResponse) {
        this.onResponse = onResponse;
    }

    /**
     * Reads {@code length} bytes of the connection.
     *
     * @throws IllegalStateException when the server sends something that is not an HTTP/1.1 response
     */
    void read(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            switch (state) {
                case HEAD -> {
                    head.append((char) (bytes[i++] & 0xff));
                    if (head.length() > MAX_HEAD_BYTES) {
                        throw new IllegalStateException("response head longer than " + MAX_HEAD_BYTES + " bytes");
                    }
                    if (endsWith(head, "\r\n\r\n")) {
                        headRead();
                    }
                }
                case BODY -> {
                    int n = (int) Math.min(remaining, end - i);
                    i += n;
                    remaining -= n;
                    if (remaining == 0) {
                        done();
                    }
                }
                case CHUNK_SIZE, CHUNK_DATA_END, TRAILER -> {
                    char c = (char) (bytes[i++] & 0xff);
                    if (c != '\n') {
                        line.append(c);
                    } else {
                        lineRead(line.toString().strip());
                        line.setLength(0);
                    }
                }
                case CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, end - i);
                    i += n;
                    remaining -= n;
                    if (remaining == 0) {
                        state = State.CHUNK_DATA_END;
                    }
                }
            }
        }
    }

    private void headRead() {
        String[] lines = head.toString().split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new IllegalStateException("not an HTTP/1.x status line: " + lines[0]);
        }
        status = Integer.parseInt(statusLine[1]);
        boolean chunked = false;
        long contentLength = 0;
        for (String header : lines) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("content-length:")) {
                contentLength = Long.parseLong(lower.substring("content-length:".length()).strip());
            }
        }
        head.setLength(0);
        if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (contentLength > 0) {
            remaining = contentLength;
            state = State.BODY;
        } else {
            done();
        }
    }

    private void lineRead(String text) {
        switch (state) {
            case CHUNK_SIZE -> {
                int extension = text.indexOf(';');
                remaining = Long.parseLong(extension < 0 ? text : text.substring(0, extension).strip(), 16);
                state = remaining == 0 ? State.TRAILER : State.CHUNK_DATA;
            }
            case CHUNK_DATA_END -> state = State.CHUNK_SIZE;
            case TRAILER -> {
                if (text.isEmpty()) {
                    done();
                }
            }
            default -> throw new IllegalStateException("no line expected in state " + state);
        }
    }

    private void done() {
        state = State.HEAD;
        onResponse.accept(status);
    }

    private static boolean endsWith(StringBuilder text, String suffix) {
        int n = text.length();
        int k = suffix.length();
        if (n < k) {
            return false;
        }
        for (int i = 0; i < k; i++) {
            if (text.charAt(n - k + i) != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
