package dev.herald.hub;

import dev.herald.sse.SseEncoder;
import dev.herald.sse.SseEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-process hub. One lock orders publishes and subscribes: a subscriber is registered and
 * its replay collected in one step, so every event is either in the replay or delivered live,
 * never both and never neither. Under the lock, publish does only what must be ordered —
 * take a position, append to logs, hand the shared bytes to each subscriber's queue; encoding
 * happens before it.
 */
final class LocalHub implements Hub {

    /** Longest topic name accepted, in chars: topics are keys in memory and in every log. */
    static final int MAX_TOPIC_LENGTH = 1024;

    private final ReentrantLock lock = new ReentrantLock();
    private final String epoch = HubId.newEpoch();
    private final int maxEventsPerTopic;
    private final long maxBytesPerTopic;

    // All guarded by lock.
    private final Map<String, Topic> topics = new HashMap<>();
    /** Each publisher id's events still in a log, oldest first: ids may repeat, the earliest held one resumes. */
    private final Map<String, ArrayDeque<Long>> publisherIds = new HashMap<>();
    private final Set<LocalSubscription> subscriptions = new LinkedHashSet<>();
    /** Subscriptions with selectors or all topics: tested against every event, not found by topic. */
    private final Set<LocalSubscription> wide = new LinkedHashSet<>();
    private long position;
    private boolean closed;

    // Written under the lock (publish holds it anyway), read without it by stats().
    private final LongAdder eventsPublished = new LongAdder();
    private final LongAdder bytesPublished = new LongAdder();
    private final LongAdder eventsDelivered = new LongAdder();
    private final LongAdder bytesDelivered = new LongAdder();

    LocalHub(Hub.Builder settings) {
        this.maxEventsPerTopic = settings.maxEventsPerTopic;
        this.maxBytesPerTopic = settings.maxBytesPerTopic;
    }

