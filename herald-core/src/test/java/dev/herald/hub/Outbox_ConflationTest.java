package dev.herald.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.sse.SseEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A connection that has fallen behind skips replaced swaps, never appends, never replayed events. */
class Outbox_ConflationTest {

    private static HubEvent event(long position, String key) {
        String data = "event " + position;
        return new HubEvent(position, Set.of("t"), SseEvent.message(data), data.getBytes(StandardCharsets.UTF_8), key);
    }

    private static List<Long> positions(List<Delivery> taken) {
        return taken.stream().map(d -> ((HubEvent) d).position()).toList();
    }

    @Test
    void aQueuedReplaceIsDroppedWhenANewerOneWithTheSameKeyArrives() {
        Outbox outbox = Outbox.bounded(1_000);
        outbox.onEvent(event(1, "innerHTML:#count"));
        outbox.onEvent(event(2, null));
        outbox.onEvent(event(3, "innerHTML:#count"));
        outbox.onEvent(event(4, "innerHTML:#other"));
        outbox.onEvent(event(5, "innerHTML:#count"));

        assertThat(positions(outbox.poll())).containsExactly(2L, 4L, 5L);
        assertThat(outbox.backlogBytes()).isZero();
    }

    @Test
    void eventsWithoutAKeyAppendsAreNeverConflated() {
        Outbox outbox = Outbox.bounded(1_000);
        for (long p = 1; p <= 4; p++) {
            outbox.onEvent(event(p, null));
        }

        assertThat(positions(outbox.poll())).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aConnectionThatKeepsUpIsHandedEveryEvent() {
        Outbox outbox = Outbox.bounded(1_000);
        outbox.onEvent(event(1, "innerHTML:#count"));
        assertThat(positions(outbox.poll())).containsExactly(1L);
        outbox.onEvent(event(2, "innerHTML:#count"));

        assertThat(positions(outbox.poll())).containsExactly(2L);
    }

    @Test
    void theReplayStaysExactALiveEventDoesNotSupersedeIt() {
        Outbox outbox = Outbox.bounded(1_000);
        outbox.onReplay(new Replay.Exact(List.of(event(1, "innerHTML:#count"), event(2, "innerHTML:#count"))));
        outbox.onEvent(event(3, "innerHTML:#count"));

        assertThat(positions(outbox.poll())).containsExactly(1L, 2L, 3L);
    }

    @Test
    void conflatedBytesNoLongerCountAgainstTheBacklogBound() {
        Outbox outbox = Outbox.bounded(25); // each event is 7 or 8 bytes: four unconflated would overflow
        for (long p = 1; p <= 9; p++) {
            outbox.onEvent(event(p, "innerHTML:#count"));
        }

        assertThat(outbox.backlogBytes()).isEqualTo(7);
        assertThat(positions(outbox.poll())).containsExactly(9L);
    }

    @Test
    void theHubCarriesThePublishersKeyToEverySubscriber() {
        try (Hub hub = Hub.builder().build()) {
            RecordingSubscriber subscriber = new RecordingSubscriber();
            hub.subscribe(List.of("t"), null, subscriber);

            hub.publish(List.of("t"), SseEvent.message("count", "1"), "innerHTML:#count");
            hub.publish("t", SseEvent.message("item", "<li>"));

            assertThat(subscriber.live).extracting(HubEvent::conflationKey).containsExactly("innerHTML:#count", null);
        }
    }
}
