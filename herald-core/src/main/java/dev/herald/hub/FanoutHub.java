package dev.herald.hub;

import dev.herald.sse.SseEvent;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What {@link LocalHub} and {@link BrokeredHub} share: one lock that orders everything the hub
 * does, the {@link Fanout} of its subscribers under it, and its end. Each hub takes the same lock
 * around its own state (logs and positions, or the log's epoch) and its hand-offs to the fan-out,
 * written out where they happen so that publishing stays free of allocation.
 */
abstract sealed class FanoutHub implements Hub permits LocalHub, BrokeredHub {

    final ReentrantLock lock = new ReentrantLock();

    // Guarded by lock.
    final Fanout fanout = new Fanout();
    boolean closed;

    @Override
    public final int subscriberCount() {
        lock.lock();
        try {
            return fanout.size();
        } finally {
            lock.unlock();
        }
    }

    /** For a hub on a broker, "published" counts the events this node's tail fanned out. */
    @Override
    public final HubStats stats() {
        lock.lock();
        try {
            return fanout.stats();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends every subscription with {@code finalEvent} and refuses new work from now on.
     *
     * @return true if and only if this call closed the hub (false: it was closed already)
     */
    final boolean closeWith(SseEvent.Message finalEvent) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            closed = true;
            fanout.endAll(finalEvent);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** A subscription's close: {@link Fanout#add}'s {@code onClose}. */
    final void unsubscribe(Fanout.Member member) {
        lock.lock();
        try {
            fanout.remove(member);
        } finally {
            lock.unlock();
        }
    }
}
