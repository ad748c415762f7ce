package dev.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.chat.ChatContracts;
import dev.herald.sse.SseEvent;
import dev.herald.testing.SseRecorder;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two app nodes on one PostgreSQL and one Redis (a key prefix of this test's own), as behind a load
 * balancer: what one node publishes reaches the other's streams, and an id one node issued resumes
 * on the other.
 */
class TwoNodesTest {

    @TempDir
    Path dataDir;
    @AutoClose
    private TwoNodes nodes;
    private TestApp a;
    private TestApp b;

    @BeforeEach
    void start() {
        nodes = TwoNodes.start(dataDir, Map.of());
        a = nodes.a();
        b = nodes.b();
    }

    @Test
    void aChatMessagePostedOnOneNodeIsLiveOnTheOtherAndResumesThereAfterItsId() {
        long room = a.createRoom("shared");
        String topic = ChatContracts.roomTopic(room).replace("/", "%2F");
        String firstId;
        try (SseRecorder onA = SseRecorder.connect(a.client(), a.uri("/.well-known/mercure?topic=" + topic))) {
            b.say("bob", room, "posted on b");
            SseEvent.Message first = onA.nextMessage();
            assertThat(first.type()).isEqualTo("chat-message");
            assertThat(first.data()).contains("posted on b");
            firstId = first.id();
        }
        b.say("bob", room, "while away");

        URI resume = b.uri("/.well-known/mercure?topic=" + topic);
        try (SseRecorder onB = SseRecorder.connect(b.client(), resume, "Last-Event-ID", firstId)) {
            SseEvent.Message replayed = onB.nextMessage();
            assertThat(replayed.data()).contains("while away").doesNotContain("posted on b");
        }
    }

    @Test
    void everyNodeIsReadyWhenItsDatabaseAndRedisAnswer() {
        assertThat(a.get("/healthz").body()).isEqualTo("ok\n");
        assertThat(b.get("/readyz").statusCode()).isEqualTo(200);
        assertThat(b.get("/readyz").body()).isEqualTo("ready\n");
    }
}
