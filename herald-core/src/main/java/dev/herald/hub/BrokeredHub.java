package dev.herald.hub;

import dev.herald.hub.spi.Broker;
import dev.herald.sse.SseEncoder;
import dev.herald.sse.SseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/**
 * A hub on a shared log ({@link Broker}): publishes append to the log, and every node's tail fans
 * the log out to its own subscribers, in position order, through the same {@link Fanout} as the
 * in-process hub. Positions are the log's, so ids are global: one issued on any node resumes on any.
 *
 * <p><b>Replay, exactly.</b> A subscriber with a last event id is registered first with its live
 * events held back; then the log's position {@code H} is read, then the entries after the id up to
 * {@code H}; then, under the lock, the replay is delivered and the held events above {@code H}
 * follow. Every entry above {@code H} was appended after the subscriber was registered, so the tail
 * brings it; every entry at or below {@code H} is in the replay: nothing lost, nothing doubled.
 *
 * <p><b>Loss.</b> A log that lost its data (a new epoch), or entries the tail could no longer read,
 * reach every subscriber as a {@link Replay.Gap}; an unreachable log ends every subscription with a
 * {@value Hub#UNAVAILABLE_EVENT_TYPE} event, and publishes and subscribes throw
 * {@link HubUnavailableException} until it is back.
 */
final class BrokeredHub extends FanoutHub {

    /** How long a publish waits for its own event to reach this node's subscribers. */
    private static final long LOCAL_DELIVERY_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Broker broker;
    private final Condition advanced = lock.newCondition();
    private final AutoCloseable tail;

    // Guarded by lock.
    private String epoch;
    private long delivered; // the position of the newest entry fanned out here
    private HubUnavailableException unavailable; // null while the log is reachable

    BrokeredHub(Broker broker) {
        this.broker = broker;
        Broker.Position start = broker.position();
        this.epoch = start.epoch();
        this.delivered = start.sequence();
        this.tail = broker.tail(start, new Tail());
    }

    @Override
    public String publish(Publication publication) {
        TopicNames.checkPublished(publication.topics());
        String publisherId = HubId.checkPublisherId(publication.message().id());
        lock.lock();
        try {
            if (closed) {
                throw new HubClosedException();
            }
        } finally {
            lock.unlock();
        }
        Broker.Entry entry = broker.append(publication);
        awaitDelivered(entry);
        return publisherId != null ? publisherId : HubId.format(entry.epoch(), entry.position());
    }

