package dev.herald.hub;

import dev.herald.sse.SseEncoder;
import dev.herald.sse.SseEvent;
import java.nio.charset.StandardCharsets;
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
    private final Map<String, Long> publisherIds = new HashMap<>();
    private final Set<LocalSubscription> subscriptions = new LinkedHashSet<>();
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
    public String publish(Collection<String> topicNames, SseEvent.Message message, String conflationKey) {
        Set<String> names = checkTopics(topicNames);
        String publisherId = message.id();
        if ("".equals(publisherId)) {
            // On the wire "id:" with no value clears the client's last event id: it could never resume.
            throw new IllegalArgumentException("event id is empty: leave it unset and the hub assigns one");
        }
        if (publisherId != null && HubId.hasShape(publisherId)) {
            throw new IllegalArgumentException("event id \"" + publisherId
                    + "\" has the form of a hub-assigned id (<epoch>:<position>); choose another");
        }
        byte[] body = SseEncoder.encode(message);
        lock.lock();
        try {
            if (closed) {
                throw new HubClosedException();
            }
            if (publisherId != null && publisherIds.containsKey(publisherId)) {
                throw new IllegalArgumentException("event id \"" + publisherId + "\" is already in the log");
            }
            long at = ++position;
            HubEvent event = publisherId != null
                    ? new HubEvent(at, names, message, body, conflationKey)
                    : withHubId(at, names, message, body, conflationKey);
            if (publisherId != null) {
                publisherIds.put(publisherId, at);
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
    public Subscription subscribe(Collection<String> topicNames, String lastEventId, Subscriber subscriber) {
        Set<String> names = checkTopics(topicNames);
        lock.lock();
        try {
            if (closed) {
                throw new HubClosedException();
            }
            Replay replay = lastEventId == null ? new Replay.Exact(List.of()) : replayAfter(lastEventId, names);
            LocalSubscription subscription = new LocalSubscription(names, subscriber, position);
            for (String name : names) {
                topics.computeIfAbsent(name, this::newTopic).subscribers.add(subscription);
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
            topics.values().forEach(t -> t.subscribers.clear());
        } finally {
            lock.unlock();
        }
    }

    private HubEvent withHubId(long at, Set<String> names, SseEvent.Message message, byte[] body, String conflationKey) {
        String id = HubId.format(epoch, at);
        byte[] idLine = ("id: " + id + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] wire = new byte[idLine.length + body.length];
        System.arraycopy(idLine, 0, wire, 0, idLine.length);
        System.arraycopy(body, 0, wire, idLine.length, body.length);
        return new HubEvent(at, names, message.withId(id), wire, conflationKey);
    }

    /** Hands {@code event} to each of its topics' subscribers once; returns how many it reached. */
    private int fanOut(HubEvent event) {
        int reached = 0;
        for (String name : event.topics()) {
            for (LocalSubscription s : topics.get(name).subscribers) {
                // A subscriber of several of the event's topics is reached through each: once is enough.
                if (s.lastPosition < event.position()) {
                    s.lastPosition = event.position();
                    s.subscriber.onEvent(event);
                    reached++;
                }
            }
        }
        return reached;
    }

    private Replay replayAfter(String lastEventId, Set<String> names) {
        long after;
        if (HubId.hasShape(lastEventId)) {
            if (!HubId.epochOf(lastEventId).equals(epoch)) {
                return new Replay.Gap(Replay.Reason.EARLIER_EPOCH, lastEventId, names, List.of());
            }
            after = HubId.positionOf(lastEventId);
            if (after > position) {
                return new Replay.Gap(Replay.Reason.UNKNOWN_ID, lastEventId, names, List.of());
            }
        } else {
            Long indexed = publisherIds.get(lastEventId);
            if (indexed == null) {
                return new Replay.Gap(Replay.Reason.UNKNOWN_ID, lastEventId, names, List.of());
            }
            after = indexed;
        }
        Set<String> lost = new LinkedHashSet<>();
        List<HubEvent> events = new ArrayList<>();
        for (String name : names) {
            Topic topic = topics.get(name);
            if (topic == null) {
                continue;
            }
            if (topic.log.lastEvictedPosition() > after) {
                lost.add(name);
            } else {
                topic.log.addEventsAfter(after, events);
            }
        }
        if (names.size() > 1) {
            events.sort((a, b) -> Long.compare(a.position(), b.position()));
            dropRepeats(events);
        }
        return lost.isEmpty()
                ? new Replay.Exact(events)
                : new Replay.Gap(Replay.Reason.EXPIRED, lastEventId, lost, events);
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

    /** A publisher id stays resolvable while any log holds its event. */
    private void forgetIfGone(HubEvent evicted) {
        String id = evicted.id();
        Long indexed = publisherIds.get(id);
        if (indexed == null || indexed != evicted.position()) {
            return;
        }
        for (String name : evicted.topics()) {
            Topic topic = topics.get(name);
            if (topic != null && topic.log.holds(evicted.position())) {
                return;
            }
        }
        publisherIds.remove(id);
    }

    private void unsubscribe(LocalSubscription subscription) {
        lock.lock();
        try {
            if (!subscriptions.remove(subscription)) {
                return;
            }
            for (String name : subscription.topics) {
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
        final Set<String> topics;
        final Subscriber subscriber;
        long lastPosition; // guarded by the hub's lock

        LocalSubscription(Set<String> topics, Subscriber subscriber, long position) {
            this.topics = topics;
            this.subscriber = subscriber;
            this.lastPosition = position;
        }

        @Override
        public Set<String> topics() {
            return topics;
        }

        @Override
        public void close() {
            unsubscribe(this);
        }
    }
}
