package dev.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.herald.app.db.TestDatabase;
import dev.herald.sse.SseEvent;
import dev.herald.testing.RequiredServices;
import dev.herald.testing.SseRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when", on the runnable jar: three app processes on one PostgreSQL and one Redis,
 * a real SSE client subscribed on A while events are published over HTTP to C; A is killed with
 * SIGKILL mid-stream; the client reconnects to B with its Last-Event-ID and has every event exactly
 * once, in order.
 */
class SeveralNodesIT {

    private static final String KEY = "several-nodes-test-key-of-32-bytes-or-more";
    private static final int EVENTS = 60;

    @TempDir
    Path dir;
    private final List<JarProcess> nodes = new ArrayList<>();
    private TestDatabase database;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stop() {
        nodes.forEach(JarProcess::close);
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aClientWhoseNodeIsKilledResumesOnAnotherWithEveryEventOnceInOrder() throws Exception {
        RequiredServices.redis();
        database = TestDatabase.create(TestDatabase.Engine.POSTGRESQL, dir);
        String prefix = "herald-test:" + UUID.randomUUID() + ":";
        URI a = node("a", prefix);
        URI b = node("b", prefix);
        URI c = node("c", prefix);
        nodes.forEach(node -> node.awaitReady(client));
        AtomicInteger published = new AtomicInteger();
        Thread publisher = Thread.ofVirtual().start(() -> {
            for (int i = 1; i <= EVENTS; i++) {
                publish(c, Integer.toString(i));
                published.set(i);
            }
        });

        List<String> seen = new ArrayList<>();
        String lastId;
        try (SseRecorder onA = SseRecorder.connect(client, a.resolve("/.well-known/mercure?topic=t&lastEventID=earliest"))) {
            SseEvent.Message message;
            do {
                message = onA.nextMessage();
                seen.add(message.data());
            } while (seen.size() < EVENTS / 3);
            lastId = message.id();
            nodes.getFirst().kill(); // kill -9 node A mid-stream
        }
        try (SseRecorder onB = SseRecorder.connect(client, b.resolve("/.well-known/mercure?topic=t"), "Last-Event-ID", lastId)) {
            while (seen.size() < EVENTS) {
                seen.add(onB.nextMessage().data());
            }
        }
        publisher.join();

        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= EVENTS; i++) {
            expected.add(Integer.toString(i));
        }
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    private URI node(String name, String prefix) throws IOException {
        Map<String, String> settings = new HashMap<>(database.settings());
        settings.put("HERALD_DATA_DIR", dir.resolve(name).toString());
        settings.put("HERALD_REDIS_URL", "redis://127.0.0.1:" + RequiredServices.REDIS_PORT);
        settings.put("HERALD_REDIS_KEY_PREFIX", prefix);
        settings.put("HERALD_PUBLISHER_JWT_KEY", KEY);
        JarProcess node = JarProcess.start(dir.resolve(name + ".log"), settings);
        nodes.add(node);
        return node.uri("/");
    }

    private void publish(URI node, String data) {
        String token = JWT.create().withClaim("mercure", Map.of("publish", List.of("*"))).sign(Algorithm.HMAC256(KEY));
        HttpRequest request = HttpRequest.newBuilder(node.resolve("/.well-known/mercure"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("topic=t&data=" + data))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("publish %s: %s", data, response.body()).isEqualTo(200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
