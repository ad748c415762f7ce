package dev.herald.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.hub.GapRepair;
import dev.herald.hub.Hub;
import dev.herald.hub.HubEvent;
import dev.herald.hub.Interest;
import dev.herald.hub.Publication;
import dev.herald.hub.Replay;
import dev.herald.hub.SnapshotSource;
import dev.herald.hub.Subscriber;
import dev.herald.hub.spi.Broker;
import dev.herald.sse.SseEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Broker} must do for the hubs built on it ({@code Hub.builder().broker(…)}) to
 * behave as one hub across nodes: the tests, written against two or three hubs sharing one log.
 * A broker's test class extends this and says how to connect a node to a fresh log, and how to
 * make the log lose its data.
 */
public abstract class BrokerContract {

    /** Each test's log keeps this many entries per topic: the tests of dropped history count on it. */
    protected static final int MAX_EVENTS_PER_TOPIC = 4;

    private final List<AutoCloseable> opened = new ArrayList<>();

    /** A new connection to this test's log (the same log for every call of one test). */
    protected abstract Broker connect();

    /** Makes this test's log lose every entry, as a server restarted without persistence does. */
    protected abstract void loseData();

    /** A hub on a new connection: one node. */
    protected Hub node() {
        Broker broker = connect();
        Hub hub = Hub.builder().broker(broker).build();
        opened.add(broker);
        opened.add(hub);
        return hub;
    }

