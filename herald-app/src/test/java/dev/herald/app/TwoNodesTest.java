package dev.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.chat.ChatContracts;
import dev.herald.app.db.TestDatabase;
import dev.herald.sse.SseEvent;
import dev.herald.testing.RequiredServices;
import dev.herald.testing.SseRecorder;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
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
    private TestDatabase database;
    private TestApp a;
    private TestApp b;

    @BeforeEach
    void start() {
        RequiredServices.redis();
        database = TestDatabase.create(TestDatabase.Engine.POSTGRESQL, dataDir);
        Map<String, String> settings = new HashMap<>(database.settings());
        settings.put("HERALD_REDIS_URL", "redis://127.0.0.1:" + RequiredServices.REDIS_PORT);
        settings.put("HERALD_REDIS_KEY_PREFIX", "herald-test:" + UUID.randomUUID() + ":");
        a = TestApp.start(dataDir.resolve("a"), settings);
        b = TestApp.start(dataDir.resolve("b"), settings);
    }

    @AfterEach
    void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {a, b, database}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // the next one is closed all the same
            }
        }
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
