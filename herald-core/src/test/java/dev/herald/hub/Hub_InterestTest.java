package dev.herald.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.sse.SseEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Subscriptions by selector and wildcard, private events, and Mercure's publish options. */
class Hub_InterestTest {

    private final Hub hub = Hub.builder().build();

    @Test
    void allTopicsReceivesEveryEventOnceAndReplaysEveryTopic() {
        String before = hub.position();
        hub.publish(List.of("a", "b"), SseEvent.message("one"));
        var live = new RecordingSubscriber();
        var resumed = new RecordingSubscriber();
        hub.subscribe(Interest.allTopics(), null, live);
        hub.subscribe(Interest.allTopics(), before, resumed);

        hub.publish("c", SseEvent.message("two"));

        assertThat(live.liveData()).containsExactly("two");
        assertThat(resumed.replayedData()).containsExactly("one");
        assertThat(resumed.liveData()).containsExactly("two");
    }

    @Test
    void aSelectorTakesTheTopicsItMatchesLiveAndReplayed() {
        String before = hub.position();
        hub.publish("books/1", SseEvent.message("one"));
        hub.publish("films/1", SseEvent.message("not a book"));
        var subscriber = new RecordingSubscriber();
        hub.subscribe(Interest.topics(List.of("news")).orMatching(t -> t.startsWith("books/")), before, subscriber);

        hub.publish("books/2", SseEvent.message("two"));
        hub.publish("news", SseEvent.message("three"));
        hub.publish("films/2", SseEvent.message("not a book either"));

        assertThat(subscriber.replayedData()).containsExactly("one");
        assertThat(subscriber.liveData()).containsExactly("two", "three");
    }

    @Test
    void aPrivateEventReachesOnlySubscribersWhoseAccessCoversOneOfItsTopicsLiveAndReplayed() {
        String before = hub.position();
        Publication secret = Publication.of(List.of("books/1", "users/42"), SseEvent.message("secret")).privately();
        hub.publish(secret);
        PrivateAccess user42 = topics -> topics.contains("users/42");
        PrivateAccess user7 = topics -> topics.contains("users/7");
        var anonymous = new RecordingSubscriber();
        var other = new RecordingSubscriber();
        var allowed = new RecordingSubscriber();
        var allowedByName = new RecordingSubscriber();
        hub.subscribe(Interest.allTopics(), before, anonymous);
        hub.subscribe(Interest.allTopics().withPrivateAccess(user7), before, other);
        hub.subscribe(Interest.topics(List.of("books/1")).orMatching(t -> true).withPrivateAccess(user42), before, allowed);
        hub.subscribe(Interest.topics(List.of("books/1")).withPrivateAccess(user42), before, allowedByName);

        hub.publish(secret);
        hub.publish("books/1", SseEvent.message("public"));

        assertThat(anonymous.replayedData()).isEmpty();
        assertThat(anonymous.liveData()).containsExactly("public");
        assertThat(other.replayedData()).isEmpty();
        assertThat(other.liveData()).containsExactly("public");
        assertThat(allowed.replayedData()).containsExactly("secret");
        assertThat(allowed.liveData()).containsExactly("secret", "public");
        assertThat(allowedByName.replayedData()).containsExactly("secret");
        assertThat(allowedByName.liveData()).containsExactly("secret", "public");
    }

    @Test
    void aPrivateEventPublishedToANamedTopicIsNotDeliveredToItsAnonymousSubscriber() {
        var anonymous = new RecordingSubscriber();
        hub.subscribe(List.of("a"), null, anonymous);

        hub.publish(Publication.of(List.of("a"), SseEvent.message("secret")).privately());

        assertThat(anonymous.live).isEmpty();
    }

    @Test
    void retryIsSentWithTheEvent() {
        var subscriber = new RecordingSubscriber();
        hub.subscribe(List.of("a"), null, subscriber);

        String id = hub.publish(Publication.of(List.of("a"), SseEvent.message("x")).retry(Duration.ofMillis(2500)));

        assertThat(new String(subscriber.live.getFirst().wire(), StandardCharsets.UTF_8))
                .isEqualTo("retry: 2500\nid: " + id + "\ndata: x\n\n");
    }

    @Test
    void theWildcardIsNoTopicToPublishTo() {
        assertThatThrownBy(() -> hub.publish("*", SseEvent.message("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"*\" stands for all topics: it cannot be published to");
    }

    @Test
    void closingAWideSubscriptionStopsDelivery() {
        var subscriber = new RecordingSubscriber();
        hub.subscribe(Interest.allTopics(), null, subscriber).close();

        hub.publish("a", SseEvent.message("x"));

        assertThat(subscriber.live).isEmpty();
        assertThat(hub.subscriberCount()).isZero();
    }
}
