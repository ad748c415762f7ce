package dev.herald.jetty;

import static dev.herald.jetty.TestServer.topics;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.hub.Hub;
import dev.herald.sse.SseEvent;
import dev.herald.sse.SseParser;
import dev.herald.testing.Await;
import dev.herald.testing.SseRecorder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A client cut for its backlog must be able to catch up: with the default bounds (a 256 KiB backlog
 * per stream, 1 MiB / 1,024 events of history per topic) everything it missed is still in the
 * topic's log when it reconnects, so it resumes with every event and no reset.
 */
class SlowConsumerResumeTest {

    @Test
    void aClientCutForItsBacklogResumesWithEveryEvent() throws IOException {
        try (TestServer server = new TestServer(Hub.builder().build(), s -> s)) {
            String payload = "x".repeat(1000);
            List<String> published = new ArrayList<>();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try (Socket stuck = new Socket()) {
                stuck.setReceiveBufferSize(4096);
                stuck.connect(new InetSocketAddress("127.0.0.1", server.server.port()));
                OutputStream out = stuck.getOutputStream();
                out.write(("GET " + HeraldServer.HUB_PATH + "?topic=a HTTP/1.1\r\nHost: localhost\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Await.until("the stream is open", () -> server.hub.subscriberCount() == 1);

                // The client stops reading; its backlog grows past the bound and the stream is cut.
                while (server.server.stats().slowConsumerDisconnects() == 0) {
                    assertThat(published).as("events published before the cut").hasSizeLessThan(100_000);
                    published.add(server.hub.publish("a", SseEvent.message(payload)));
                }
                readToTheEnd(stuck, received);
            }
            String lastSeen = lastEventId(dechunk(received.toByteArray()));
            assertThat(published).as("the client saw some events before the cut").contains(lastSeen);
            List<String> missed = published.subList(published.indexOf(lastSeen) + 1, published.size());
            assertThat(missed).as("the cut client missed events").isNotEmpty();

            try (SseRecorder resumed = server.subscribe(topics("a"), "Last-Event-ID", lastSeen)) {
                resumed.next(); // retry
                for (String id : missed) {
                    SseEvent.Message event = resumed.nextMessage();
                    assertThat(event.type()).as("no reset: the history outlasts the backlog bound").isNull();
                    assertThat(event.id()).isEqualTo(id);
                }
            }
        }
    }

    /** Reads what the server sent before it ended or aborted the response. */
    private static void readToTheEnd(Socket socket, ByteArrayOutputStream received) throws IOException {
        socket.setSoTimeout((int) SseRecorder.TIMEOUT.toMillis());
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                received.write(buffer, 0, n);
                if (new String(received.toByteArray(), Math.max(0, received.size() - 7), Math.min(7, received.size()),
                        StandardCharsets.ISO_8859_1).equals("\r\n0\r\n\r\n")) {
                    return;
                }
            }
        } catch (SocketException reset) {
            // An aborted connection may end in a reset rather than a FIN.
        }
    }

    /** The body of a chunked HTTP/1.1 response, as far as it arrived. */
    private static byte[] dechunk(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\r\n\r\n") + 4;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (at < text.length()) {
            int lineEnd = text.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(text.substring(at, lineEnd).strip(), 16);
            int start = lineEnd + 2;
            body.write(response, start, Math.min(size, response.length - start));
            at = start + size + 2;
        }
        return body.toByteArray();
    }

    private static String lastEventId(byte[] body) {
        SseParser parser = new SseParser(event -> { });
        parser.feed(body);
        return parser.lastEventId();
    }
}
