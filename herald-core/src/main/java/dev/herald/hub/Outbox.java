package dev.herald.hub;

import java.time.Duration;
import java.util.List;

/**
 * A {@link Subscriber} that queues deliveries for one writer thread, bounded in bytes.
 *
 * <p>The hub never blocks on a slow writer and never drops an event silently: when the live
 * backlog passes {@code maxBacklogBytes}, the queue is discarded and the writer's next
 * {@link #take} returns a single {@link Delivery.Overflow}, after which the writer closes its
 * connection; the client then reconnects with its Last-Event-ID and catches up from the log. The
 * replay a subscription starts with does not count against the bound (the logs bound it).
 */
public interface Outbox extends Subscriber {

    static Outbox bounded(long maxBacklogBytes) {
        return new BoundedOutbox(maxBacklogBytes, () -> { });
    }

    /**
     * Like {@link #bounded(long)}, and runs {@code onOverflow} once, on the publishing thread,
     * right after the overflow is queued (outside the outbox's lock); it must not block. A writer
     * blocked on a peer that stopped reading never returns to {@link #take} to see the overflow:
     * this hook is where it aborts that write.
     */
    static Outbox bounded(long maxBacklogBytes, Runnable onOverflow) {
        return new BoundedOutbox(maxBacklogBytes, onOverflow);
    }

    /**
     * Waits up to {@code timeout} for deliveries and returns all that are queued, in order; an
     * empty list when the time passed with nothing to write (time for a heartbeat). After an
     * {@link Delivery.Overflow} or {@link Delivery.Shutdown} is returned the writer must stop;
     * a later call returns that same delivery again at once.
     */
    List<Delivery> take(Duration timeout) throws InterruptedException;

    /** Bytes of live events queued and not yet taken. */
    long backlogBytes();
}
