package dev.herald.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.sse.SseEvent;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A writer that found nothing is told once when something arrives, and never while it is busy. */
class Outbox_ReadinessTest {

    private final CountingListener listener = new CountingListener();
    private final Outbox outbox = Outbox.bounded(100, listener);

    private static HubEvent event(long position, int size) {
        return new HubEvent(position, Set.of("t"), SseEvent.message("id" + position, null, "x"), new byte[size]);
    }

    @Test
    void aNewOutboxIsNotArmedItsWriterPollsFirst() {
        outbox.onEvent(event(1, 10));

        assertThat(listener.ready).isZero();
        assertThat(outbox.poll()).hasSize(1);
    }

    @Test
    void anEmptyPollArmsTheOutboxAndTheNextEventSignalsReadyOnce() {
        assertThat(outbox.poll()).isEmpty();

        outbox.onEvent(event(1, 10));
        outbox.onEvent(event(2, 10));

        assertThat(listener.ready).isEqualTo(1);
        assertThat(outbox.poll()).hasSize(2);
    }

    @Test
    void aPollThatFindsEventsDoesNotArm() {
        outbox.onEvent(event(1, 10));
        outbox.poll();

        outbox.onEvent(event(2, 10));

        assertThat(listener.ready).isZero();
    }

    @Test
    void theReplayAndTheShutdownSignalAnArmedOutboxToo() {
        outbox.poll();
        outbox.onReplay(new Replay.Exact(List.of(event(1, 10))));
        assertThat(listener.ready).isEqualTo(1);

        outbox.poll();
        outbox.poll();
        outbox.onShutdown(SseEvent.message("bye", "done"));
        assertThat(listener.ready).isEqualTo(2);
    }

    @Test
    void anEmptyReplayDoesNotSignal() {
        outbox.poll();

        outbox.onReplay(new Replay.Exact(List.of()));

        assertThat(listener.ready).isZero();
    }

    @Test
    void theOverflowIsToldOnce() {
        outbox.onEvent(event(1, 60));
        outbox.onEvent(event(2, 60));
        outbox.onEvent(event(3, 60));

        assertThat(listener.overflows).isEqualTo(1);
        assertThat(outbox.poll()).singleElement().isInstanceOf(Delivery.Overflow.class);
    }

    @Test
    void anOverflowOfAnArmedOutboxAlsoSignalsReady() {
        outbox.poll();

        outbox.onEvent(event(1, 200));

        assertThat(listener.overflows).isEqualTo(1);
        assertThat(listener.ready).isEqualTo(1);
        assertThat(outbox.poll()).singleElement().isInstanceOf(Delivery.Overflow.class);
    }

    @Test
    void aWriterThatKeepsUpNeverOverflows() {
        for (long p = 1; p <= 10; p++) {
            outbox.onEvent(event(p, 60));
            assertThat(outbox.poll()).hasSize(1);
        }

        assertThat(listener.overflows).isZero();
    }

    private static final class CountingListener implements Outbox.Listener {
        int ready;
        int overflows;

        @Override
        public void onReady() {
            ready++;
        }

        @Override
        public void onOverflow() {
            overflows++;
        }
    }
}
