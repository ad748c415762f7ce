package dev.herald.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.hub.SnapshotSource;
import dev.herald.sse.SseEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A gap is re-rendered from snapshots read on a virtual thread, never on a writer thread. */
class StreamWriter_GapTest {

    private ManualWriter writer;
    private final FakeSink sink = new FakeSink();

    private void writerWith(SnapshotSource snapshots) {
        writer = new ManualWriter(s -> s.snapshots(snapshots));
    }

    @Test
    void theSnapshotIsReadOnAVirtualThreadThenWrittenThenLiveEventsFollow() {
        writerWith(topic -> Optional.of(new SnapshotSource.Snapshot(writer.hub.position(), List.of(SseEvent.message("snapshot", "state")))));
        writer.start(sink, StreamPlan.of(Set.of("a")), "unknown-id", () -> { });

        assertThat(sink.writes).as("the opening only: the snapshot waits for its virtual thread").hasSize(1);
        writer.runBlocking();
        String live = writer.hub.publish("a", SseEvent.message("live"));
        writer.run();

        assertThat(sink.writes).containsExactly("retry: 3000\n\n", "event: snapshot\ndata: state\n\n",
                "id: " + live + "\ndata: live\n\n");
    }

    @Test
    void aGapNoSnapshotCoversIsToldAsTheGapNotice() {
        writerWith(SnapshotSource.none());
        writer.start(sink, StreamPlan.of(Set.of("a")), "unknown-id", () -> { });
        writer.runBlocking();

        assertThat(sink.last()).isEqualTo("event: gap\ndata: [a]\n\n");
    }

    @Test
    void aSnapshotSourceThatFailsIsReportedAsTheGap() {
        writerWith(topic -> {
            throw new IllegalStateException("database down");
        });
        writer.start(sink, StreamPlan.of(Set.of("a")), "unknown-id", () -> { });
        writer.runBlocking();

        assertThat(sink.last()).isEqualTo("event: gap\ndata: [a]\n\n");
        assertThat(sink.aborted).isNull();
    }

    @Test
    void eventsPublishedBeforeTheSnapshotWasReadAreSkippedWithoutAnEmptyWrite() {
        writerWith(topic -> Optional.of(new SnapshotSource.Snapshot(writer.hub.position(), List.of(SseEvent.message("snapshot", "all")))));
        writer.start(sink, StreamPlan.of(Set.of("a")), "unknown-id", () -> { });
        writer.hub.publish("a", SseEvent.message("queued behind the gap, and in the snapshot"));
        writer.runBlocking();

        assertThat(sink.writes).containsExactly("retry: 3000\n\n", "event: snapshot\ndata: all\n\n");
    }

    @Test
    void aSnapshotOfAnEndingTypeEndsTheStream() {
        writerWith(topic -> Optional.of(new SnapshotSource.Snapshot(writer.hub.position(), List.of(SseEvent.message("done", "finished")))));
        writer.start(sink, new StreamPlan(Set.of("a"), List.of(), Set.of("done"), null), "unknown-id", () -> { });
        writer.runBlocking();

        assertThat(sink.ended).isTrue();
        assertThat(sink.last()).isEqualTo("event: done\ndata: finished\n\n");
    }
}