    @Override
    public String publish(Publication publication) {
        Set<String> names = checkTopics(publication.topics());
        for (String name : names) {
            if (Hub.ALL_TOPICS.equals(name)) {
                throw new IllegalArgumentException("\"*\" stands for all topics: it cannot be published to");
            }
        }
        SseEvent.Message message = publication.message();
        String publisherId = message.id();
        if ("".equals(publisherId)) {
            // On the wire "id:" with no value clears the client's last event id: it could never resume.
            throw new IllegalArgumentException("event id is empty: leave it unset and the hub assigns one");
        }
        if (publisherId != null && HubId.isReserved(publisherId)) {
            throw new IllegalArgumentException("event id \"" + publisherId + "\" starts with #, as the hub's own ids do; choose another");
        }
        if (EARLIEST.equals(publisherId)) {
            throw new IllegalArgumentException("event id \"earliest\" is reserved: it asks for all of history");
        }
        byte[] body = SseEncoder.encode(message);
        lock.lock();
        try {
            if (closed) {
                throw new HubClosedException();
            }
            long at = ++position;
            HubEvent event = stamp(at, names, publication, body);
            if (publisherId != null) {
                publisherIds.computeIfAbsent(publisherId, id -> new ArrayDeque<>(1)).addLast(at);
            }
            for (String name : names) {
                topics.computeIfAbsent(name, this::newTopic).log.append(event, this::forgetIfGone);
            }
            int reached = fanOut(event);
            eventsPublished.increment();
            bytesPublished.add(event.size());
            eventsDelivered.add(reached);
            bytesDelivered.add((long) reached * event.size());
            return event.id();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Subscription subscribe(Interest interest, String lastEventId, Subscriber subscriber) {
        Set<String> names = interest.isWide() && interest.topics().isEmpty() ? Set.of() : checkTopics(interest.topics());
        lock.lock();
        try {
            if (closed) {
                throw new HubClosedException();
            }
            Replay replay = lastEventId == null ? new Replay.Exact(List.of()) : replayAfter(lastEventId, interest);
            LocalSubscription subscription = new LocalSubscription(interest, subscriber, position);
            if (interest.isWide()) {
                wide.add(subscription);
            } else {
                for (String name : names) {
                    topics.computeIfAbsent(name, this::newTopic).subscribers.add(subscription);
                }
            }
            subscriptions.add(subscription);
            subscriber.onReplay(replay);
            return subscription;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String position() {
        lock.lock();
        try {
            return HubId.format(epoch, position);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int subscriberCount() {
        lock.lock();
        try {
            return subscriptions.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public HubStats stats() {
        Map<String, Integer> byTopic = new TreeMap<>();
        lock.lock();
        try {
            topics.forEach((name, topic) -> {
                if (!topic.subscribers.isEmpty()) {
                    byTopic.put(name, topic.subscribers.size());
                }
            });
        } finally {
            lock.unlock();
        }
        return new HubStats(eventsPublished.sum(), bytesPublished.sum(), eventsDelivered.sum(), bytesDelivered.sum(), byTopic);
    }

    @Override
    public void shutdown(SseEvent.Message finalEvent) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (LocalSubscription s : subscriptions) {
                s.subscriber.onShutdown(finalEvent);
            }
            subscriptions.clear();
            wide.clear();
            topics.values().forEach(t -> t.subscribers.clear());
        } finally {
            lock.unlock();
        }
    }

    /**
     * The event as subscribers receive it: the message's bytes, after an {@code id:} line when the
     * hub assigns the id and a {@code retry:} line when the publication has one (both fields of the
     * same event, WHATWG HTML §9.2.6).
     */
    private HubEvent stamp(long at, Set<String> names, Publication publication, byte[] body) {
        SseEvent.Message message = publication.message();
        StringBuilder head = new StringBuilder();
        Duration retry = publication.retry();
        if (retry != null) {
            head.append("retry: ").append(retry.toMillis()).append('\n');
        }
        if (message.id() == null) {
            message = message.withId(HubId.format(epoch, at));
            head.append("id: ").append(message.id()).append('\n');
        }
        byte[] wire = body;
        if (!head.isEmpty()) {
            byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
            wire = new byte[headBytes.length + body.length];
            System.arraycopy(headBytes, 0, wire, 0, headBytes.length);
            System.arraycopy(body, 0, wire, headBytes.length, body.length);
        }
        return new HubEvent(at, names, message, wire, publication.conflationKey(), publication.isPrivate());
    }

    /** Hands {@code event} to each subscriber it is for, once; returns how many it reached. */
    private int fanOut(HubEvent event) {
        int reached = 0;
        for (String name : event.topics()) {
            for (LocalSubscription s : topics.get(name).subscribers) {
                reached += deliver(s, event, true);
            }
        }
        for (LocalSubscription s : wide) {
            reached += deliver(s, event, false);
        }
        return reached;
    }

    private static int deliver(LocalSubscription s, HubEvent event, boolean named) {
        // A subscriber of several of the event's topics is reached through each: once is enough.
        if (s.lastPosition >= event.position()) {
            return 0;
        }
        if (named ? event.privately() && !s.interest.access().mayRead(event.topics()) : !s.interest.receives(event)) {
            return 0;
        }
        s.lastPosition = event.position();
        s.subscriber.onEvent(event);
        return 1;
    }

    private Replay replayAfter(String lastEventId, Interest interest) {
        Set<String> names = interest.isWide() ? coveredTopics(interest) : interest.topics();
        long after;
        if (EARLIEST.equals(lastEventId)) {
            after = 0; // every event still held; what the logs dropped is not reported
        } else if (HubId.isReserved(lastEventId)) {
            if (!HubId.hasShape(lastEventId)) {
                return new Replay.Gap(Replay.Reason.UNKNOWN_ID, lastEventId, names, List.of());
            }
            if (!HubId.epochOf(lastEventId).equals(epoch)) {
                return new Replay.Gap(Replay.Reason.EARLIER_EPOCH, lastEventId, names, List.of());
            }
            after = HubId.positionOf(lastEventId);
            if (after > position) {
                return new Replay.Gap(Replay.Reason.UNKNOWN_ID, lastEventId, names, List.of());
            }
        } else {
            ArrayDeque<Long> indexed = publisherIds.get(lastEventId);
            if (indexed == null) {
                return new Replay.Gap(Replay.Reason.UNKNOWN_ID, lastEventId, names, List.of());
            }
            after = indexed.peekFirst();
        }
        Set<String> lost = new LinkedHashSet<>();
        List<HubEvent> events = new ArrayList<>();
        for (String name : names) {
            Topic topic = topics.get(name);
            if (topic == null) {
                continue;
            }
            if (after > 0 && topic.log.lastEvictedPosition() > after) {
                lost.add(name);
            } else {
                topic.log.addEventsAfter(after, events);
            }
        }
        if (names.size() > 1) {
            events.sort((a, b) -> Long.compare(a.position(), b.position()));
            dropRepeats(events);
        }
        // Re-checked now, whatever was allowed when the event was published (Mercure: "Authorization on Event Replay").
        events.removeIf(e -> !interest.receives(e));
        return lost.isEmpty()
                ? new Replay.Exact(events)
                : new Replay.Gap(Replay.Reason.EXPIRED, lastEventId, lost, events);
    }

    /** The topics with a log that a wide interest covers; a scan of every topic, done once per resume. */
    private Set<String> coveredTopics(Interest interest) {
        Set<String> covered = new LinkedHashSet<>(interest.topics());
        for (String name : topics.keySet()) {
            if (interest.covers(name)) {
                covered.add(name);
            }
        }
        return covered;
    }

    /** In a list sorted by position, keeps one of each event published to several topics. */
    private static void dropRepeats(List<HubEvent> sorted) {
        int kept = 0;
        for (HubEvent e : sorted) {
            if (kept == 0 || sorted.get(kept - 1).position() != e.position()) {
                sorted.set(kept++, e);
            }
        }
        sorted.subList(kept, sorted.size()).clear();
    }

    /** A publisher id stays resolvable while any log holds one of its events. */
    private void forgetIfGone(HubEvent evicted) {
        String id = evicted.id();
        ArrayDeque<Long> indexed = publisherIds.get(id);
        if (indexed == null || !indexed.contains(evicted.position())) {
            return;
        }
        for (String name : evicted.topics()) {
            Topic topic = topics.get(name);
            if (topic != null && topic.log.holds(evicted.position())) {
                return;
            }
        }
        indexed.remove(evicted.position());
        if (indexed.isEmpty()) {
            publisherIds.remove(id);
        }
    }

    private void unsubscribe(LocalSubscription subscription) {
        lock.lock();
        try {
            if (!subscriptions.remove(subscription)) {
                return;
            }
            if (wide.remove(subscription)) {
                return;
            }
            for (String name : subscription.interest.topics()) {
                Topic topic = topics.get(name);
                topic.subscribers.remove(subscription);
                if (topic.subscribers.isEmpty() && topic.log.size() == 0) {
                    topics.remove(name);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private Topic newTopic(String name) {
        return new Topic(new RingEventLog(maxEventsPerTopic, maxBytesPerTopic));
    }

    private static Set<String> checkTopics(Collection<String> names) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("at least one topic is required");
        }
        Set<String> checked = new LinkedHashSet<>();
        for (String name : names) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a topic name is empty");
            }
            if (name.length() > MAX_TOPIC_LENGTH) {
                throw new IllegalArgumentException("topic name is " + name.length()
                        + " chars long, longer than the limit of " + MAX_TOPIC_LENGTH);
            }
            checked.add(name);
        }
        return Set.copyOf(checked);
    }

    private static final class Topic {
        final RingEventLog log;
        final Set<LocalSubscription> subscribers = new LinkedHashSet<>();

        Topic(RingEventLog log) {
            this.log = log;
        }
    }

    private final class LocalSubscription implements Subscription {
        final Interest interest;
        final Subscriber subscriber;
        long lastPosition; // guarded by the hub's lock

        LocalSubscription(Interest interest, Subscriber subscriber, long position) {
            this.interest = interest;
            this.subscriber = subscriber;
            this.lastPosition = position;
        }

        @Override
        public Set<String> topics() {
            return interest.topics();
        }

        @Override
        public void close() {
            unsubscribe(this);
        }
    }
}
