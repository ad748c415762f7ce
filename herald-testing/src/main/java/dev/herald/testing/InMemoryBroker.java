package dev.herald.testing;

import dev.herald.hub.HubUnavailableException;
import dev.herald.hub.Publication;
import dev.herald.hub.spi.Broker;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link Broker} in memory, for testing hubs on a shared log without Redis: several hubs built on
 * {@link #node()}s of one {@code InMemoryBroker} behave as nodes sharing a log. It can lose its data
 * ({@link #loseData()}, as a Redis restarted without persistence) and become unreachable
 * ({@link #reachable(boolean)}).
 */
public final class InMemoryBroker {

    private final int maxEventsPerTopic;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    // Guarded by lock.
    private String epoch = newEpoch();
    private final List<Broker.Entry> entries = new ArrayList<>(); // every entry of this epoch, by position
    private final Map<String, ArrayDeque<Broker.Entry>> topics = new HashMap<>();
    private final Map<String, Long> evicted = new HashMap<>(); // per topic, the newest position dropped
    private final Map<String, Long> publisherIds = new HashMap<>();
    private boolean reachable = true;

    /** A log that keeps the newest {@code maxEventsPerTopic} entries of each topic. */
    public InMemoryBroker(int maxEventsPerTopic) {
        this.maxEventsPerTopic = maxEventsPerTopic;
    }

    /** A connection to this log, for one hub. */
    public Broker node() {
        return new Node();
    }

    /** Forgets every entry and starts a new epoch, as a Redis restarted without persistence does. */
    public void loseData() {
        lock.lock();
        try {
            epoch = newEpoch();
            entries.clear();
            topics.clear();
            evicted.clear();
            publisherIds.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** While false, every call throws {@link HubUnavailableException} and tails report it. */
    public void reachable(boolean reachable) {
        lock.lock();
        try {
            this.reachable = reachable;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static String newEpoch() {
        String digits = Long.toString(new SecureRandom().nextLong(2_821_109_907_456L), 36);
        return "0".repeat(8 - digits.length()) + digits;
    }

    private void requireReachable() {
        if (!reachable) {
            throw new HubUnavailableException("the in-memory broker is unreachable (a test made it so)");
        }
    }

    private final class Node implements Broker {

        @Override
        public Entry append(Publication publication) {
            lock.lock();
            try {
                requireReachable();
                Entry entry = new Entry(epoch, entries.size() + 1, publication);
                entries.add(entry);
                String id = publication.message().id();
                if (id != null) {
                    publisherIds.putIfAbsent(id, entry.position());
                }
                for (String topic : new LinkedHashSet<>(publication.topics())) {
                    ArrayDeque<Entry> log = topics.computeIfAbsent(topic, t -> new ArrayDeque<>());
                    log.addLast(entry);
                    if (log.size() > maxEventsPerTopic) {
                        evicted.put(topic, log.removeFirst().position());
                    }
                }
                changed.signalAll();
                return entry;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public Position position() {
            lock.lock();
            try {
                requireReachable();
                return new Position(epoch, entries.size());
            } finally {
                lock.unlock();
            }
        }

        @Override
        public OptionalLong find(String id) {
            lock.lock();
            try {
                requireReachable();
                Long position = publisherIds.get(id);
                return position == null ? OptionalLong.empty() : OptionalLong.of(position);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public Set<String> topics() {
            lock.lock();
            try {
                requireReachable();
                return Set.copyOf(topics.keySet());
            } finally {
                lock.unlock();
            }
        }

        @Override
        public History read(Set<String> names, long after, long upTo) {
            lock.lock();
            try {
                requireReachable();
                TreeMap<Long, Entry> found = new TreeMap<>();
                Set<String> lost = new LinkedHashSet<>();
                for (String name : names) {
                    if (evicted.getOrDefault(name, 0L) > after) {
                        lost.add(name);
                        if (after > 0) {
                            continue;
                        }
                    }
                    for (Entry entry : topics.getOrDefault(name, new ArrayDeque<>())) {
                        if (entry.position() > after && entry.position() <= upTo) {
                            found.put(entry.position(), entry);
                        }
                    }
                }
                return new History(epoch, List.copyOf(found.values()), lost);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public AutoCloseable tail(Position from, Listener listener) {
            Tail tail = new Tail(from, listener);
            Thread.ofPlatform().daemon().name("in-memory-broker-tail").start(tail::run);
            return tail::stop;
        }

        @Override
        public void close() {
        }
    }

    /** Delivers the log to one listener, in order, from its own thread. */
    private final class Tail {
        private final Broker.Listener listener;
        private String seenEpoch;
        private long next; // position of the last entry delivered
        private boolean down;
        private volatile boolean stopped;

        Tail(Broker.Position from, Broker.Listener listener) {
            this.listener = listener;
            this.seenEpoch = from.epoch();
            this.next = from.sequence();
        }

        void stop() {
            stopped = true;
        }

        void run() {
            while (!stopped) {
                List<Broker.Entry> batch;
                boolean nowDown;
                String nowEpoch;
                lock.lock();
                try {
                    if (reachable && epoch.equals(seenEpoch) && entries.size() <= next && !down) {
                        changed.await(50, TimeUnit.MILLISECONDS);
                        continue;
                    }
                    nowDown = !reachable;
                    nowEpoch = epoch;
                    batch = nowDown || !epoch.equals(seenEpoch)
                            ? List.of()
                            : List.copyOf(entries.subList((int) next, entries.size()));
                } catch (InterruptedException e) {
                    return;
                } finally {
                    lock.unlock();
                }
                if (nowDown) {
                    if (!down) {
                        down = true;
                        listener.onUnavailable(new HubUnavailableException("the in-memory broker is unreachable"));
                    }
                    pause();
                    continue;
                }
                if (down) {
                    down = false;
                    listener.onAvailable();
                }
                if (!nowEpoch.equals(seenEpoch)) {
                    seenEpoch = nowEpoch;
                    next = 0;
                    listener.onLost(new Broker.Position(nowEpoch, 0));
                    continue;
                }
                for (Broker.Entry entry : batch) {
                    listener.onEntry(entry);
                    next = entry.position();
                }
            }
        }

        private void pause() {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                stopped = true;
            }
        }
    }
}