    @AfterEach
    void closeNodesAndForgetTheLog() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
        loseData();
    }

    @Test
    void anEventPublishedOnOneNodeReachesTheSubscribersOfEveryNodeInOrder() {
        Hub a = node();
        Hub b = node();
        Inbox onA = Inbox.subscribe(a, Interest.topics(List.of("t")), null);
        Inbox onB = Inbox.subscribe(b, Interest.topics(List.of("t")), null);

        List<String> ids = List.of(a.publish("t", SseEvent.message("1")), a.publish("t", SseEvent.message("2")),
                b.publish("t", SseEvent.message("3")));

        assertThat(onA.awaitLive(3)).extracting(HubEvent::id).containsExactlyElementsOf(ids);
        assertThat(onB.awaitLive(3)).extracting(e -> e.message().data()).containsExactly("1", "2", "3");
        assertThat(onB.live()).extracting(HubEvent::id).containsExactlyElementsOf(ids);
    }

    @Test
    void anIdIssuedOnOneNodeResumesOnAnotherAcrossTopicsInLogOrderEachEventOnce() {
        Hub a = node();
        Hub b = node();
        String mark = a.publish("a", SseEvent.message("a1"));
        a.publish("b", SseEvent.message("b1"));
        a.publish("c", SseEvent.message("c1"));
        b.publish("a", SseEvent.message("a2"));
        a.publish(List.of("a", "b"), SseEvent.message("both"));

        Inbox resumed = Inbox.subscribe(b, Interest.topics(List.of("a", "b")), mark);

        assertThat(resumed.replay()).isInstanceOf(Replay.Exact.class);
        assertThat(resumed.replay().events()).extracting(e -> e.message().data()).containsExactly("b1", "a2", "both");
    }

    @Test
    void thePositionIsTheLogsOnEveryNode() {
        Hub a = node();
        Hub b = node();
        String id = a.publish("t", SseEvent.message("x"));

        assertThat(a.position()).isEqualTo(id).isEqualTo(b.position()).matches("#[0-9a-z]{8}:[0-9]+");
    }

    @Test
    void aSubscriptionFromAPositionReadOnOneNodeMeetsPublishesOnAnotherExactly() throws Exception {
        Hub publisher = node();
        Hub renderer = node();
        int count = 200;
        // Spread over topics so that the logs' small bound drops nothing: a gap here would be no failure.
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < count / MAX_EVENTS_PER_TOPIC + 1; i++) {
            topics.add("t" + i);
        }
        AtomicBoolean publishing = new AtomicBoolean(true);
        Thread thread = Thread.ofVirtual().start(() -> {
            for (int i = 1; i <= count; i++) {
                publisher.publish(topics.get(i % topics.size()), SseEvent.message(Integer.toString(i)));
            }
            publishing.set(false);
        });
        List<Inbox> inboxes = new ArrayList<>();
        List<Long> from = new ArrayList<>();
        do {
            String position = renderer.position();
            from.add(Long.parseLong(position.substring(position.indexOf(':') + 1)));
            inboxes.add(Inbox.subscribe(renderer, Interest.topics(topics), position));
        } while (publishing.get() && inboxes.size() < 50);
        thread.join();
        for (int i = 0; i < inboxes.size(); i++) {
            long after = from.get(i);
            List<String> expected = new ArrayList<>();
            for (long n = after + 1; n <= count; n++) {
                expected.add(Long.toString(n));
            }
            Inbox inbox = inboxes.get(i);
            assertThat(inbox.replay()).isInstanceOf(Replay.Exact.class);
            List<HubEvent> all = new ArrayList<>(inbox.replay().events());
            all.addAll(inbox.awaitLive(expected.size() - all.size()));
            assertThat(all).as("subscribed after position %d", after)
                    .extracting(e -> e.message().data()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aPublisherIdResumesOnAnotherNodeAfterItsEarliestOccurrence() {
        Hub a = node();
        Hub b = node();
        assertThat(a.publish("t", SseEvent.message("order-7", null, "first"))).isEqualTo("order-7");
        a.publish("t", SseEvent.message("second"));
        a.publish("t", SseEvent.message("order-7", null, "again"));

        Inbox resumed = Inbox.subscribe(b, Interest.topics(List.of("t")), "order-7");

        assertThat(resumed.replay().events()).extracting(e -> e.message().data()).containsExactly("second", "again");
        assertThat(resumed.replay().events().getLast().id()).isEqualTo("order-7");
    }

    @Test
    void historyDroppedByTheLogsBoundIsAGapNamingOnlyThatTopic() {
        Hub a = node();
        Hub b = node();
        String mark = a.publish("a", SseEvent.message("a0"));
        for (int i = 1; i <= MAX_EVENTS_PER_TOPIC + 1; i++) {
            a.publish("a", SseEvent.message("a" + i));
        }
        a.publish("b", SseEvent.message("b1"));

        Inbox resumed = Inbox.subscribe(b, Interest.topics(List.of("a", "b")), mark);

        assertThat(resumed.replay()).isInstanceOfSatisfying(Replay.Gap.class, gap -> {
            assertThat(gap.reason()).isEqualTo(Replay.Reason.EXPIRED);
            assertThat(gap.topics()).containsExactly("a");
        });
        assertThat(resumed.replay().events()).extracting(e -> e.message().data()).containsExactly("b1");
    }

    @Test
    void earliestReplaysAllThatIsHeldWithoutAGap() {
        Hub a = node();
        for (int i = 1; i <= MAX_EVENTS_PER_TOPIC + 2; i++) {
            a.publish("a", SseEvent.message("a" + i));
        }

        Inbox resumed = Inbox.subscribe(node(), Interest.topics(List.of("a")), Hub.EARLIEST);

        assertThat(resumed.replay()).isInstanceOf(Replay.Exact.class);
        assertThat(resumed.replay().events()).hasSize(MAX_EVENTS_PER_TOPIC)
                .last().extracting(e -> e.message().data()).isEqualTo("a" + (MAX_EVENTS_PER_TOPIC + 2));
    }

    @Test
    void anIdOfAnotherEpochAheadOfTheLogOrNeverSeenIsAGap() {
        Hub a = node();
        String id = a.publish("t", SseEvent.message("x"));
        String epoch = id.substring(0, id.indexOf(':'));

        assertThat(Inbox.subscribe(a, Interest.topics(List.of("t")), "#zzzzzzzz:1").gap().reason())
                .isEqualTo(Replay.Reason.EARLIER_EPOCH);
        assertThat(Inbox.subscribe(a, Interest.topics(List.of("t")), epoch + ":99").gap().reason())
                .isEqualTo(Replay.Reason.UNKNOWN_ID);
        assertThat(Inbox.subscribe(a, Interest.topics(List.of("t")), "never-published").gap())
                .satisfies(gap -> assertThat(gap.reason()).isEqualTo(Replay.Reason.UNKNOWN_ID))
                .satisfies(gap -> assertThat(gap.topics()).containsExactly("t"));
    }

    @Test
    void aLogThatLostItsDataReachesOpenSubscribersAsAGapThenTheNewEpochsEvents() {
        Hub a = node();
        Hub b = node();
        Inbox open = Inbox.subscribe(b, Interest.topics(List.of("t")), null);
        String before = a.publish("t", SseEvent.message("before"));
        open.awaitLive(1);

        loseData();
        Await.until("the gap reaches the open subscriber", () -> open.gaps().size() == 1);
        String after = a.publish("t", SseEvent.message("after"));

        assertThat(open.gaps().getFirst().reason()).isEqualTo(Replay.Reason.EARLIER_EPOCH);
        assertThat(open.gaps().getFirst().topics()).containsExactly("t");
        assertThat(open.awaitLive(2)).extracting(e -> e.message().data()).containsExactly("before", "after");
        assertThat(after).doesNotStartWith(before.substring(0, 9));
        assertThat(Inbox.subscribe(b, Interest.topics(List.of("t")), before).gap().reason())
                .isEqualTo(Replay.Reason.EARLIER_EPOCH);
    }

    @Test
    void theConflationKeyPrivateFlagAndRetryTravelWithTheEventAsOneEncoding() {
        Hub a = node();
        Hub b = node();
        Inbox reader = Inbox.subscribe(b, Interest.topics(List.of("users/1")).withPrivateAccess(t -> true), null);
        Inbox anonymous = Inbox.subscribe(b, Interest.topics(List.of("users/1")), null);

        String id = a.publish(Publication.of(List.of("users/1"), SseEvent.message("count", "7"))
                .privately().retry(Duration.ofSeconds(5)).conflatingOn("counter"));
        b.publish("users/1", SseEvent.message("public"));

        List<HubEvent> got = reader.awaitLive(2);
        assertThat(got.getFirst().conflationKey()).isEqualTo("counter");
        assertThat(got.getFirst().privately()).isTrue();
        assertThat(new String(got.getFirst().wire(), StandardCharsets.UTF_8)).isEqualTo("""
                retry: 5000
                id: %s
                event: count
                data: 7

                """.formatted(id));
        assertThat(anonymous.awaitLive(1)).extracting(e -> e.message().data()).containsExactly("public");
    }

    @Test
    void aSubscriptionBySelectorReceivesAndReplaysEveryTopicItSelects() {
        Hub a = node();
        Hub b = node();
        String mark = b.position();
        a.publish("books/1", SseEvent.message("old book"));
        a.publish("films/1", SseEvent.message("old film"));

        Inbox books = Inbox.subscribe(b, Interest.topics(List.of("news")).orMatching(t -> t.startsWith("books/")), mark);
        Inbox all = Inbox.subscribe(b, Interest.allTopics(), mark);
        a.publish("books/2", SseEvent.message("new book"));

        assertThat(books.replay().events()).extracting(e -> e.message().data()).containsExactly("old book");
        assertThat(books.awaitLive(1)).extracting(e -> e.message().data()).containsExactly("new book");
        assertThat(all.replay().events()).extracting(e -> e.message().data()).containsExactly("old book", "old film");
        assertThat(all.awaitLive(1)).extracting(e -> e.message().data()).containsExactly("new book");
    }

    @Test
    void aSnapshotReadAtTheLogsPositionRepairsALostLogExactly() {
        Hub a = node();
        Hub b = node();
        Inbox open = Inbox.subscribe(b, Interest.topics(List.of("t")), null);
        loseData();
        Await.until("the gap reaches the open subscriber", () -> open.gaps().size() == 1);
        String covered = a.publish("t", SseEvent.message("in the snapshot"));
        SnapshotSource.Snapshot state = new SnapshotSource.Snapshot(b.position(), List.of(SseEvent.message("state")));
        SnapshotSource source = topic -> Optional.of(state);
        a.publish("t", SseEvent.message("after the snapshot"));

        GapRepair repair = new GapRepair(source, Set.of("t"));
        assertThat(repair.repair(open.gaps().getFirst()).snapshots()).extracting(SseEvent.Message::data).containsExactly("state");
        List<HubEvent> live = open.awaitLive(2);
        assertThat(live.getFirst().id()).isEqualTo(covered);
        assertThat(live).extracting(repair::covers).containsExactly(true, false);
    }

    /** Records what a hub hands one subscriber: its replay, live events, gaps and end; thread-safe. */
    public static final class Inbox implements Subscriber {
        private volatile Replay replay;
        private volatile SseEvent.Message finalEvent;
        private final List<HubEvent> live = new CopyOnWriteArrayList<>();
        private final List<Replay.Gap> gaps = new CopyOnWriteArrayList<>();

        /** Subscribes a new inbox to {@code hub}. */
        public static Inbox subscribe(Hub hub, Interest interest, String lastEventId) {
            Inbox inbox = new Inbox();
            hub.subscribe(interest, lastEventId, inbox);
            return inbox;
        }

        @Override
        public void onReplay(Replay replay) {
            this.replay = replay;
        }

        @Override
        public void onEvent(HubEvent event) {
            live.add(event);
        }

        @Override
        public void onGap(Replay.Gap gap) {
            gaps.add(gap);
        }

        @Override
        public void onShutdown(SseEvent.Message finalEvent) {
            this.finalEvent = finalEvent;
        }

        /** The replay the subscription started with. */
        public Replay replay() {
            return replay;
        }

        /** The replay, which must be a gap. */
        public Replay.Gap gap() {
            assertThat(replay).isInstanceOf(Replay.Gap.class);
            return (Replay.Gap) replay;
        }

        /** The gaps reported after the replay. */
        public List<Replay.Gap> gaps() {
            return List.copyOf(gaps);
        }

        /** The live events so far. */
        public List<HubEvent> live() {
            return List.copyOf(live);
        }

        /** Waits until {@code count} live events have arrived; returns them all. */
        public List<HubEvent> awaitLive(int count) {
            Await.until(count + " live events", () -> live.size() >= count);
            return live();
        }

        /** Waits until the subscription was ended; returns its final event. */
        public SseEvent.Message awaitEnd() {
            Await.until("the end of the subscription", () -> finalEvent != null);
            return finalEvent;
        }
    }
}
