package dev.herald.hub;

import dev.herald.sse.SseEvent;

/**
 * Receives a subscription's events. Calls arrive in order — {@link #onReplay} once, then
 * {@link #onEvent} per live event, and at most one {@link #onShutdown} — on the hub's publishing
 * thread, so implementations must not block: queue and return (see {@link Outbox}).
 */
public interface Subscriber {

    /** Called once, inside {@link Hub#subscribe}, before any live event. */
    void onReplay(Replay replay);

    /** A live event of one of the subscribed topics. */
    void onEvent(HubEvent event);

    /** The hub is shutting down; no call follows. */
    void onShutdown(SseEvent.Message finalEvent);
}
