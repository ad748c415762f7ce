package dev.herald.jetty;

import static dev.herald.jetty.TestServer.topics;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Await;
import dev.herald.testing.SseRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamListenerTest {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    // A vanished HTTP/1.1 client is noticed at the next write: a short heartbeat makes that soon.
    private final TestServer server = new TestServer(s -> s.heartbeat(Duration.ofMillis(200)).streamListener(new StreamListener() {
        @Override
        public void opened(Stream stream) {
            calls.add("opened " + stream.topics() + " " + stream.cookie("user"));
        }

        @Override
        public void closed(Stream stream) {
            calls.add("closed " + stream.topics() + " " + stream.cookie("user"));
        }
    }).streamListener(new StreamListener() {
        @Override
        public void opened(Stream stream) {
            throw new IllegalStateException("a failing listener does not stop the stream or the others");
        }

        @Override
        public void closed(Stream stream) {
        }
    }));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void isToldWhenAStreamOpensAndWhenItEndsWithItsTopicsAndCookies() {
        try (SseRecorder events = server.subscribe(topics("room"), "Cookie", "user=ann; other=x")) {
            events.next(); // retry: the stream is open
            assertThat(calls).containsExactly("opened " + Set.of("room") + " ann");
        }
        Await.until("the stream's end is noticed", () -> calls.size() == 2);
        assertThat(calls.get(1)).isEqualTo("closed " + Set.of("room") + " ann");
    }
}
