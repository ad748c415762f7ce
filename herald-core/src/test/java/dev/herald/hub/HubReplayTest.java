package dev.herald.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.sse.SseEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HubReplayTest {

    private final Hub hub = Hub.builder().build();

    @Test
    void assignsHubIdsThatEncodeEpochAndPosition() {
        String first = hub.publish("a", SseEvent.message("one"));
        String second = hub.publish("b", SseEvent.message("two"));

        assertThat(first).matches("#[0-9a-z]{8}:1");
        assertThat(second).isEqualTo(first.substring(0, 9) + ":2");
        assertThat(hub.position()).isEqualTo(second);
    }

    @Test
    void encodesTheEventOnceWithItsIdLineFirst() {
        var subscriber = new RecordingSubscriber();
        hub.subscribe(List.of("a"), null, subscriber);

        String id = hub.publish("a", SseEvent.message("note", "hello\nworld"));

        assertThat(new String(subscriber.live.getFirst().wire(), StandardCharsets.UTF_8)).isEqualTo("""
                id: %s
                event: note
                data: hello
                data: world

                """.formatted(id));
    }

    @Test
    void replaysEventsAfterLastEventIdAcrossTopicsInPublishOrder() {
        String mark = hub.publish("a", SseEvent.message("a1"));
        hub.publish("b", SseEvent.message("b1"));
        hub.publish("c", SseEvent.message("c1"));
        hub.publish("a", SseEvent.message("a2"));

        var subscriber = new RecordingSubscriber();
        hub.subscribe(List.of("a", "b"), mark, subscriber);

        assertThat(subscriber.replay).isInstanceOf(Replay.Exact.class);
        assertThat(subscriber.replayedData()).containsExactly("b1", "a2");
    }

    @Test
    void deliversAnEventPublishedToSeveralSubscribedTopicsOnce() {
        String mark = hub.position();
        hub.publish(List.of("a", "b"), SseEvent.message("both"));
        var subscriber = new RecordingSubscriber();
        hub.subscribe(List.of("a", "b"), mark, subscriber);

        hub.publish(List.of("b", "a"), SseEvent.message("both again"));

        assertThat(subscriber.replayedData()).containsExactly("both");
        assertThat(subscriber.liveData()).containsExactly("both again");
    }

    @Test
    void subscribingWithoutLastEventIdGetsOnlyLiveEvents() {
        hub.publish("a", SseEvent.message("before"));
        var subscriber = new RecordingSubscriber();
        hub.subscribe(List.of("a"), null, subscriber);
        hub.publish("a", SseEvent.message("after"));

        assertThat(subscriber.replay).isEqualTo(new Replay.Exact(List.of()));
        assertThat(subscriber.liveData()).containsExactly("after");
    }

    @Test
    void resumesFromAPublisherSuppliedId() {
        hub.publish("a", SseEvent.message("urn:uuid:1", null, "one"));
        hub.publish("a", SseEvent.message("urn:uuid:2", null, "two"));

        var subscriber = new RecordingSubscriber();
        hub.subscribe(List.of("a"), "urn:uuid:1", subscriber);

        assertThat(subscriber.replayedData()).containsExactly("two");
        assertThat(subscriber.replay.events().getFirst().id()).isEqualTo("urn:uuid:2");
    }

    @Test
    void aRepeatedPublisherIdResumesAfterTheEarliestHeldEventWithIt() {
        hub.publish("a", SseEvent.message("dup", null, "one"));
        hub.publish("a", SseEvent.message("two"));
        hub.publish("a", SseEvent.message("dup", null, "three"));
        var subscriber = new RecordingSubscriber();

        hub.subscribe(List.of("a"), "dup", subscriber);

        assertThat(subscriber.replayedData()).containsExactly("two", "three");
    }

    @Test
    void aRepeatedPublisherIdResolvesToTheNextHeldEventWithItOnceTheEarliestIsDropped() {
        Hub small = Hub.builder().maxEventsPerTopic(2).build();
        small.publish("a", SseEvent.message("dup", null, "one"));
        small.publish("a", SseEvent.message("dup", null, "two"));
        small.publish("a", SseEvent.message("three"));
        var subscriber = new RecordingSubscriber();

        small.subscribe(List.of("a"), "dup", subscriber);

        assertThat(subscriber.replay).isInstanceOf(Replay.Exact.class);
        assertThat(subscriber.replayedData()).containsExactly("three");
    }

    @Test
    void rejectsAPublisherIdInTheHubsNamespace() {
        assertThatThrownBy(() -> hub.publish("a", SseEvent.message("#abcdefgh:12", null, "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event id \"#abcdefgh:12\" starts with #, as the hub's own ids do; choose another");
        assertThatThrownBy(() -> hub.publish("a", SseEvent.message("earliest", null, "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event id \"earliest\" is reserved: it asks for all of history");
    }

    @Test
    void earliestReplaysEveryEventStillHeldWithoutAGap() {
        Hub small = Hub.builder().maxEventsPerTopic(2).build();
        small.publish("a", SseEvent.message("one"));
        small.publish("a", SseEvent.message("two"));
        small.publish("a", SseEvent.message("three"));
        var subscriber = new RecordingSubscriber();

        small.subscribe(List.of("a"), Hub.EARLIEST, subscriber);

        assertThat(subscriber.replay).isInstanceOf(Replay.Exact.class);
        assertThat(subscriber.replayedData()).containsExactly("two", "three");
    }

    @Test
    void rejectsAnEmptyPublisherIdBecauseItWouldClearTheClientsLastEventId() {
        assertThatThrownBy(() -> hub.publish("a", SseEvent.message("", null, "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event id is empty: leave it unset and the hub assigns one");
    }

    @Test
    void anUnknownIdIsAGapOnEveryTopic() {
        hub.publish("a", SseEvent.message("a1"));
        var subscriber = new RecordingSubscriber();
        hub.subscribe(List.of("a", "b"), "never-published", subscriber);

        assertThat(subscriber.replay).isEqualTo(
                new Replay.Gap(Replay.Reason.UNKNOWN_ID, "never-published", java.util.Set.of("a", "b"), List.of()));
    }

    @Test
    void anIdFromAnEarlierLifeOfTheHubIsAGap() {
        Hub earlier = Hub.builder().build();
        String old = earlier.publish("a", SseEvent.message("old"));
        hub.publish("a", SseEvent.message("new"));

        var subscriber = new RecordingSubscriber();
        hub.subscribe(List.of("a"), old, subscriber);

        assertThat(subscriber.replay).isInstanceOfSatisfying(Replay.Gap.class,
                gap -> assertThat(gap.reason()).isEqualTo(Replay.Reason.EARLIER_EPOCH));
    }

    @Test
    void anIdFromTheFutureIsAGap() {
        String now = hub.publish("a", SseEvent.message("x"));
        String future = now.substring(0, 9) + "99";

        var subscriber = new RecordingSubscriber();
        hub.subscribe(List.of("a"), future, subscriber);

        assertThat(subscriber.replay).isInstanceOfSatisfying(Replay.Gap.class,
                gap -> assertThat(gap.reason()).isEqualTo(Replay.Reason.UNKNOWN_ID));
    }

    @Test
    void anIdOlderThanATopicsLogIsAGapForThatTopicWhileOthersReplayExactly() {
        Hub small = Hub.builder().maxEventsPerTopic(2).build();
        String mark = small.publish("busy", SseEvent.message("busy1"));
        small.publish("quiet", SseEvent.message("quiet1"));
        small.publish("busy", SseEvent.message("busy2"));
        small.publish("busy", SseEvent.message("busy3"));
        small.publish("busy", SseEvent.message("busy4"));

        var subscriber = new RecordingSubscriber();
        small.subscribe(List.of("busy", "quiet"), mark, subscriber);

        assertThat(subscriber.replay).isInstanceOfSatisfying(Replay.Gap.class, gap -> {
            assertThat(gap.reason()).isEqualTo(Replay.Reason.EXPIRED);
            assertThat(gap.topics()).containsExactly("busy");
        });
        assertThat(subscriber.replayedData()).containsExactly("quiet1");
    }

    @Test
    void theLogIsBoundedByBytesToo() {
        Hub small = Hub.builder().maxBytesPerTopic(200).build();
        String mark = small.publish("a", SseEvent.message("first"));
        for (int i = 0; i < 10; i++) {
            small.publish("a", SseEvent.message("x".repeat(50)));
        }
        var subscriber = new RecordingSubscriber();
        small.subscribe(List.of("a"), mark, subscriber);

        assertThat(subscriber.replay).isInstanceOf(Replay.Gap.class);
    }

    @Test
    void aPublisherIdIsForgottenOnceNoLogHoldsItsEvent() {
        Hub small = Hub.builder().maxEventsPerTopic(1).build();
        small.publish(List.of("a", "b"), SseEvent.message("kept-by-b", null, "x"));
        small.publish("a", SseEvent.message("y"));

        var stillKnown = new RecordingSubscriber();
        small.subscribe(List.of("b"), "kept-by-b", stillKnown);
        assertThat(stillKnown.replay).isInstanceOf(Replay.Exact.class);

        small.publish("b", SseEvent.message("z"));
        var forgotten = new RecordingSubscriber();
        small.subscribe(List.of("b"), "kept-by-b", forgotten);
        assertThat(forgotten.replay).isInstanceOfSatisfying(Replay.Gap.class,
                gap -> assertThat(gap.reason()).isEqualTo(Replay.Reason.UNKNOWN_ID));
        // and the id may now be used again
        small.publish("c", SseEvent.message("kept-by-b", null, "reused"));
    }

    @Test
    void closingASubscriptionStopsDelivery() {
        var subscriber = new RecordingSubscriber();
        Subscription subscription = hub.subscribe(List.of("a"), null, subscriber);
        assertThat(hub.subscriberCount()).isEqualTo(1);

        subscription.close();
        subscription.close();
        hub.publish("a", SseEvent.message("after close"));

        assertThat(subscriber.live).isEmpty();
        assertThat(hub.subscriberCount()).isZero();
    }

    @Test
    void shutdownSendsTheFinalEventAndRefusesNewWork() {
        var subscriber = new RecordingSubscriber();
        hub.subscribe(List.of("a"), null, subscriber);

        hub.close();

        assertThat(subscriber.finalEvent.type()).isEqualTo(Hub.SHUTDOWN_EVENT_TYPE);
        assertThatThrownBy(() -> hub.subscribe(List.of("a"), null, new RecordingSubscriber()))
                .isInstanceOf(HubClosedException.class);
        assertThatThrownBy(() -> hub.publish("a", SseEvent.message("late")))
                .isInstanceOf(HubClosedException.class);
    }

    @Test
    void rejectsMissingEmptyAndOverlongTopics() {
        assertThatThrownBy(() -> hub.publish(List.of(), SseEvent.message("x")))
                .hasMessage("at least one topic is required");
        assertThatThrownBy(() -> hub.subscribe(List.of(""), null, new RecordingSubscriber()))
                .hasMessage("a topic name is empty");
        assertThatThrownBy(() -> hub.publish("t".repeat(1025), SseEvent.message("x")))
                .hasMessage("topic name is 1025 chars long, longer than the limit of 1024");
    }
}
