package dev.herald.hub;

import dev.herald.sse.SseEncoder;
import dev.herald.sse.SseEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The in-process hub. One lock orders publishes and subscribes: a subscriber is registered and
 * its replay collected in one step, so every event is either in the replay or delivered live,
 * never both and never neither. Under the lock, publish does only what must be ordered —
 * take a position, append to logs, hand the shared bytes to each subscriber's queue; encoding
 * happens before it.
 */
final class LocalHub extends FanoutHub {

    private final String epoch = HubId.newEpoch();
    private final int maxEventsPerTopic;
    private final long maxBytesPerTopic;

    // All guarded by lock.
    private final Map<String, RingEventLog> logs = new HashMap<>();
    /** Each publisher id's events still in a log, oldest first: ids may repeat, the earliest held one resumes. */
    private final Map<String, ArrayDeque<Long>> publisherIds = new HashMap<>();
    private long position;

    LocalHub(Hub.Builder settings) {
        this.maxEventsPerTopic = settings.maxEventsPerTopic;
        this.maxBytesPerTopic = settings.maxBytesPerTopic;
    }

    @Override
    public String publish(Publication publication) {
        Set<String> names = TopicNames.checkPublished(publication.topics());
        String publisherId = HubId.checkPublisherId(publication.message().id());
        byte[] body = SseEncoder.encode(publication.message());
        lock.lock();
        try {
            if (closed) {
                throw new HubClosedException();
            }
            long at = ++position;
            HubEvent event = HubEvent.encoded(epoch, at, names, publication, body);
            if (publisherId != null) {
                publisherIds.computeIfAbsent(publisherId, id -> new ArrayDeque<>(1)).addLast(at);
            }
            for (String name : names) {
                logs.computeIfAbsent(name, this::newLog).append(event, this::forgetIfGone);
            }
            fanout.fanOut(event);
            return event.id();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Subscription subscribe(Interest interest, String lastEventId, Subscriber subscriber) {
        TopicNames.checkSubscribed(interest);
        lock.lock();
        try {
            if (closed) {
                throw new HubClosedException();
            }
            Replay replay = lastEventId == null ? new Replay.Exact(List.of()) : replayAfter(lastEventId, interest);
            Subscription subscription = fanout.add(interest, subscriber, position, this::unsubscribe);
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
    public void shutdown(SseEvent.Message finalEvent) {
        closeWith(finalEvent);
    }

    private Replay replayAfter(String lastEventId, Interest interest) {
        Set<String> names = interest.topicsToResume(logs::keySet);
        Resume resume = Resume.from(lastEventId, epoch, position, this::earliestHeld, names);
        if (resume.gap() != null) {
            return resume.gap();
        }
        Set<String> lost = new LinkedHashSet<>();
        List<HubEvent> events = new ArrayList<>();
        for (String name : names) {
            RingEventLog log = logs.get(name);
            if (log == null) {
                continue;
            }
            if (resume.after() > 0 && log.lastEvictedPosition() > resume.after()) {
                lost.add(name);
            } else {
                log.addEventsAfter(resume.after(), events);
            }
        }
        return resume.replay(lastEventId, interest, events, lost);
    }

    private OptionalLong earliestHeld(String publisherId) {
        ArrayDeque<Long> indexed = publisherIds.get(publisherId);
        return indexed == null ? OptionalLong.empty() : OptionalLong.of(indexed.peekFirst());
    }

    /** A publisher id stays resolvable while any log holds one of its events. */
    private void forgetIfGone(HubEvent evicted) {
        String id = evicted.id();
        ArrayDeque<Long> indexed = publisherIds.get(id);
        if (indexed == null || !indexed.contains(evicted.position())) {
            return;
        }
        for (String name : evicted.topics()) {
            RingEventLog log = logs.get(name);
            if (log != null && log.holds(evicted.position())) {
                return;
            }
        }
        indexed.remove(evicted.position());
        if (indexed.isEmpty()) {
            publisherIds.remove(id);
        }
    }

    private RingEventLog newLog(String name) {
        return new RingEventLog(maxEventsPerTopic, maxBytesPerTopic);
    }
}
