package dev.herald.jetty;

import static dev.herald.jetty.TestServer.topics;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.sse.SseEvent;
import dev.herald.testing.SseRecorder;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code herald-route=topics}: the subscribe a browser shares among its tabs. Every event's data
 * starts with a line naming the subscribed topics it belongs to and its hub position.
 */
class RoutedSubscribeTest {

    private static final String ROUTED = "&herald-route=topics";

    private final TestServer server = new TestServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void eachEventsDataStartsWithItsTopicsAndPositionAndItsIdIsUnchanged() {
        try (SseRecorder events = server.subscribe(topics("chat/1", "notifications") + ROUTED)) {
            events.next(); // retry
            String chat = server.hub.publish("chat/1", SseEvent.message("chat-message", "<li>hi</li>"));
            String both = server.hub.publish(List.of("notifications", "chat/1"), SseEvent.message("<b>2</b>"));

            assertThat(events.nextMessage()).isEqualTo(SseEvent.message(chat, "chat-message",
                    "{\"position\":1,\"topics\":[\"chat/1\"]}\n<li>hi</li>"));
            assertThat(events.nextMessage()).isEqualTo(SseEvent.message(both, null,
                    "{\"position\":2,\"topics\":[\"chat/1\",\"notifications\"]}\n<b>2</b>"));
        }
    }

    @Test
    void aTopicOfTheEventTheSubscriberDidNotAskForIsNotNamed() {
        try (SseRecorder events = server.subscribe(topics("chat/1") + ROUTED)) {
            events.next();
            server.hub.publish(List.of("chat/1", "users/42/inbox"), SseEvent.message("x"));

            assertThat(events.nextMessage().data()).isEqualTo("{\"position\":1,\"topics\":[\"chat/1\"]}\nx");
        }
    }

    @Test
    void aReplayIsRoutedAsLiveEventsAre() {
        String seen = server.hub.publish("a", SseEvent.message("a1"));
        server.hub.publish("b", SseEvent.message("b2"));
        try (SseRecorder events = server.subscribe(topics("a", "b") + "&lastEventID=" + TestServer.encode(seen) + ROUTED)) {
            assertThat(events.nextMessage().data()).isEqualTo("{\"position\":2,\"topics\":[\"b\"]}\nb2");
        }
    }

    @Test
    void aResetEventIsRoutedToTheTopicsThatLostHistory() {
        try (SseRecorder events = server.subscribe(topics("b", "a") + ROUTED, "Last-Event-ID", "no-such-id")) {
            SseEvent.Message reset = events.nextMessage();

            assertThat(reset.type()).isEqualTo("herald-reset");
            assertThat(reset.data()).isEqualTo("{\"topics\":[\"a\",\"b\"]}\n"
                    + "{\"reason\":\"unknown-id\",\"lastEventId\":\"no-such-id\",\"topics\":[\"a\",\"b\"]}");
        }
    }

    @Test
    void withoutTheParameterEventsAreAsMercureWritesThem() {
        try (SseRecorder events = server.subscribe(topics("a"))) {
            events.next();
            String id = server.hub.publish("a", SseEvent.message("plain"));

            assertThat(events.nextMessage()).isEqualTo(SseEvent.message(id, null, "plain"));
        }
    }

    @Test
    void anyOtherRouteIsA400WithTheReason() {
        HttpResponse<String> response = server.get(server.hub(topics("a") + "&herald-route=ids"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("herald-route must be given once, as \"topics\"\n");
    }
}
