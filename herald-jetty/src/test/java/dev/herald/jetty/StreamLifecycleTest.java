package dev.herald.jetty;

import static dev.herald.jetty.TestServer.topics;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.hub.Hub;
import dev.herald.sse.SseEvent;
import dev.herald.testing.Await;
import dev.herald.testing.SseRecorder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamLifecycleTest {

    private final TestServer server = new TestServer(s -> s.heartbeat(Duration.ofMillis(200)).maxBacklogBytes(64 * 1024));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void countsOpenStreams() {
        try (SseRecorder events = server.subscribe(topics("a"))) {
            events.next();
            assertThat(server.server.stats()).isEqualTo(new HeraldServer.Stats(1, 0));
        }
        Await.until("the stream is closed", () -> server.server.stats().openStreams() == 0);
    }

    @Test
    void disconnectingSubscribersCutsEveryStreamAndAReconnectCatchesUp() {
        String seen;
        try (SseRecorder events = server.subscribe(topics("a"))) {
            events.next();
            seen = server.hub.publish("a", SseEvent.message("before the cut"));
            assertThat(events.nextMessage().id()).isEqualTo(seen);

            server.server.disconnectSubscribers();

            events.awaitEnd();
        }
        Await.until("the hub drops the subscriber", () -> server.hub.subscriberCount() == 0);
        String missed = server.hub.publish("a", SseEvent.message("while away"));
        try (SseRecorder events = server.subscribe(topics("a"), "Last-Event-ID", seen)) {
            events.next();
            assertThat(events.nextMessage()).isEqualTo(SseEvent.message(missed, null, "while away"));
        }
    }

    @Test
    void clientThatVanishesIsUnsubscribed() {
        SseRecorder events = server.subscribe(topics("a"));
        events.next();
        assertThat(server.hub.subscriberCount()).isEqualTo(1);

        events.close();

        Await.until("the hub drops the subscriber", () -> server.hub.subscriberCount() == 0);
        Await.until("the stream is closed", () -> server.server.stats().openStreams() == 0);
    }

    @Test
    void slowConsumerIsDisconnectedAndOthersAreUnaffected() throws IOException {
        String payload = "x".repeat(8 * 1024);
        try (Socket stuck = new Socket(); SseRecorder healthy = server.subscribe(topics("a"))) {
            stuck.setReceiveBufferSize(4096);
            stuck.connect(new InetSocketAddress("127.0.0.1", server.server.port()));
            OutputStream out = stuck.getOutputStream();
            out.write(("GET " + HeraldServer.HUB_PATH + "?topic=a HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Await.until("both streams are open", () -> server.hub.subscriberCount() == 2);

            // The stuck client never reads: its socket buffers fill, its write stalls, its backlog
            // passes the bound. Publishing never waits for it; the healthy stream keeps pace.
            int published = 0;
            while (server.server.stats().slowConsumerDisconnects() == 0) {
                assertThat(published).as("events published before the slow consumer overflowed").isLessThan(100_000);
                String id = server.hub.publish("a", SseEvent.message(payload));
                assertThat(healthy.nextMessage().id()).isEqualTo(id);
                published++;
            }

            Await.until("the slow consumer is unsubscribed", () -> server.hub.subscriberCount() == 1);
            assertThat(readsToTheEnd(stuck)).isTrue();
            String after = server.hub.publish("a", SseEvent.message("after"));
            assertThat(healthy.nextMessage()).isEqualTo(SseEvent.message(after, null, "after"));
            assertThat(server.server.stats()).isEqualTo(new HeraldServer.Stats(1, 1));
        }
    }

    @Test
    void closeSendsTheFinalEventAndEndsEveryStream() {
        try (SseRecorder events = server.subscribe(topics("a"))) {
            events.next();

            server.server.close();

            SseEvent.Message last = events.nextMessage();
            assertThat(last.type()).isEqualTo(Hub.SHUTDOWN_EVENT_TYPE);
            assertThat(last.data()).isNotEmpty();
            events.awaitEnd();
        }
    }

    @Test
    void subscribeAndPublishGet503OnceTheHubIsShuttingDown() {
        server.hub.close();

        HttpResponse<String> subscribe = server.get(server.hub(topics("a")));
        assertThat(subscribe.statusCode()).isEqualTo(503);
        assertThat(subscribe.body()).isEqualTo("the hub is shutting down\n");
        HttpResponse<String> publish = server.publish(TestServer.token("a"), "topic", "a", "data", "x");
        assertThat(publish.statusCode()).isEqualTo(503);
        assertThat(publish.body()).isEqualTo("the hub is shutting down\n");
    }

    /**
     * Reads the stuck client's response to its end: the last chunk of a response ended normally,
     * or the end of a connection the server aborted (a write to it had stalled).
     */
    private static boolean readsToTheEnd(Socket socket) throws IOException {
        socket.setSoTimeout((int) SseRecorder.TIMEOUT.toMillis());
        InputStream in = socket.getInputStream();
        String lastChunk = "\r\n0\r\n\r\n";
        StringBuilder tail = new StringBuilder();
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                tail.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                if (tail.toString().endsWith(lastChunk)) {
                    return true;
                }
                tail.delete(0, Math.max(0, tail.length() - lastChunk.length()));
            }
        } catch (SocketException reset) {
            // An aborted connection may end in a reset rather than a FIN.
        }
        return true;
    }
}
