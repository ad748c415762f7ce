package dev.herald.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client will send: CR, LF or NUL in a header,
 * unknown methods, malformed request lines. Each request is sent on a connection of its own,
 * which the server closes after its answer ({@code Connection: close}).
 */
final class RawHttp {

    /** How long a read may wait for the server: a guard against a hang, not a measured time. */
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** A response as read off the wire. */
    record Answer(int status, List<String> headers, String body) {

        Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).strip()).findFirst();
        }

        @Override
        public String toString() {
            return status + " " + headers + "\n" + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
        }
    }

    /**
     * Sends {@code head} (a request line and header lines, each ended by CRLF; the blank line is
     * added) and {@code body}, and reads the whole answer.
     */
    Answer exchange(String head, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return parse(readToTheEnd(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + head.lines().findFirst().orElse(""), e);
        }
    }

    /** Sends a request that opens an event stream; returns what arrived until {@code text} did, then closes. */
    String readStreamUntil(String head, String text) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!received.toString(StandardCharsets.UTF_8).contains(text)) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                received.write(buffer, 0, n);
            }
            return received.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("no stream for " + head.lines().findFirst().orElse(""), e);
        }
    }

    private static byte[] readToTheEnd(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try {
            in.transferTo(received);
        } catch (java.net.SocketException reset) {
            // The server may reset a connection it closes with an unread request body behind it: the answer came first.
            if (received.size() == 0) {
                throw reset;
            }
        }
        return received.toByteArray();
    }

    private static Answer parse(byte[] bytes) {
        String all = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("no complete response head in: " + all);
        }
        List<String> lines = new ArrayList<>(List.of(all.substring(0, end).split("\r\n")));
        String statusLine = lines.removeFirst();
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        boolean chunked = lines.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).matches("transfer-encoding:\\s*chunked"));
        return new Answer(status, List.copyOf(lines), new String(chunked ? dechunk(body) : body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOfCrlf(body, at);
            int size = Integer.parseInt(new String(body, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new AssertionError("a chunk size line without its end");
    }
}
