package dev.herald.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.sse.SseEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HubStatsTest {

    private final Hub hub = Hub.builder().build();

    @Test
    void aNewHubHasCountedNothing() {
        assertThat(hub.stats()).isEqualTo(new HubStats(0, 0, 0, 0, Map.of()));
    }

    @Test
    void countsEachPublishOnceAndEachDeliveryPerSubscriberReached() {
        var alone = new RecordingSubscriber();
        var both = new RecordingSubscriber();
        hub.subscribe(List.of("a"), null, alone);
        hub.subscribe(List.of("a", "b"), null, both);

        hub.publish(List.of("a", "b"), SseEvent.message("x"));
        hub.publish("b", SseEvent.message("y"));

        long x = alone.live.getFirst().size();
        long y = both.live.getLast().size();
        assertThat(hub.stats()).isEqualTo(new HubStats(2, x + y, 3, 2 * x + y, Map.of("a", 2, "b", 1)));
    }

    @Test
    void anEventNobodySubscribedToIsPublishedButNotDelivered() {
        hub.publish("nobody", SseEvent.message("z"));

        assertThat(hub.stats().eventsPublished()).isEqualTo(1);
        assertThat(hub.stats().bytesPublished()).isPositive();
        assertThat(hub.stats().eventsDelivered()).isZero();
    }

    @Test
    void countsSubscribersPerTopicAndForgetsClosedOnes() {
        Subscription first = hub.subscribe(List.of("a", "b"), null, new RecordingSubscriber());
        hub.subscribe(List.of("a"), null, new RecordingSubscriber());

        assertThat(hub.stats().subscribersByTopic()).isEqualTo(Map.of("a", 2, "b", 1));

        first.close();
        assertThat(hub.stats().subscribersByTopic()).isEqualTo(Map.of("a", 1));
    }

    @Test
    void replaysAreNotCountedAsDeliveries() {
        String mark = hub.position();
        hub.publish("a", SseEvent.message("before"));

        hub.subscribe(List.of("a"), mark, new RecordingSubscriber());

        assertThat(hub.stats().eventsDelivered()).isZero();
    }
}
