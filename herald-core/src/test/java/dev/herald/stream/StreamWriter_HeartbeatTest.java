package dev.herald.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.sse.SseEvent;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A silent stream gets a comment after a heartbeat, from the one timer, and only then. */
class StreamWriter_HeartbeatTest {

    private final ManualWriter writer = new ManualWriter();
    private final FakeSink sink = new FakeSink();

    @Test
    void aStreamSilentForAHeartbeatGetsAComment() {
        writer.start(sink, StreamPlan.of(Set.of("a")), null, () -> { });

        writer.advance(ManualWriter.HEARTBEAT.minusMillis(1));
        assertThat(sink.writes).hasSize(1);
        writer.advance(Duration.ofMillis(1));

        assertThat(sink.writes).containsExactly("retry: 3000\n\n", ":\n\n");
        writer.advance(ManualWriter.HEARTBEAT);
        assertThat(sink.writes).hasSize(3);
    }

    @Test
    void everyWriteStartsTheSilenceAgain() {
        writer.start(sink, StreamPlan.of(Set.of("a")), null, () -> { });

        writer.advance(Duration.ofSeconds(10));
        writer.hub.publish("a", SseEvent.message("news"));
        writer.run();
        writer.advance(Duration.ofSeconds(10));

        assertThat(sink.writes).hasSize(2).noneMatch(":\n\n"::equals);
    }

    @Test
    void aStreamWhoseWriteIsPendingGetsNoHeartbeat() {
        writer.start(sink, StreamPlan.of(Set.of("a")), null, () -> { });
        sink.stall();
        writer.hub.publish("a", SseEvent.message("slow"));
        writer.run();

        writer.advance(ManualWriter.HEARTBEAT);
        writer.advance(ManualWriter.HEARTBEAT.dividedBy(2));

        assertThat(sink.writes).hasSize(2);
        assertThat(sink.aborted).isNull();
    }

    @Test
    void theSweepRunsOnlyTheStreamsThatAreDue() {
        writer.start(sink, StreamPlan.of(Set.of("a")), null, () -> { });
        int runs = writer.runs.get();

        writer.advance(Duration.ofSeconds(1));

        assertThat(writer.runs).hasValue(runs);
    }
}
