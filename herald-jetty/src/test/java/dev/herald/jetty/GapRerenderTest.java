package dev.herald.jetty;

import static dev.herald.jetty.TestServer.topics;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.hub.Hub;
import dev.herald.hub.SnapshotSource;
import dev.herald.sse.SseEvent;
import dev.herald.testing.SseRecorder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A client whose history is gone gets the snapshot of the topics a source covers, then live events. */
class GapRerenderTest {

    private final Hub hub = Hub.builder().maxEventsPerTopic(2).build();
    private volatile int count;
    /** The "state" of topic a: how many events it has had, read with the position it is at. */
    private final SnapshotSource counter = topic -> topic.equals("a")
            ? Optional.of(new SnapshotSource.Snapshot(hub.position(), List.of(SseEvent.message("herald-snapshot", "count " + count))))
            : Optional.empty();
    private final TestServer server = new TestServer(hub, s -> s.snapshotSource(counter));

    @AfterEach
    void stop() {
        server.close();
    }

    private String publishToA() {
        count++;
        return hub.publish("a", SseEvent.message("a" + count));
    }

    @Test
    void anExpiredIdGetsTheSnapshotInsteadOfAResetThenOnlyLaterEvents() {
        String first = publishToA();
        for (int i = 0; i < 4; i++) {
            publishToA();
        }

        try (SseRecorder events = server.subscribe(topics("a"), "Last-Event-ID", first)) {
            events.next(); // retry
            assertThat(events.nextMessage()).isEqualTo(SseEvent.message("herald-snapshot", "count 5"));
            String live = publishToA();
            assertThat(events.nextMessage()).isEqualTo(SseEvent.message(live, null, "a6"));
        }
    }

    @Test
    void aTopicNoSourceCoversStillGetsTheResetEvent() {
        String first = hub.publish("b", SseEvent.message("b1"));
        for (int i = 0; i < 3; i++) {
            publishToA();
            hub.publish("b", SseEvent.message("b"));
        }

        try (SseRecorder events = server.subscribe(topics("a", "b"), "Last-Event-ID", first)) {
            events.next(); // retry
            assertThat(events.nextMessage().type()).isEqualTo("herald-snapshot");
            SseEvent.Message reset = events.nextMessage();
            assertThat(reset.type()).isEqualTo("herald-reset");
            assertThat(reset.data()).contains("\"topics\":[\"b\"]");
        }
    }
}
