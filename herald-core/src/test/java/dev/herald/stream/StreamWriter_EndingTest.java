package dev.herald.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.hub.Hub;
import dev.herald.sse.SseEvent;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How a stream ends normally: after an ending event, at shutdown, at its deadline — and when its end stalls. */
class StreamWriter_EndingTest {

    private final ManualWriter writer = new ManualWriter();
    private final FakeSink sink = new FakeSink();
    private final AtomicInteger ends = new AtomicInteger();

    private void start(StreamPlan plan) {
        writer.start(sink, plan, null, ends::incrementAndGet);
    }

    @Test
    void endsNormallyAfterAnEventOfAnEndingTypeAndWritesNothingAfterIt() {
        start(new StreamPlan(Set.of("run"), List.of(), Set.of("done"), null));

        writer.hub.publish("run", SseEvent.message("chunk", "a"));
        String done = writer.hub.publish("run", SseEvent.message("done", "<p>Done</p>"));
        writer.hub.publish("run", SseEvent.message("chunk", "after the end"));
        writer.run();

        assertThat(sink.text()).endsWith("id: " + done + "\nevent: done\ndata: <p>Done</p>\n\n");
        assertThat(sink.ended).isTrue();
        assertThat(sink.aborted).isNull();
        writer.runBlocking();
        assertThat(ends).hasValue(1);
        assertThat(writer.hub.subscriberCount()).as("the subscription is closed").isZero();
        assertThat(writer.pool.stats().openStreams()).isZero();
    }

    @Test
    void aFirstEventOfAnEndingTypeIsTheWholeStream() {
        start(new StreamPlan(Set.of("run"), List.of(SseEvent.message("<div>run</div>"), SseEvent.message("done", "<p>Done</p>"),
                SseEvent.message("never")), Set.of("done"), null));

        assertThat(sink.writes).containsExactly("retry: 3000\n\ndata: <div>run</div>\n\nevent: done\ndata: <p>Done</p>\n\n");
        assertThat(sink.ended).isTrue();
    }

    @Test
    void shutdownWritesTheHubsFinalEventAfterWhatIsQueuedAndEnds() {
        start(StreamPlan.of(Set.of("a")));
        sink.stall();
        String queued = writer.hub.publish("a", SseEvent.message("one"));
        writer.run();
        String behind = writer.hub.publish("a", SseEvent.message("two"));

        writer.hub.close();
        sink.flowing();
        writer.run();

        assertThat(sink.writes).containsExactly("retry: 3000\n\n", "id: " + queued + "\ndata: one\n\n",
                "id: " + behind + "\ndata: two\n\nevent: " + Hub.SHUTDOWN_EVENT_TYPE + "\ndata: server shutting down\n\n");
        assertThat(sink.ended).isTrue();
        assertThat(writer.pool.stats().openStreams()).isZero();
    }

    @Test
    void endsNormallyAtItsDeadlineOnTheTimersNextSweep() {
        start(new StreamPlan(Set.of("a"), List.of(), Set.of(), ManualWriter.START.plusSeconds(10)));

        writer.advance(Duration.ofSeconds(9));
        assertThat(sink.ended).isFalse();
        writer.advance(Duration.ofSeconds(1));

        assertThat(sink.ended).isTrue();
        assertThat(sink.last()).as("no bytes, the end of the response").isEmpty();
        assertThat(sink.aborted).isNull();
        writer.runBlocking();
        assertThat(ends).hasValue(1);
    }

    @Test
    void aDeadlineAlreadyPastEndsTheStreamAtTheFirstSweep() {
        start(new StreamPlan(Set.of("a"), List.of(), Set.of(), ManualWriter.START.minusSeconds(1)));

        writer.advance(Duration.ofMillis(1));

        assertThat(sink.ended).isTrue();
    }

    @Test
    void aStreamWhoseLastBytesAreNotTakenWithinAHeartbeatIsAborted() {
        start(new StreamPlan(Set.of("run"), List.of(), Set.of("done"), null));
        sink.stall();
        writer.hub.publish("run", SseEvent.message("done", "bye"));
        writer.run();

        writer.advance(ManualWriter.HEARTBEAT.minusSeconds(1));
        assertThat(sink.aborted).isNull();
        writer.advance(Duration.ofSeconds(1));

        assertThat(sink.aborted).hasMessageContaining("did not take the stream's last bytes within PT15S");
        writer.runBlocking();
        assertThat(ends).hasValue(1);
    }

    @Test
    void aStreamPastItsDeadlineWithAWriteStalledForAHeartbeatIsAborted() {
        start(new StreamPlan(Set.of("a"), List.of(), Set.of(), ManualWriter.START.plusSeconds(5)));
        sink.stall();
        writer.hub.publish("a", SseEvent.message("stuck"));
        writer.run();

        writer.advance(Duration.ofSeconds(6));
        assertThat(sink.aborted).as("the stalled write may still finish").isNull();
        writer.advance(ManualWriter.HEARTBEAT);

        assertThat(sink.aborted).hasMessageContaining("deadline");
    }
}
