package dev.herald.hub;

import dev.herald.sse.SseEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link Outbox}: a queue under a lock, a byte count, and a terminal delivery. A live event
 * with a conflation key supersedes the queued live event with the same key: that one stays in the
 * queue as a dropped entry (found through {@code queuedByKey}, skipped by {@link #take}), so
 * conflating costs no scan of the queue.
 */
final class BoundedOutbox implements Outbox {

    private final long maxBacklogBytes;
    private final Runnable onOverflow;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();

    // Guarded by lock.
    private final ArrayDeque<Delivery> queue = new ArrayDeque<>();
    private final Map<String, HubEvent> queuedByKey = new HashMap<>();
    private final Set<HubEvent> superseded = Collections.newSetFromMap(new IdentityHashMap<>());
    private long backlogBytes;
    private Delivery terminal;

    BoundedOutbox(long maxBacklogBytes, Runnable onOverflow) {
        if (maxBacklogBytes < 1) {
            throw new IllegalArgumentException("maxBacklogBytes must be positive, was " + maxBacklogBytes);
        }
        this.maxBacklogBytes = maxBacklogBytes;
        this.onOverflow = Objects.requireNonNull(onOverflow, "onOverflow");
    }

    @Override
    public void onReplay(Replay replay) {
        lock.lock();
        try {
            if (replay instanceof Replay.Gap gap) {
                queue.add(gap);
            }
            queue.addAll(replay.events());
            ready.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onEvent(HubEvent event) {
        boolean overflowed = false;
        lock.lock();
        try {
            if (terminal != null) {
                return;
            }
            queue.add(event);
            backlogBytes += event.size();
            conflate(event);
            if (backlogBytes > maxBacklogBytes) {
                // Dropping the queue is safe only because the writer now closes the connection:
                // the client resumes from its Last-Event-ID, and the log has what was dropped.
                queue.clear();
                end(new Delivery.Overflow(backlogBytes, maxBacklogBytes));
                overflowed = true;
            }
            ready.signal();
        } finally {
            lock.unlock();
        }
        if (overflowed) {
            onOverflow.run();
        }
    }

    @Override
    public void onShutdown(SseEvent.Message finalEvent) {
        lock.lock();
        try {
            if (terminal == null) {
                end(new Delivery.Shutdown(finalEvent));
                ready.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Delivery> take(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (terminal != null) {
                    return List.of(terminal);
                }
                if (nanos <= 0) {
                    return List.of();
                }
                nanos = ready.awaitNanos(nanos);
            }
            List<Delivery> taken = new ArrayList<>(queue.size() - superseded.size());
            for (Delivery delivery : queue) {
                if (!(delivery instanceof HubEvent event && superseded.contains(event))) {
                    taken.add(delivery);
                }
            }
            queue.clear();
            queuedByKey.clear();
            superseded.clear();
            backlogBytes = 0;
            return taken;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long backlogBytes() {
        lock.lock();
        try {
            return backlogBytes;
        } finally {
            lock.unlock();
        }
    }

    /** Only live events queued behind the writer are conflated; the replay stays exact. */
    private void conflate(HubEvent event) {
        if (event.conflationKey() == null) {
            return;
        }
        HubEvent older = queuedByKey.put(event.conflationKey(), event);
        if (older != null) {
            superseded.add(older);
            backlogBytes -= older.size();
        }
    }

    private void end(Delivery last) {
        terminal = last;
        queuedByKey.clear();
        superseded.clear();
        queue.add(last);
    }
}