    /**
     * Waits (bounded) until this node's tail has fanned {@code entry} out, so that whoever
     * published it sees it on this node's pages once publish returns, as with the in-process hub.
     */
    private void awaitDelivered(Broker.Entry entry) {
        long left = LOCAL_DELIVERY_WAIT_NANOS;
        lock.lock();
        try {
            while (!closed && unavailable == null && epoch.equals(entry.epoch()) && delivered < entry.position()
                    && left > 0) {
                left = advanced.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Subscription subscribe(Interest interest, String lastEventId, Subscriber subscriber) {
        TopicNames.checkSubscribed(interest);
        Fanout.Member member;
        String registeredIn;
        lock.lock();
        try {
            requireOpen();
            member = fanout.add(interest, subscriber, delivered, this::unsubscribe);
            if (lastEventId == null) {
                subscriber.onReplay(new Replay.Exact(List.of()));
                return member;
            }
            member.hold();
            registeredIn = epoch;
        } finally {
            lock.unlock();
        }
        Read read;
        try {
            read = replayAfter(lastEventId, interest);
        } catch (RuntimeException e) {
            member.close();
            throw e;
        }
        lock.lock();
        try {
            if (!fanout.contains(member)) {
                // Ended while the replay was read: the log became unreachable, or the hub closed.
                requireOpen();
                throw new HubUnavailableException("the subscription ended while its replay was read");
            }
            if (!read.epoch.equals(epoch) || !registeredIn.equals(epoch)) {
                // The log lost its data meanwhile: the held events say so, or the tail soon will.
                member.release(new Replay.Gap(Replay.Reason.EARLIER_EPOCH, lastEventId, gapTopics(interest), List.of()), 0);
            } else {
                member.release(read.replay, read.upTo);
            }
            return member;
        } finally {
            lock.unlock();
        }
    }

    private record Read(String epoch, long upTo, Replay replay) {
    }

    /** Reads the replay from the log, without the lock: the tail goes on fanning out meanwhile. */
    private Read replayAfter(String lastEventId, Interest interest) {
        Broker.Position now = broker.position();
        Set<String> names = interest.topicsToResume(broker::topics);
        Resume resume = Resume.from(lastEventId, now.epoch(), now.sequence(), broker::find, names);
        if (resume.gap() != null) {
            return new Read(now.epoch(), now.sequence(), resume.gap());
        }
        Broker.History history = broker.read(names, resume.after(), now.sequence());
        List<HubEvent> events = new ArrayList<>(history.entries().size());
        for (Broker.Entry entry : history.entries()) {
            events.add(encode(entry));
        }
        return new Read(history.epoch(), now.sequence(), resume.replay(lastEventId, interest, events, history.lost()));
    }

    /** The topics a gap of every subscribed topic names: for a subscription by rule, {@value Hub#ALL_TOPICS}. */
    private static Set<String> gapTopics(Interest interest) {
        return interest.isWide() ? Set.of(Hub.ALL_TOPICS) : interest.topics();
    }

    @Override
    public String position() {
        lock.lock();
        try {
            requireOpen();
        } finally {
            lock.unlock();
        }
        Broker.Position now = broker.position();
        return HubId.format(now.epoch(), now.sequence());
    }

    @Override
    public void shutdown(SseEvent.Message finalEvent) {
        if (!closeWith(finalEvent)) {
            return;
        }
        lock.lock();
        try {
            advanced.signalAll(); // publishers waiting for their event to reach this node: it will not
        } finally {
            lock.unlock();
        }
        try {
            tail.close();
        } catch (Exception e) {
            // The tail's connection is being dropped anyway; nothing is left to deliver.
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new HubClosedException();
        }
        if (unavailable != null) {
            throw new HubUnavailableException(unavailable.getMessage(), unavailable);
        }
    }

    private static HubEvent encode(Broker.Entry entry) {
        Publication publication = entry.publication();
        return HubEvent.encoded(entry.epoch(), entry.position(), Set.copyOf(publication.topics()), publication,
                SseEncoder.encode(publication.message()));
    }

    /** The log's entries and troubles, on the tail's thread. */
    private final class Tail implements Broker.Listener {

        @Override
        public void onEntry(Broker.Entry entry) {
            HubEvent event = encode(entry);
            lock.lock();
            try {
                if (closed || !entry.epoch().equals(epoch) || entry.position() <= delivered) {
                    return;
                }
                fanout.fanOut(event);
                delivered = entry.position();
                advanced.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void onLost(Broker.Position from) {
            lock.lock();
            try {
                boolean newEpoch = !from.epoch().equals(epoch);
                String lastSeen = HubId.format(epoch, delivered);
                epoch = from.epoch();
                delivered = from.sequence();
                for (Fanout.Member member : fanout.members()) {
                    Replay.Reason reason = newEpoch ? Replay.Reason.EARLIER_EPOCH : Replay.Reason.EXPIRED;
                    member.lost(new Replay.Gap(reason, lastSeen, gapTopics(member.interest), List.of()), from.sequence());
                }
                advanced.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void onUnavailable(HubUnavailableException cause) {
            lock.lock();
            try {
                unavailable = cause;
                fanout.endAll(SseEvent.message(UNAVAILABLE_EVENT_TYPE, cause.getMessage()));
                advanced.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void onAvailable() {
            lock.lock();
            try {
                unavailable = null;
            } finally {
                lock.unlock();
            }
        }
    }
}
