package dev.herald.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The status line and headers of one HTTP/1.1 response, collected until the blank line that ends
 * them. Bounded to {@value #MAX_BYTES} bytes: a server that sends more is broken for the bench.
 */
final class ResponseHead {

    static final int MAX_BYTES = 16 * 1024;

    private byte[] bytes = new byte[512];
    private int length;
    private int status = -1;
    private boolean chunked;

    /**
     * Takes head bytes from {@code b}; returns how many it took once the head is complete, or -1
     * when it needs more.
     *
     * @throws IllegalStateException when the head passes {@value #MAX_BYTES} bytes or its status line is malformed
     */
    int read(byte[] b, int offset, int count) {
        for (int i = 0; i < count; i++) {
            if (length == bytes.length) {
                if (length == MAX_BYTES) {
                    throw new IllegalStateException("response head longer than " + MAX_BYTES + " bytes");
                }
                bytes = Arrays.copyOf(bytes, Math.min(MAX_BYTES, length * 2));
            }
            bytes[length++] = b[offset + i];
            if (endsHead()) {
                parse();
                return i + 1;
            }
        }
        return -1;
    }

    int status() {
        return status;
    }

    boolean chunked() {
        return chunked;
    }

    private boolean endsHead() {
        return length >= 4 && bytes[length - 1] == '\n' && bytes[length - 2] == '\r'
                && bytes[length - 3] == '\n' && bytes[length - 4] == '\r';
    }

    private void parse() {
        String[] lines = new String(bytes, 0, length, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            throw new IllegalStateException("not an HTTP status line: " + lines[0]);
        }
        status = Integer.parseInt(statusLine[1]);
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        bytes = null; // the head is read once per response: keep nothing per idle connection
    }
}
