package dev.herald.hub;

import dev.herald.sse.SseEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link Outbox}: a queue under a lock, a byte count, a terminal delivery and an armed flag. A
 * live event with a conflation key supersedes the queued live event with the same key: that one
 * stays in the queue as a dropped entry (found through {@code queuedByKey}, skipped by
 * {@link #poll}), so conflating costs no scan of the queue.
 *
 * <p>An idle outbox is small — a lock, an empty queue of four slots — because a server holds one per
 * open stream; the conflation maps exist only while a keyed event is queued.
 */
final class BoundedOutbox implements Outbox {

    /** A queue that grew past this during a burst is dropped after the poll rather than kept at its size. */
    private static final int KEPT_QUEUE_SIZE = 16;

    private final long maxBacklogBytes;
    private final Listener listener; // null: nobody is told
    private final ReentrantLock lock = new ReentrantLock();

    // Guarded by lock.
    private ArrayDeque<Delivery> queue = new ArrayDeque<>(3);
    private Map<String, HubEvent> queuedByKey; // null until a keyed event is queued
    private Set<HubEvent> superseded; // null until one is
    private long backlogBytes;
    private Delivery terminal;
    private boolean armed;

    BoundedOutbox(long maxBacklogBytes, Listener listener) {
        if (maxBacklogBytes < 1) {
            throw new IllegalArgumentException("maxBacklogBytes must be positive, was " + maxBacklogBytes);
        }
        this.maxBacklogBytes = maxBacklogBytes;
        this.listener = listener;
    }

    @Override
    public void onReplay(Replay replay) {
        boolean ready;
        lock.lock();
        try {
            if (replay instanceof Replay.Gap gap) {
                queue.add(gap);
            }
            queue.addAll(replay.events());
            ready = disarmIfQueued();
        } finally {
            lock.unlock();
        }
        tell(false, ready);
    }

    @Override
    public void onGap(Replay.Gap gap) {
        boolean ready;
        lock.lock();
        try {
            if (terminal != null) {
                return;
            }
            queue.add(gap);
            queue.addAll(gap.events());
            ready = disarmIfQueued();
        } finally {
            lock.unlock();
        }
        tell(false, ready);
    }

    @Override
    public void onEvent(HubEvent event) {
        boolean overflowed = false;
        boolean ready;
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
            ready = disarmIfQueued();
        } finally {
            lock.unlock();
        }
        tell(overflowed, ready);
    }

    @Override
    public void onShutdown(SseEvent.Message finalEvent) {
        boolean ready = false;
        lock.lock();
        try {
            if (terminal == null) {
                end(new Delivery.Shutdown(finalEvent));
                ready = disarmIfQueued();
            }
        } finally {
            lock.unlock();
        }
        tell(false, ready);
    }

    @Override
    public List<Delivery> poll() {
        lock.lock();
        try {
            if (queue.isEmpty()) {
                if (terminal != null) {
                    return List.of(terminal);
                }
                armed = true;
                return List.of();
            }
            List<Delivery> taken = taken();
            if (queue.size() > KEPT_QUEUE_SIZE) {
                queue = new ArrayDeque<>(3);
            } else {
                queue.clear();
            }
            queuedByKey = null;
            superseded = null;
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

    /** The queue without the superseded events; one delivery alone as an immutable list of one. */
    private List<Delivery> taken() {
        if (queue.size() == 1) {
            return List.of(queue.getFirst());
        }
        List<Delivery> taken = new ArrayList<>(queue.size() - (superseded == null ? 0 : superseded.size()));
        for (Delivery delivery : queue) {
            if (superseded == null || !(delivery instanceof HubEvent event && superseded.contains(event))) {
                taken.add(delivery);
            }
        }
        return taken;
    }

    /** Only live events queued behind the writer are conflated; the replay stays exact. */
    private void conflate(HubEvent event) {
        if (event.conflationKey() == null) {
            return;
        }
        if (queuedByKey == null) {
            queuedByKey = new HashMap<>();
            superseded = Collections.newSetFromMap(new IdentityHashMap<>());
        }
        HubEvent older = queuedByKey.put(event.conflationKey(), event);
        if (older != null) {
            superseded.add(older);
            backlogBytes -= older.size();
        }
    }

    private void end(Delivery last) {
        terminal = last;
        queuedByKey = null;
        superseded = null;
        queue.add(last);
    }

    /** True if and only if the writer must now be told: it was waiting, and something is queued. */
    private boolean disarmIfQueued() {
        if (armed && !queue.isEmpty()) {
            armed = false;
            return true;
        }
        return false;
    }

    private void tell(boolean overflowed, boolean ready) {
        if (listener == null) {
            return;
        }
        if (overflowed) {
            listener.onOverflow();
        }
        if (ready) {
            listener.onReady();
        }
    }
}
