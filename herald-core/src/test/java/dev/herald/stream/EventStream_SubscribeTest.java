package dev.herald.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.hub.Hub;
import dev.herald.hub.HubEvent;
import dev.herald.hub.HubStats;
import dev.herald.hub.Interest;
import dev.herald.hub.Publication;
import dev.herald.hub.Replay;
import dev.herald.hub.Subscriber;
import dev.herald.hub.Subscription;
import dev.herald.sse.SseEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A binding subscribes an event stream through {@link EventStream#subscribe}, and learns what the hub replayed. */
class EventStream_SubscribeTest {

    private final List<String> calls = new ArrayList<>();
    private final List<Replay> replayed = new ArrayList<>();

    @Test
    void aResumingStreamIsToldTheReplayBeforeTheOutboxGetsIt() {
        try (Hub hub = Hub.builder().build()) {
            String first = hub.publish("a", SseEvent.message("one"));
            hub.publish("a", SseEvent.message("two"));

            EventStream.of(List.of("a")).after(first).subscribe(hub, recording(), replayed::add);

            assertThat(replayed).singleElement().isInstanceOf(Replay.Exact.class)
                    .extracting(r -> r.events().stream().map(e -> e.message().data()).toList())
                    .isEqualTo(List.of("two"));
            assertThat(calls).containsExactly("replay [two]");
        }
    }

    @Test
    void aResumingStreamIsToldOfAnUnknownIdAsTheGap() {
        try (Hub hub = Hub.builder().build()) {
            EventStream.of(List.of("a")).after("never-published").subscribe(hub, recording(), replayed::add);

            assertThat(replayed).singleElement().isInstanceOf(Replay.Gap.class);
        }
    }

    @Test
    void aStreamOfNewEventsSubscribesTheOutboxItselfAndTellsNoReplay() {
        Subscriber outbox = recording();
        Subscriber[] subscribed = new Subscriber[1];
        EventStream.of(List.of("a")).subscribe(hubHanding(s -> subscribed[0] = s), outbox, replayed::add);

        assertThat(subscribed[0]).isSameAs(outbox);
        assertThat(replayed).isEmpty();
    }

    @Test
    void liveEventsAMidStreamGapAndTheShutdownPassToTheOutboxAsTheyCame() {
        Subscriber[] subscribed = new Subscriber[1];
        EventStream.of(List.of("a")).after("x").subscribe(hubHanding(s -> subscribed[0] = s), recording(), replayed::add);
        HubEvent event = new HubEvent(1, Set.of("a"), SseEvent.message("live"), "data: live\n\n".getBytes(StandardCharsets.UTF_8));

        subscribed[0].onEvent(event);
        subscribed[0].onGap(new Replay.Gap(Replay.Reason.EXPIRED, "x", Set.of("a"), List.of()));
        subscribed[0].onShutdown(SseEvent.message("bye", "now"));

        assertThat(calls).containsExactly("replay []", "event live", "gap [a]", "shutdown bye");
        assertThat(replayed).as("a gap is not a second replay").hasSize(1);
    }

    private Subscriber recording() {
        return new Subscriber() {
            @Override
            public void onReplay(Replay replay) {
                calls.add("replay " + replay.events().stream().map(e -> e.message().data()).toList());
            }

            @Override
            public void onEvent(HubEvent event) {
                calls.add("event live");
            }

            @Override
            public void onGap(Replay.Gap gap) {
                calls.add("gap " + gap.topics());
            }

            @Override
            public void onShutdown(SseEvent.Message finalEvent) {
                calls.add("shutdown " + finalEvent.type());
            }
        };
    }

    /** A hub whose subscribe hands over the subscriber it was given and replays nothing. */
    private static Hub hubHanding(Consumer<Subscriber> subscribed) {
        return new Hub() {
            @Override
            public Subscription subscribe(Interest interest, String lastEventId, Subscriber subscriber) {
                subscribed.accept(subscriber);
                subscriber.onReplay(new Replay.Exact(List.of()));
                return new Subscription() {
                    @Override
                    public Set<String> topics() {
                        return interest.topics();
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            @Override
            public String publish(Publication publication) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String position() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int subscriberCount() {
                throw new UnsupportedOperationException();
            }

            @Override
            public HubStats stats() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void shutdown(SseEvent.Message finalEvent) {
            }
        };
    }
}
