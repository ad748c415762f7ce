package dev.herald.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.sse.SseEvent;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A stream's writes: the opening, then the hub's events, coalesced while the peer is busy. */
class StreamWriter_WritingTest {

    private final ManualWriter writer = new ManualWriter();
    private final FakeSink sink = new FakeSink();

    private void start() {
        writer.start(sink, StreamPlan.of(Set.of("a")), null, () -> { });
    }

    @Test
    void opensWithTheRetryDelayAndThenWaitsHoldingNoThread() {
        start();

        assertThat(sink.writes).containsExactly("retry: 3000\n\n");
        int runs = writer.runs.get();
        writer.run();
        assertThat(writer.runs).as("an idle stream is not run again until something happens").hasValue(runs);
        assertThat(writer.pool.stats().openStreams()).isEqualTo(1);
    }

    @Test
    void opensWithThePlansFirstEventsAfterTheRetryDelay() {
        writer.start(sink, new StreamPlan(Set.of("a"), List.of(SseEvent.message("<div>skeleton</div>")), Set.of(), null), null, () -> { });

        assertThat(sink.writes).containsExactly("retry: 3000\n\ndata: <div>skeleton</div>\n\n");
    }

    @Test
    void anEventForAnIdleStreamIsWrittenAtOnceAsTheHubsSharedBytes() {
        start();

        String id = writer.hub.publish("a", SseEvent.message("hello"));
        writer.run();

        assertThat(sink.last()).isEqualTo("id: " + id + "\ndata: hello\n\n");
        assertThat(sink.buffers.getLast().isReadOnly()).as("the shared bytes, not a copy").isTrue();
    }

    @Test
    void eventsQueuedWhileAWriteIsPendingGoOutTogetherInOneWriteWhenItCompletes() {
        start();
        sink.stall();
        String first = writer.hub.publish("a", SseEvent.message("one"));
        writer.run();
        assertThat(sink.writing()).isTrue();

        String second = writer.hub.publish("a", SseEvent.message("two"));
        String third = writer.hub.publish("a", SseEvent.message("three"));
        writer.run();
        assertThat(sink.writes).hasSize(2); // still waiting for the peer: nothing more is written
        sink.flowing();
        writer.run();

        assertThat(sink.writes).containsExactly("retry: 3000\n\n",
                "id: " + first + "\ndata: one\n\n",
                "id: " + second + "\ndata: two\n\nid: " + third + "\ndata: three\n\n");
    }

    @Test
    void theReplayIsWrittenRightAfterTheOpening() {
        String seen = writer.hub.publish("a", SseEvent.message("seen"));
        String missed = writer.hub.publish("a", SseEvent.message("missed"));

        writer.start(sink, StreamPlan.of(Set.of("a")), seen, () -> { });

        assertThat(sink.writes).containsExactly("retry: 3000\n\n", "id: " + missed + "\ndata: missed\n\n");
    }

    @Test
    void publishingToManyIdleStreamsOnlyQueuesAndHandsThemOver() {
        FakeSink other = new FakeSink();
        start();
        writer.start(other, StreamPlan.of(Set.of("a")), null, () -> { });

        writer.hub.publish("a", SseEvent.message("x"));

        assertThat(writer.ready).as("both streams handed to their writer thread").hasSize(2);
        assertThat(sink.writes).hasSize(1);
        assertThat(other.writes).hasSize(1);
        writer.run();
        assertThat(sink.writes).hasSize(2);
        assertThat(other.writes).hasSize(2);
    }
}
