package dev.herald.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.hub.Hub;
import dev.herald.sse.SseEvent;
import dev.herald.stream.EventStream;
import dev.herald.testing.Await;
import dev.herald.testing.SseRecorder;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An HTTP/1.1 stream read byte for byte: its chunked framing is exact whatever the events' sizes,
 * its last chunk ends it, and the connection then serves the next request. (Between its head and
 * its end, a stream's chunks go straight to the connection — {@code ChunkWriter} — in Jetty's own
 * framing, so a mistake there shows here, not in a lenient client.)
 */
class ChunkedStreamTest {

    private final Hub hub = Hub.builder().build();
    /** GET /stream: topic "t" from now until a "done" event. */
    private final Handler stream = new Handler.Abstract() {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            if (!"/stream".equals(Request.getPathInContext(request))) {
                return false;
            }
            HeraldServer.stream(request, response, callback, EventStream.of(List.of("t")).after(hub.position()).endingAfter("done"));
            return true;
        }
    };
    private final TestServer server = new TestServer(hub, s -> s.handler(new Handler.Sequence(stream, TestServer.HELLO)));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyChunkIsFramedExactlyAndTheConnectionServesTheNextRequestAfterTheLast() throws IOException {
        // One to five hex digits of chunk size: 1, 0xF, 0x10, 0xFF, 0x1000 and 0x11170 bytes of data.
        List<String> data = new ArrayList<>();
        for (int size : new int[] {1, 15, 16, 255, 4096, 70_000}) {
            data.add("x".repeat(size));
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.server.port()));
            socket.setSoTimeout((int) SseRecorder.TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write("GET /stream HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            assertThat(head(in)).startsWith("HTTP/1.1 200").containsIgnoringCase("Transfer-Encoding: chunked");
            Await.until("the stream is subscribed", () -> hub.subscriberCount() == 1);

            for (String each : data) {
                hub.publish("t", SseEvent.message("part", each));
            }
            hub.publish("t", SseEvent.message("done", "the end"));

            String body = chunkedBody(in);
            List<String> received = new ArrayList<>();
            for (String line : body.split("\n")) {
                if (line.startsWith("data: ")) {
                    received.add(line.substring("data: ".length()));
                }
            }
            List<String> expected = new ArrayList<>(data);
            expected.add("the end");
            assertThat(received).isEqualTo(expected);

            out.write("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(head(in)).startsWith("HTTP/1.1 200");
        }
    }

    /** The response's head, up to and without its empty line. */
    private static String head(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("a byte of the response head").isNotNegative();
            head.append((char) b);
        }
        return head.substring(0, head.length() - 4);
    }

    /**
     * A chunked body decoded strictly (RFC 9112 §7.1): {@code <hex size> CRLF <size bytes> CRLF}
     * until a chunk of size 0, then the CRLF that ends an empty trailer section.
     */
    private static String chunkedBody(DataInputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            assertThat(sizeLine).as("a chunk size").matches("[0-9A-Fa-f]{1,8}");
            int size = Integer.parseInt(sizeLine, 16);
            if (size == 0) {
                assertThat(line(in)).as("the end of the trailer section").isEmpty();
                return body.toString(StandardCharsets.UTF_8);
            }
            byte[] chunk = new byte[size];
            in.readFully(chunk);
            body.write(chunk);
            assertThat(line(in)).as("the CRLF after a chunk of " + size + " bytes").isEmpty();
        }
    }

    /** One line, without its CRLF; a bare LF or a missing CR fails. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); ; b = in.read()) {
            assertThat(b).as("a byte of a chunk line").isNotNegative().isNotEqualTo('\n');
            if (b == '\r') {
                assertThat(in.read()).as("LF after CR").isEqualTo('\n');
                return line.toString();
            }
            line.append((char) b);
        }
    }
}
