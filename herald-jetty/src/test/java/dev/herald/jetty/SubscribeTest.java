package dev.herald.jetty;

import static dev.herald.jetty.TestServer.topics;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.sse.SseEvent;
import dev.herald.testing.SseRecorder;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SubscribeTest {

    private final TestServer server = new TestServer(s -> s.retry(Duration.ofMillis(2500)));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersWithEventStreamHeadersAndNoConnectionHeader() {
        try (SseRecorder events = server.subscribe(topics("a"))) {
            HttpResponse<?> response = events.response();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(response.headers().firstValue("X-Accel-Buffering")).hasValue("no");
            assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(response.headers().firstValue("Connection")).isEmpty();
        }
    }

    @Test
    void writesRetryFirst() {
        try (SseRecorder events = server.subscribe(topics("a"))) {
            assertThat(events.next()).isEqualTo(new SseEvent.Retry(2500));
        }
    }

    @Test
    void deliversLiveEventsWithTheirIds() {
        try (SseRecorder events = server.subscribe(topics("a"))) {
            events.next(); // retry
            String id = server.hub.publish("a", SseEvent.message("greeting", "hello\nworld"));
            assertThat(events.nextMessage()).isEqualTo(SseEvent.message(id, "greeting", "hello\nworld"));
        }
    }

    @Test
    void replaysEventsAfterLastEventIdHeaderAcrossTopics() {
        String seen = publishHistory();
        try (SseRecorder events = server.subscribe(topics("a", "b"), "Last-Event-ID", seen)) {
            assertThat(events.nextMessage().data()).isEqualTo("a2");
            assertThat(events.nextMessage().data()).isEqualTo("b2");
            String live = server.hub.publish("a", SseEvent.message("a3"));
            assertThat(events.nextMessage()).isEqualTo(SseEvent.message(live, null, "a3"));
        }
    }

    @Test
    void replaysEventsAfterLastEventIdQueryParameter() {
        String seen = publishHistory();
        try (SseRecorder events = server.subscribe(topics("a", "b") + "&lastEventID=" + TestServer.encode(seen))) {
            assertThat(events.nextMessage().data()).isEqualTo("a2");
            assertThat(events.nextMessage().data()).isEqualTo("b2");
        }
    }

    @Test
    void lastEventIdHeaderWinsOverQueryParameter() {
        String first = server.hub.publish("a", SseEvent.message("a1"));
        String second = server.hub.publish("a", SseEvent.message("a2"));
        server.hub.publish("a", SseEvent.message("a3"));
        try (SseRecorder events = server.subscribe(topics("a") + "&lastEventID=" + TestServer.encode(first), "Last-Event-ID", second)) {
            assertThat(events.nextMessage().data()).isEqualTo("a3");
        }
    }

    @Test
    void unknownLastEventIdGetsResetEventThenLiveEvents() {
        try (SseRecorder events = server.subscribe(topics("b", "a"), "Last-Event-ID", "no-such-id")) {
            SseEvent.Message reset = events.nextMessage();
            assertThat(reset.type()).isEqualTo("herald-reset");
            assertThat(reset.id()).isNull();
            assertThat(reset.data()).isEqualTo("{\"reason\":\"unknown-id\",\"lastEventId\":\"no-such-id\",\"topics\":[\"a\",\"b\"]}");
            String live = server.hub.publish("a", SseEvent.message("live"));
            assertThat(events.nextMessage()).isEqualTo(SseEvent.message(live, null, "live"));
        }
    }

    @Test
    void writesHeartbeatCommentsWhenIdle() {
        try (TestServer fast = new TestServer(s -> s.heartbeat(Duration.ofMillis(200)));
                SseRecorder events = fast.subscribe(topics("a"))) {
            assertThat(events.nextComment()).isEqualTo(SseEvent.comment(""));
        }
    }

    @Test
    void refusesSubscribeWithoutTopic() {
        assertRefused("", 400, "at least one topic parameter is required");
    }

    @Test
    void refusesSubscribeWithTooManyTopics() {
        String[] many = new String[65];
        for (int i = 0; i < many.length; i++) {
            many[i] = "t" + i;
        }
        assertRefused(topics(many), 400, "too many topics: 65, the limit is 64");
    }

    @Test
    void refusesTooLongTopic() {
        assertRefused(topics("x".repeat(1025)), 400, "topic value is 1025 chars long, it must be 1 to 1024");
    }

    @Test
    void refusesTooLongLastEventId() {
        assertRefused(topics("a") + "&lastEventID=" + "x".repeat(257), 400, "Last-Event-ID is 257 chars long, the limit is 256");
    }

    @Test
    void refusesLastEventIdWithLineBreakOrNul() {
        assertRefused(topics("a") + "&lastEventID=x%0Ay", 400, "Last-Event-ID must not contain CR, LF or NUL");
        assertRefused(topics("a") + "&lastEventID=x%00y", 400, "Last-Event-ID must not contain CR, LF or NUL");
    }

    private void assertRefused(String query, int status, String reason) {
        HttpResponse<String> response = server.get(server.hub(query));
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(response.body()).isEqualTo(reason + "\n");
    }

    /** Publishes a1, b1 (returns b1's id), then a2, c2, b2. */
    private String publishHistory() {
        server.hub.publish("a", SseEvent.message("a1"));
        String seen = server.hub.publish("b", SseEvent.message("b1"));
        server.hub.publish("a", SseEvent.message("a2"));
        server.hub.publish("c", SseEvent.message("c2"));
        server.hub.publish("b", SseEvent.message("b2"));
        return seen;
    }
}
