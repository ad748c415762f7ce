package dev.herald.hub;

import dev.herald.sse.SseEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * A hub's subscribers and the hand-off of events to them, shared by {@link LocalHub} and
 * {@link BrokeredHub}: each event, in position order, goes to every subscriber of its topics once,
 * as the same {@link HubEvent} (the same bytes).
 *
 * <p>Not thread-safe: the hub calls it under its lock, which also orders the fan-out.
 */
final class Fanout {

    private final Map<String, Set<Member>> byTopic = new HashMap<>();
    private final Set<Member> members = new LinkedHashSet<>();
    /** Subscriptions with selectors or all topics: tested against every event, not found by topic. */
    private final Set<Member> wide = new LinkedHashSet<>();

    // Written under the hub's lock, read without it by stats().
    private final LongAdder eventsPublished = new LongAdder();
    private final LongAdder bytesPublished = new LongAdder();
    private final LongAdder eventsDelivered = new LongAdder();
    private final LongAdder bytesDelivered = new LongAdder();

    /**
     * Registers {@code subscriber}; it receives events with a position above {@code position}.
     * {@code onClose} runs when the subscription is closed (the hub takes its lock and calls
     * {@link #remove}).
     */
    Member add(Interest interest, Subscriber subscriber, long position, Consumer<Member> onClose) {
        Member member = new Member(interest, subscriber, position, onClose);
        if (interest.isWide()) {
            wide.add(member);
        } else {
            for (String topic : interest.topics()) {
                byTopic.computeIfAbsent(topic, t -> new LinkedHashSet<>()).add(member);
            }
        }
        members.add(member);
        return member;
    }

    /** Forgets {@code member}; false if it was already gone. */
    boolean remove(Member member) {
        if (!members.remove(member)) {
            return false;
        }
        if (wide.remove(member)) {
            return true;
        }
        for (String topic : member.interest.topics()) {
            Set<Member> subscribers = byTopic.get(topic);
            subscribers.remove(member);
            if (subscribers.isEmpty()) {
                byTopic.remove(topic);
            }
        }
        return true;
    }

    /** Hands {@code event} to each subscriber it is for once, and counts it as published. */
    void fanOut(HubEvent event) {
        int reached = 0;
        for (String topic : event.topics()) {
            Set<Member> subscribers = byTopic.get(topic);
            if (subscribers != null) {
                for (Member member : subscribers) {
                    reached += deliver(member, event, true);
                }
            }
        }
        for (Member member : wide) {
            reached += deliver(member, event, false);
        }
        eventsPublished.increment();
        bytesPublished.add(event.size());
        eventsDelivered.add(reached);
        bytesDelivered.add((long) reached * event.size());
    }

    boolean contains(Member member) {
        return members.contains(member);
    }

    private static int deliver(Member member, HubEvent event, boolean named) {
        // A subscriber of several of the event's topics is reached through each: once is enough.
        if (member.position >= event.position()) {
            return 0;
        }
        Interest interest = member.interest;
        if (named ? event.privately() && !interest.access().mayRead(event.topics()) : !interest.receives(event)) {
            return 0;
        }
        member.position = event.position();
        if (member.held != null) {
            member.held.add(event);
            return 0;
        }
        member.subscriber.onEvent(event);
        return 1;
    }

    /** Every subscriber, for a hub that must tell them all something (a gap, its end). */
    Collection<Member> members() {
        return List.copyOf(members);
    }

    int size() {
        return members.size();
    }

    HubStats stats() {
        Map<String, Integer> counts = new TreeMap<>();
        byTopic.forEach((topic, subscribers) -> counts.put(topic, subscribers.size()));
        return new HubStats(eventsPublished.sum(), bytesPublished.sum(), eventsDelivered.sum(), bytesDelivered.sum(), counts);
    }

    /** Ends every subscription with {@code finalEvent} and forgets them all. */
    void endAll(SseEvent.Message finalEvent) {
        for (Member member : members) {
            member.subscriber.onShutdown(finalEvent);
        }
        members.clear();
        wide.clear();
        byTopic.clear();
    }

    /** One subscription. Its fields are guarded by the hub's lock. */
    static final class Member implements Subscription {
        final Interest interest;
        final Subscriber subscriber;
        private final Consumer<Member> onClose;
        /** The position of the last event handed to (or held for) this subscriber. */
        long position;
        /** While not null, live events are held here instead of delivered (a replay is being read). */
        List<Object> held;

        private Member(Interest interest, Subscriber subscriber, long position, Consumer<Member> onClose) {
            this.interest = interest;
            this.subscriber = subscriber;
            this.position = position;
            this.onClose = onClose;
        }

        /** From now on live events (and gaps) are held until {@link #release}. */
        void hold() {
            held = new ArrayList<>();
        }

        /**
         * Delivers {@code replay}, then what was held after {@code replayedUpTo}, and from then on
         * delivers live events directly.
         */
        void release(Replay replay, long replayedUpTo) {
            List<Object> waiting = held;
            held = null;
            position = Math.max(position, replayedUpTo);
            subscriber.onReplay(replay);
            for (Object item : waiting) {
                switch (item) {
                    case HubEvent event when event.position() > replayedUpTo -> subscriber.onEvent(event);
                    case Replay.Gap gap -> subscriber.onGap(gap);
                    default -> {
                    }
                }
            }
        }

        /**
         * Tells the subscriber that history was lost while it was subscribed; events above
         * {@code position} follow. Events held until now are dropped: the gap covers them.
         */
        void lost(Replay.Gap gap, long position) {
            this.position = position;
            if (held != null) {
                held.clear();
                held.add(gap);
            } else {
                subscriber.onGap(gap);
            }
        }

        @Override
        public Set<String> topics() {
            return interest.topics();
        }

        @Override
        public void close() {
            onClose.accept(this);
        }
    }
}
