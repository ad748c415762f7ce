package dev.herald.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.sse.SseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RingEventLogTest {

    private final List<HubEvent> evicted = new ArrayList<>();

    private static HubEvent event(long position, int bytes) {
        return new HubEvent(position, Set.of("t"), SseEvent.message("e" + position), new byte[bytes]);
    }

    private static List<Long> after(RingEventLog log, long position) {
        List<HubEvent> out = new ArrayList<>();
        log.addEventsAfter(position, out);
        return out.stream().map(HubEvent::position).toList();
    }

    @Test
    void roundsTheCountBoundUpToAPowerOfTwo() {
        assertThat(new RingEventLog(1, 100).capacity()).isEqualTo(1);
        assertThat(new RingEventLog(2, 100).capacity()).isEqualTo(2);
        assertThat(new RingEventLog(3, 100).capacity()).isEqualTo(4);
        assertThat(new RingEventLog(1000, 100).capacity()).isEqualTo(1024);
        assertThat(new RingEventLog(1024, 100).capacity()).isEqualTo(1024);
    }

    @Test
    void keepsTheNewestEventsUpToTheCountBoundAndReportsWhatItDrops() {
        RingEventLog log = new RingEventLog(4, 1_000_000);
        for (long p = 1; p <= 100; p++) {
            log.append(event(p * 10, 1), evicted::add);
        }

        assertThat(log.size()).isEqualTo(4);
        assertThat(after(log, 0)).containsExactly(970L, 980L, 990L, 1000L);
        assertThat(evicted).hasSize(96);
        assertThat(log.lastEvictedPosition()).isEqualTo(960);
    }

    @Test
    void findsEventsAfterAnyPositionIncludingOnesBetweenHeldEvents() {
        RingEventLog log = new RingEventLog(64, 1_000_000);
        for (long p = 1; p <= 40; p++) {
            log.append(event(p * 10, 1), evicted::add);
        }

        assertThat(after(log, 385)).containsExactly(390L, 400L);
        assertThat(after(log, 390)).containsExactly(400L);
        assertThat(after(log, 400)).isEmpty();
        assertThat(log.holds(200)).isTrue();
        assertThat(log.holds(205)).isFalse();
    }

    @Test
    void dropsTheOldestEventsToStayWithinTheByteBound() {
        RingEventLog log = new RingEventLog(1024, 100);
        for (long p = 1; p <= 10; p++) {
            log.append(event(p, 30), evicted::add);
        }

        assertThat(log.bytes()).isEqualTo(90);
        assertThat(after(log, 0)).containsExactly(8L, 9L, 10L);
    }

    @Test
    void keepsAnEventLargerThanTheByteBoundAlone() {
        RingEventLog log = new RingEventLog(1024, 100);
        log.append(event(1, 10), evicted::add);
        log.append(event(2, 500), evicted::add);

        assertThat(after(log, 0)).containsExactly(2L);
    }
}
