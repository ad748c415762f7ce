package dev.herald.hub;

import java.util.List;

/**
 * A {@link Subscriber} that queues deliveries for one writer, bounded in bytes, and tells the
 * writer when there is something to write — so a writer waiting for events holds no thread.
 *
 * <p><b>Readiness.</b> The writer {@link #poll}s; a poll that finds nothing arms the outbox, and the
 * next delivery queued calls {@link Listener#onReady} once. A writer therefore polls until it finds
 * nothing, and then waits for the signal, never for a timeout.
 *
 * <p><b>Bound.</b> The hub never blocks on a slow writer and never drops an event silently: when the
 * live backlog passes {@code maxBacklogBytes}, the queue is discarded, {@link Listener#onOverflow} is
 * called, and the writer's next poll returns a single {@link Delivery.Overflow}, after which the
 * writer closes its connection; the client then reconnects with its Last-Event-ID and catches up
 * from the log. The replay a subscription starts with does not count against the bound (the logs
 * bound it).
 */
public interface Outbox extends Subscriber {

    /**
     * What an outbox tells its writer. Both calls run on the thread that queued — a publisher's, or
     * the subscriber's own for the replay — after the outbox's lock is released, often while the
     * hub's lock is held: they must be quick and must not block.
     */
    interface Listener {

        /** Something was queued while the outbox was armed (its last poll found nothing); once per arming. */
        void onReady();

        /**
         * The backlog passed its bound and was discarded; the next poll returns the
         * {@link Delivery.Overflow}. Called once. A write in progress may be stalled on a peer that
         * stopped reading, and would then never finish to poll again: this is where the writer
         * aborts it.
         */
        void onOverflow();
    }

    /** An outbox nobody is told about: its writer polls on its own schedule (tests, benchmarks). */
    static Outbox bounded(long maxBacklogBytes) {
        return new BoundedOutbox(maxBacklogBytes, null);
    }

    /** An outbox that tells {@code listener} when it is ready and when it overflowed. */
    static Outbox bounded(long maxBacklogBytes, Listener listener) {
        return new BoundedOutbox(maxBacklogBytes, java.util.Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Everything queued, in order, without waiting; an empty list when nothing is — the outbox is
     * then armed, and the next delivery calls {@link Listener#onReady}. After an
     * {@link Delivery.Overflow} or {@link Delivery.Shutdown} is returned the writer must stop; a
     * later call returns that same delivery again.
     */
    List<Delivery> poll();

    /** Bytes of live events queued and not yet polled. */
    long backlogBytes();
}
