package dev.herald.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.sse.SseEvent;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How a stream ends abnormally — a slow consumer, a cut, a peer that is gone — and what it releases. */
class StreamWriter_FailureTest {

    private final ManualWriter writer = new ManualWriter(s -> s.maxBacklogBytes(200));
    private final FakeSink sink = new FakeSink();
    private final AtomicInteger ends = new AtomicInteger();

    private StreamWriter.Stream start() {
        return writer.start(sink, StreamPlan.of(Set.of("a")), null, ends::incrementAndGet);
    }

    @Test
    void anOverflowDuringAStalledWriteAbortsTheWrite() {
        start();
        sink.stall();
        writer.hub.publish("a", SseEvent.message("stuck in the socket"));
        writer.run();
        assertThat(sink.writing()).isTrue();

        for (int i = 0; i < 5; i++) {
            writer.hub.publish("a", SseEvent.message("x".repeat(50)));
        }
        writer.run();

        assertThat(sink.aborted).hasMessageContaining("slow consumer");
        assertThat(sink.writing()).as("the aborted write failed").isFalse();
        assertThat(writer.pool.stats().slowConsumerDisconnects()).isEqualTo(1);
        writer.runBlocking();
        assertThat(writer.hub.subscriberCount()).isZero();
        assertThat(ends).hasValue(1);
    }

    @Test
    void anOverflowWhileNotWritingEndsTheStreamNormally() {
        start();

        for (int i = 0; i < 5; i++) {
            writer.hub.publish("a", SseEvent.message("x".repeat(50)));
        }
        writer.run();

        assertThat(sink.ended).isTrue();
        assertThat(sink.aborted).isNull();
        assertThat(writer.pool.stats().slowConsumerDisconnects()).isEqualTo(1);
    }

    @Test
    void aCutAbortsTheStreamAndReleasesItsSubscription() {
        StreamWriter.Stream stream = start();

        stream.cut();
        writer.run();

        assertThat(sink.aborted).hasMessageContaining("cut");
        writer.runBlocking();
        assertThat(writer.hub.subscriberCount()).isZero();
        assertThat(writer.pool.stats().openStreams()).isZero();
        assertThat(ends).hasValue(1);
    }

    @Test
    void cutAllCutsEveryOpenStream() {
        FakeSink other = new FakeSink();
        start();
        writer.start(other, StreamPlan.of(Set.of("b")), null, () -> { });

        writer.pool.cutAll();
        writer.run();

        assertThat(sink.aborted).isNotNull();
        assertThat(other.aborted).isNotNull();
    }

    @Test
    void aPeerThatWentAwayIsNoticedAtTheNextWriteAndItsMemoryReleased() {
        start();
        sink.stall();

        writer.hub.publish("a", SseEvent.message("to nobody"));
        writer.run();
        sink.fail(new IOException("Broken pipe"));
        writer.run();

        assertThat(writer.pool.stats().openStreams()).isZero();
        writer.runBlocking();
        assertThat(writer.hub.subscriberCount()).as("the hub no longer holds its outbox").isZero();
        assertThat(ends).hasValue(1);
    }

    @Test
    void aPeerThatWentAwayIsNoticedAtTheNextHeartbeatWhenNothingIsPublished() {
        start();
        sink.stall();

        writer.advance(ManualWriter.HEARTBEAT);
        assertThat(sink.last()).isEqualTo(":\n\n");
        sink.fail(new IOException("Connection reset by peer"));
        writer.run();

        assertThat(writer.pool.stats().openStreams()).isZero();
    }

    @Test
    void aWriteNotTakenWithinTwoHeartbeatsAbortsTheStream() {
        start();
        sink.stall();
        writer.hub.publish("a", SseEvent.message("never read"));
        writer.run();

        writer.advance(ManualWriter.HEARTBEAT);
        assertThat(sink.aborted).isNull();
        writer.advance(ManualWriter.HEARTBEAT);

        assertThat(sink.aborted).hasMessageContaining("not taken within two heartbeats");
        writer.runBlocking();
        assertThat(writer.hub.subscriberCount()).isZero();
    }

    @Test
    void aPeerTheBindingKnowsIsGoneEndsTheStreamAtOnce() {
        StreamWriter.Stream stream = start();

        stream.peerGone(new IOException("RST_STREAM"));
        writer.run();

        assertThat(sink.aborted).hasMessage("RST_STREAM");
        assertThat(writer.pool.stats().openStreams()).isZero();
    }

    @Test
    void aPeerGoneBeforeTheStreamStartedEndsItWithoutAWrite() {
        StreamWriter.Stream stream = writer.pool.open(sink, StreamPlan.of(Set.of("a")),
                outbox -> writer.hub.subscribe(Set.of("a"), null, outbox));
        stream.peerGone(new IOException("gone"));
        writer.run();

        stream.start(ends::incrementAndGet);
        writer.runBlocking();

        assertThat(sink.writes).isEmpty();
        assertThat(sink.aborted).hasMessage("gone");
        assertThat(ends).hasValue(1);
        assertThat(writer.hub.subscriberCount()).isZero();
    }
}
