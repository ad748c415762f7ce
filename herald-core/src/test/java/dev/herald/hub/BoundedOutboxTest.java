package dev.herald.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.sse.SseEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BoundedOutboxTest {

    private static HubEvent event(long position, int bytes) {
        String data = "x".repeat(bytes);
        return new HubEvent(position, Set.of("t"), SseEvent.message(data), data.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void handsOverEverythingQueuedInOneTakeInOrder() throws InterruptedException {
        Outbox outbox = Outbox.bounded(1_000);
        outbox.onReplay(new Replay.Exact(List.of(event(1, 10))));
        outbox.onEvent(event(2, 10));
        outbox.onEvent(event(3, 10));

        assertThat(outbox.take(Duration.ZERO)).extracting(d -> ((HubEvent) d).position()).containsExactly(1L, 2L, 3L);
        assertThat(outbox.backlogBytes()).isZero();
    }

    @Test
    void aGapComesBeforeTheEventsThatCouldStillBeReplayed() throws InterruptedException {
        Outbox outbox = Outbox.bounded(1_000);
        var gap = new Replay.Gap(Replay.Reason.EXPIRED, "x", Set.of("busy"), List.of(event(5, 1)));
        outbox.onReplay(gap);

        assertThat(outbox.take(Duration.ZERO)).containsExactly(gap, gap.events().getFirst());
    }

    @Test
    void returnsNothingWhenTheTimeoutPassesWithNothingQueued() throws InterruptedException {
        assertThat(Outbox.bounded(1_000).take(Duration.ofMillis(20))).isEmpty();
    }

    @Test
    void overflowingTheBacklogDiscardsItAndEndsWithOverflow() throws InterruptedException {
        Outbox outbox = Outbox.bounded(100);
        outbox.onEvent(event(1, 60));
        outbox.onEvent(event(2, 60));
        outbox.onEvent(event(3, 10));

        assertThat(outbox.take(Duration.ZERO)).containsExactly(new Delivery.Overflow(120, 100));
        assertThat(outbox.take(Duration.ofSeconds(10))).containsExactly(new Delivery.Overflow(120, 100));
    }

    @Test
    void theReplayDoesNotCountAgainstTheBacklogBound() throws InterruptedException {
        Outbox outbox = Outbox.bounded(100);
        outbox.onReplay(new Replay.Exact(List.of(event(1, 500), event(2, 500))));
        outbox.onEvent(event(3, 50));

        assertThat(outbox.take(Duration.ZERO)).hasSize(3);
    }

    @Test
    void takingResetsTheBacklog() throws InterruptedException {
        Outbox outbox = Outbox.bounded(100);
        outbox.onEvent(event(1, 60));
        outbox.take(Duration.ZERO);
        HubEvent second = event(2, 60);
        outbox.onEvent(second);

        assertThat(outbox.take(Duration.ZERO)).containsExactly(second);
    }

    @Test
    void shutdownComesAfterTheEventsAlreadyQueued() throws InterruptedException {
        Outbox outbox = Outbox.bounded(1_000);
        HubEvent first = event(1, 10);
        outbox.onEvent(first);
        SseEvent.Message last = SseEvent.message("bye", "done");
        outbox.onShutdown(last);
        outbox.onEvent(event(2, 10));

        assertThat(outbox.take(Duration.ZERO)).containsExactly(first, new Delivery.Shutdown(last));
    }

    @Test
    void aWaitingWriterWakesWhenAnEventArrives() throws Exception {
        Outbox outbox = Outbox.bounded(1_000);
        HubEvent arriving = event(1, 10);
        Thread publisher = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            outbox.onEvent(arriving);
        });

        assertThat(outbox.take(Duration.ofSeconds(10))).containsExactly(arriving);
        publisher.join();
    }
}
