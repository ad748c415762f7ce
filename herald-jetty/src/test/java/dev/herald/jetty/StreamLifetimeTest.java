package dev.herald.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.sse.SseEvent;
import dev.herald.testing.SseRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Mercure.Builder.maxStreamDuration}: a subscriber's stream ends normally at the bound, and
 * the client, reconnecting with its last event id as a browser's EventSource does, receives every
 * event published meanwhile — none lost, none twice.
 */
class StreamLifetimeTest {

    private static final int EVENTS = 60;

    private final TestServer server = new TestServer(s -> s.heartbeat(Duration.ofMillis(400))
            .mercure(m -> m.maxStreamDuration(Duration.ofMillis(700))));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aStreamEndsAtItsLifetimeAndTheReconnectingClientLosesNothing() throws Exception {
        Instant opened = Instant.now();
        try (SseRecorder events = server.subscribe("topic=a")) {
            events.next(); // retry
            events.awaitEnd();
        }
        assertThat(Duration.between(opened, Instant.now())).isBetween(Duration.ofMillis(600), Duration.ofSeconds(5)); // 0.7 s, and a cold JVM's first request

        List<String> received = new ArrayList<>();
        int connections = 0;
        String lastEventId = server.hub.position();
        try (ExecutorService publisher = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> publishing = publisher.submit(() -> {
                for (int i = 1; i <= EVENTS; i++) {
                    server.hub.publish("a", SseEvent.message("event " + i));
                    Thread.sleep(40); // 2.4 s in all: across several lifetimes
                }
                return null;
            });
            while (received.size() < EVENTS) {
                connections++;
                try (SseRecorder events = server.subscribe("topic=a", "Last-Event-ID", lastEventId)) {
                    for (SseEvent.Message message : events.messagesUntilEnd()) {
                        received.add(message.data());
                        lastEventId = message.id();
                    }
                }
            }
            publishing.get();
        }

        assertThat(received).containsExactlyElementsOf(IntStream.rangeClosed(1, EVENTS).mapToObj(i -> "event " + i).toList());
        assertThat(connections).isGreaterThanOrEqualTo(3);
    }
}
