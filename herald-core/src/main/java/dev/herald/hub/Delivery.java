package dev.herald.hub;

import dev.herald.sse.SseEvent;

/**
 * What an {@link Outbox} hands its writer, in order: events, a gap notice, and at the end either
 * an overflow (the writer was too slow) or the hub's shutdown.
 */
public sealed interface Delivery permits HubEvent, Replay.Gap, Delivery.Overflow, Delivery.Shutdown {

    /**
     * The backlog passed its bound and was discarded: close the connection, and the client
     * reconnects with its Last-Event-ID and catches up from the log. Always the last delivery.
     */
    record Overflow(long backlogBytes, long maxBacklogBytes) implements Delivery {
    }

    /** The hub is shutting down: write {@code finalEvent}, flush, close. Always the last delivery. */
    record Shutdown(SseEvent.Message finalEvent) implements Delivery {
    }
}
