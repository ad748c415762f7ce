package dev.herald.servlet;

import static dev.herald.servlet.Http.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.hub.Hub;
import dev.herald.sse.SseEvent;
import dev.herald.stream.EventStream;
import dev.herald.stream.ResetEvent;
import dev.herald.stream.StreamWriter;
import dev.herald.testing.Await;
import dev.herald.testing.SseRecorder;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An application's own request answered with a hub stream ({@link HeraldStreams#stream}) in a
 * servlet container: the application's first event, then the topic from the position that event was
 * rendered at, until the ending event; resumed after Last-Event-ID; refused with a reason.
 */
class ApplicationStreamTest {

    private final Hub hub = Hub.builder().maxEventsPerTopic(2).build();
    private final HeraldStreams streams = HeraldStreams.start(hub,
            StreamWriter.builder(ResetEvent::encode).heartbeat(Duration.ofMillis(200)));
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Container.Running container;

    /** GET /runs: the skeleton at the current position, then the run's events; resumes after Last-Event-ID. */
    private final HttpServlet runs = new HttpServlet() {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            String resume = request.getHeader("Last-Event-ID");
            String position = hub.position();
            String topic = request.getHeader("X-Topic") == null ? "run" : request.getHeader("X-Topic");
            streams.stream(request, response, EventStream.of(List.of(topic))
                    .after(resume == null ? position : resume)
                    .startingWith(resume == null ? List.of(SseEvent.message(position, null, "<div>skeleton</div>")) : List.of())
                    .endingAfter("done"));
        }
    };

    @AfterEach
    void stop() {
        client.shutdownNow();
        streams.close();
        container.close();
    }

    private SseRecorder get(String... headers) {
        return SseRecorder.connect(client, container.uri().resolve("/runs"), headers);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void writesItsFirstEventThenTheTopicAndEndsAfterTheEndingEvent(Container kind) {
        container = kind.start(runs);
        hub.publish("run", SseEvent.message("chunk", "before the request"));
        try (SseRecorder events = get()) {
            assertThat(events.response().statusCode()).isEqualTo(200);
            assertThat(events.response().headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type.replace(" ", "")).isEqualToIgnoringCase("text/event-stream;charset=utf-8"));
            assertThat(events.response().headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(events.next()).isEqualTo(SseEvent.retry(Duration.ofSeconds(3)));
            SseEvent.Message skeleton = events.nextMessage();
            assertThat(skeleton.type()).isNull();
            assertThat(skeleton.data()).isEqualTo("<div>skeleton</div>");
            assertThat(streams.stats().openStreams()).isEqualTo(1);

            String chunk = hub.publish("run", SseEvent.message("chunk", "Hello"));
            String done = hub.publish("run", SseEvent.message("done", "<p>Done</p>"));
            hub.publish("run", SseEvent.message("chunk", "after the end"));

            assertThat(events.nextMessage()).isEqualTo(SseEvent.message(chunk, "chunk", "Hello"));
            assertThat(events.nextMessage()).isEqualTo(SseEvent.message(done, "done", "<p>Done</p>"));
            events.awaitEnd();
        }
        Await.until("the stream is closed", () -> streams.stats().openStreams() == 0);
        // Its subscription is closed just after, on a virtual thread of its own.
        Await.until("the subscription is closed", () -> hub.subscriberCount() == 0);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aReconnectWithLastEventIdResumesAfterItWithoutTheFirstEvent(Container kind) {
        container = kind.start(runs);
        String seen;
        try (SseRecorder events = get()) {
            events.nextMessage(); // the skeleton
            seen = hub.publish("run", SseEvent.message("chunk", "one"));
            assertThat(events.nextMessage().id()).isEqualTo(seen);
            streams.disconnectAll();
            events.awaitEnd();
        }
        String missed = hub.publish("run", SseEvent.message("chunk", "two"));
        try (SseRecorder events = get("Last-Event-ID", seen)) {
            events.next(); // retry
            assertThat(events.nextMessage()).isEqualTo(SseEvent.message(missed, "chunk", "two"));
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void anIdWhoseHistoryIsGoneGetsTheResetEventThenLiveEvents(Container kind) {
        container = kind.start(runs);
        String old = hub.publish("run", SseEvent.message("chunk", "one"));
        hub.publish("run", SseEvent.message("chunk", "two"));
        hub.publish("run", SseEvent.message("chunk", "three"));
        hub.publish("run", SseEvent.message("chunk", "four")); // the log holds two: "two", after "one", is gone
        try (SseRecorder events = get("Last-Event-ID", old)) {
            events.next(); // retry
            SseEvent.Message reset = events.nextMessage();
            assertThat(reset.type()).isEqualTo("herald-reset");
            assertThat(reset.data()).contains("\"reason\":\"expired\"");
            String live = hub.publish("run", SseEvent.message("chunk", "five"));
            assertThat(events.nextMessage().id()).isEqualTo(live);
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void quietStreamsGetHeartbeatComments(Container kind) {
        container = kind.start(runs);
        try (SseRecorder events = get()) {
            events.next(); // retry
            events.nextMessage(); // skeleton
            assertThat(events.next()).isInstanceOf(SseEvent.Comment.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aResumeIdTooLongIsRefusedWithTheReason(Container kind) {
        container = kind.start(runs);
        HttpResponse<String> response = send(client, HttpRequest.newBuilder(container.uri().resolve("/runs"))
                .header("Last-Event-ID", "x".repeat(300)).build());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("Last-Event-ID is 300 chars long, the limit is 256\n");
        assertThat(hub.subscriberCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aHubShuttingDownIsAnswered503(Container kind) {
        container = kind.start(runs);
        hub.shutdown(SseEvent.message(Hub.SHUTDOWN_EVENT_TYPE, "bye"));
        HttpResponse<String> response = send(client, HttpRequest.newBuilder(container.uri().resolve("/runs")).build());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("the hub is shutting down\n");
    }
}
