package dev.herald.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.sse.SseEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BoundedOutboxTest {

    private static HubEvent event(long position, int bytes) {
        String data = "x".repeat(bytes);
        return new HubEvent(position, Set.of("t"), SseEvent.message(data), data.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void handsOverEverythingQueuedInOnePollInOrder() {
        Outbox outbox = Outbox.bounded(1_000);
        outbox.onReplay(new Replay.Exact(List.of(event(1, 10))));
        outbox.onEvent(event(2, 10));
        outbox.onEvent(event(3, 10));

        assertThat(outbox.poll()).extracting(d -> ((HubEvent) d).position()).containsExactly(1L, 2L, 3L);
        assertThat(outbox.backlogBytes()).isZero();
    }

    @Test
    void aGapComesBeforeTheEventsThatCouldStillBeReplayed() {
        Outbox outbox = Outbox.bounded(1_000);
        var gap = new Replay.Gap(Replay.Reason.EXPIRED, "x", Set.of("busy"), List.of(event(5, 1)));
        outbox.onReplay(gap);

        assertThat(outbox.poll()).containsExactly(gap, gap.events().getFirst());
    }

    @Test
    void aGapReportedMidStreamIsQueuedBetweenTheEventsBeforeAndAfterIt() {
        Outbox outbox = Outbox.bounded(1_000);
        outbox.onReplay(new Replay.Exact(List.of()));
        outbox.onEvent(event(7, 10));
        var gap = new Replay.Gap(Replay.Reason.EARLIER_EPOCH, "#aaaaaaaa:7", Set.of("t"), List.of());
        outbox.onGap(gap);
        outbox.onEvent(event(1, 10));

        assertThat(outbox.poll()).extracting(d -> d instanceof HubEvent e ? e.position() : d)
                .containsExactly(7L, gap, 1L);
    }

    @Test
    void pollReturnsNothingAtOnceWhenNothingIsQueued() {
        assertThat(Outbox.bounded(1_000).poll()).isEmpty();
    }

    @Test
    void overflowingTheBacklogDiscardsItAndEndsWithOverflow() {
        Outbox outbox = Outbox.bounded(100);
        outbox.onEvent(event(1, 60));
        outbox.onEvent(event(2, 60));
        outbox.onEvent(event(3, 10));

        assertThat(outbox.poll()).containsExactly(new Delivery.Overflow(120, 100));
        assertThat(outbox.poll()).containsExactly(new Delivery.Overflow(120, 100));
    }

    @Test
    void theReplayDoesNotCountAgainstTheBacklogBound() {
        Outbox outbox = Outbox.bounded(100);
        outbox.onReplay(new Replay.Exact(List.of(event(1, 500), event(2, 500))));
        outbox.onEvent(event(3, 50));

        assertThat(outbox.poll()).hasSize(3);
    }

    @Test
    void pollingResetsTheBacklog() {
        Outbox outbox = Outbox.bounded(100);
        outbox.onEvent(event(1, 60));
        outbox.poll();
        HubEvent second = event(2, 60);
        outbox.onEvent(second);

        assertThat(outbox.poll()).containsExactly(second);
    }

    @Test
    void aBurstLargerThanTheKeptQueueIsHandedOverWholeAndTheOutboxGoesOn() {
        Outbox outbox = Outbox.bounded(1_000_000);
        for (long p = 1; p <= 100; p++) {
            outbox.onEvent(event(p, 10));
        }

        assertThat(outbox.poll()).hasSize(100);
        HubEvent next = event(101, 10);
        outbox.onEvent(next);
        assertThat(outbox.poll()).containsExactly(next);
    }

    @Test
    void shutdownComesAfterTheEventsAlreadyQueued() {
        Outbox outbox = Outbox.bounded(1_000);
        HubEvent first = event(1, 10);
        outbox.onEvent(first);
        SseEvent.Message last = SseEvent.message("bye", "done");
        outbox.onShutdown(last);
        outbox.onEvent(event(2, 10));

        assertThat(outbox.poll()).containsExactly(first, new Delivery.Shutdown(last));
        assertThat(outbox.poll()).containsExactly(new Delivery.Shutdown(last));
    }
}
