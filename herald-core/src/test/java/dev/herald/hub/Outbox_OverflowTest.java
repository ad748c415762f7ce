package dev.herald.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.sse.SseEvent;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class Outbox_OverflowTest {

    private static HubEvent event(long position, int size) {
        return new HubEvent(position, Set.of("t"), SseEvent.message("id" + position, null, "x"), new byte[size]);
    }

    @Test
    void runsTheOverflowHookOnceWhenTheBacklogPassesItsBound() throws InterruptedException {
        AtomicInteger overflows = new AtomicInteger();
        Outbox outbox = Outbox.bounded(100, overflows::incrementAndGet);

        outbox.onEvent(event(1, 60));
        assertThat(overflows).hasValue(0);
        outbox.onEvent(event(2, 60));
        outbox.onEvent(event(3, 60));

        assertThat(overflows).hasValue(1);
        assertThat(outbox.take(Duration.ZERO)).singleElement().isInstanceOf(Delivery.Overflow.class);
    }

    @Test
    void doesNotRunTheOverflowHookWhileTheWriterKeepsUp() throws InterruptedException {
        AtomicInteger overflows = new AtomicInteger();
        Outbox outbox = Outbox.bounded(100, overflows::incrementAndGet);

        for (long p = 1; p <= 10; p++) {
            outbox.onEvent(event(p, 60));
            assertThat(outbox.take(Duration.ZERO)).hasSize(1);
        }

        assertThat(overflows).hasValue(0);
    }
}
