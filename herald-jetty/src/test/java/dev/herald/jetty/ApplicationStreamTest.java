package dev.herald.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.hub.Hub;
import dev.herald.hub.SnapshotSource;
import dev.herald.sse.SseEvent;
import dev.herald.stream.EventStream;
import dev.herald.testing.Await;
import dev.herald.testing.SseRecorder;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An application's own request answered with a hub stream ({@link HeraldServer#stream}), as htmx 4
 * takes a form's {@code hx-post} response: the application's first event, then the topic from the
 * position that event was rendered at, until the ending event.
 */
class ApplicationStreamTest {

    private final Hub hub = Hub.builder().maxEventsPerTopic(2).build();
    private volatile boolean finished;
    /** The "state" of the run topic, read with its position: a finished run's is its ending event. */
    private final SnapshotSource runState = topic -> topic.equals("run")
            ? Optional.of(new SnapshotSource.Snapshot(hub.position(), List.of(finished
                    ? SseEvent.message("done", "the finished run")
                    : SseEvent.message("herald-snapshot", "the run so far"))))
            : Optional.empty();
    /** POST /runs: the skeleton at the current position, then the run's events; resumes after Last-Event-ID. */
    private final Handler runs = new Handler.Abstract() {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String resume = request.getHeaders().get("Last-Event-ID");
            String position = hub.position();
            String topic = request.getHeaders().get("X-Topic") == null ? "run" : request.getHeaders().get("X-Topic");
            HeraldServer.stream(request, response, callback, EventStream.of(List.of(topic))
                    .after(resume == null ? position : resume)
                    .startingWith(resume == null ? List.of(SseEvent.message(position, null, "<div>skeleton</div>")) : List.of())
                    .endingAfter("done"));
            return true;
        }
    };
    private final TestServer server = new TestServer(hub, s -> s.handler(runs).snapshotSource(runState).heartbeat(Duration.ofMillis(200)));

    @AfterEach
    void stop() {
        server.close();
    }

    /** A handler that answers every request with the stream {@code stream} gives. */
    private static Handler answering(Supplier<EventStream> stream) {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                HeraldServer.stream(request, response, callback, stream.get());
                return true;
            }
        };
    }

    private SseRecorder post(String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.server.uri().resolve("/runs"))
                .header("Accept", "text/html, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("prompt=hi"));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return SseRecorder.send(server.client, request.build());
    }

    @Test
    void writesItsFirstEventThenTheTopicAndEndsAfterTheEndingEvent() {
        hub.publish("run", SseEvent.message("chunk", "before the request"));
        try (SseRecorder events = post()) {
            assertThat(events.response().statusCode()).isEqualTo(200);
            assertThat(events.response().headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
            assertThat(events.next()).isInstanceOf(SseEvent.Retry.class);
            SseEvent.Message skeleton = events.nextMessage();
            assertThat(skeleton.type()).isNull();
            assertThat(skeleton.data()).isEqualTo("<div>skeleton</div>");
            assertThat(server.server.stats().openStreams()).isEqualTo(1);

            String chunk = hub.publish("run", SseEvent.message("chunk", "Hello"));
            String done = hub.publish("run", SseEvent.message("done", "<p>Done</p>"));
            hub.publish("run", SseEvent.message("chunk", "after the end"));

            assertThat(events.nextMessage()).isEqualTo(SseEvent.message(chunk, "chunk", "Hello"));
            assertThat(events.nextMessage()).isEqualTo(SseEvent.message(done, "done", "<p>Done</p>"));
            events.awaitEnd();
        }
        Await.until("the stream is closed", () -> server.server.stats().openStreams() == 0);
        // Its subscription is closed just after, on a virtual thread of its own.
        Await.until("the subscription is closed", () -> hub.subscriberCount() == 0);
    }

    @Test
    void aReconnectWithLastEventIdResumesAfterItWithoutTheFirstEvent() {
        String seen;
        try (SseRecorder events = post()) {
            events.nextMessage(); // the skeleton
            seen = hub.publish("run", SseEvent.message("chunk", "one"));
            assertThat(events.nextMessage().id()).isEqualTo(seen);
            server.server.disconnectSubscribers(); // application streams are cut as subscribers are
            events.awaitEnd();
        }
        String missed = hub.publish("run", SseEvent.message("chunk", "two"));
        try (SseRecorder events = post("Last-Event-ID", seen)) {
            events.next(); // retry
            assertThat(events.nextMessage()).isEqualTo(SseEvent.message(missed, "chunk", "two"));
        }
    }

    @Test
    void aGapReRenderedAsTheEndingEventEndsTheStream() {
        String first = hub.publish("run", SseEvent.message("chunk", "one"));
        hub.publish("run", SseEvent.message("chunk", "two"));
        hub.publish("run", SseEvent.message("chunk", "three"));
        finished = true;
        hub.publish("run", SseEvent.message("done", "<p>Done</p>"));

        try (SseRecorder events = post("Last-Event-ID", first)) {
            events.next(); // retry
            assertThat(events.nextMessage()).isEqualTo(SseEvent.message("done", "the finished run"));
            events.awaitEnd();
        }
    }

    @Test
    void aGapReRenderOfARunningRunGoesOnLive() {
        String first = hub.publish("run", SseEvent.message("chunk", "one"));
        hub.publish("run", SseEvent.message("chunk", "two"));
        hub.publish("run", SseEvent.message("chunk", "three"));
        hub.publish("run", SseEvent.message("chunk", "four")); // the log holds two events: "two" is gone

        try (SseRecorder events = post("Last-Event-ID", first)) {
            events.next(); // retry
            assertThat(events.nextMessage()).isEqualTo(SseEvent.message("herald-snapshot", "the run so far"));
            String live = hub.publish("run", SseEvent.message("chunk", "five"));
            assertThat(events.nextMessage()).isEqualTo(SseEvent.message(live, "chunk", "five"));
        }
    }

    @Test
    void aFirstEventOfAnEndingTypeIsTheWholeStream() {
        Handler finished = answering(() -> EventStream.of(List.of("run"))
                .startingWith(List.of(SseEvent.message("<div>the run</div>"), SseEvent.message("done", "<p>Done</p>")))
                .endingAfter("done"));
        try (TestServer other = new TestServer(s -> s.handler(finished));
             SseRecorder events = SseRecorder.send(other.client, HttpRequest.newBuilder(other.server.uri().resolve("/")).build())) {
            events.next(); // retry
            assertThat(events.nextMessage()).isEqualTo(SseEvent.message("<div>the run</div>"));
            assertThat(events.nextMessage()).isEqualTo(SseEvent.message("done", "<p>Done</p>"));
            events.awaitEnd();
        }
    }

    @Test
    void endsNormallyAtItsDeadline() {
        Handler expiring = answering(() -> EventStream.of(List.of("run")).until(Instant.now().plusMillis(300)));
        try (TestServer other = new TestServer(s -> s.handler(expiring).heartbeat(Duration.ofMillis(200)));
             SseRecorder events = SseRecorder.send(other.client, HttpRequest.newBuilder(other.server.uri().resolve("/")).build())) {
            assertThat(events.next()).isInstanceOf(SseEvent.Retry.class);

            events.awaitEnd(); // the writer ends it normally at the deadline (StreamWriter_EndingTest)
            Await.until("the hub drops the subscriber", () -> other.hub.subscriberCount() == 0);
        }
    }

    @Test
    void aTopicTheHubRefusesOrAnOverlongIdIsA400WithTheReason() {
        try (SseRecorder events = post("X-Topic", "t".repeat(5000))) {
            assertThat(events.response().statusCode()).isEqualTo(400);
        }
        HttpRequest overlong = HttpRequest.newBuilder(server.server.uri().resolve("/runs"))
                .header("Last-Event-ID", "i".repeat(300)).POST(HttpRequest.BodyPublishers.noBody()).build();
        assertThat(server.send(overlong).body()).isEqualTo("Last-Event-ID is 300 chars long, the limit is 256\n");
        assertThat(server.server.stats().openStreams()).isZero();
    }

    @Test
    void shutdownWritesTheFinalEventToApplicationStreamsToo() {
        try (SseRecorder events = post()) {
            events.nextMessage(); // the skeleton
            server.server.close();
            assertThat(events.nextMessage().type()).isEqualTo(Hub.SHUTDOWN_EVENT_TYPE);
            events.awaitEnd();
        }
    }
}
