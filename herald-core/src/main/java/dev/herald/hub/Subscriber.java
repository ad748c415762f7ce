package dev.herald.hub;

import dev.herald.sse.SseEvent;

/**
 * Receives a subscription's events. Calls arrive in order — {@link #onReplay} once, then
 * {@link #onEvent} per live event (and {@link #onGap} where history was lost), and at most one
 * {@link #onShutdown} — on the hub's publishing thread, so implementations must not block: queue
 * and return (see {@link Outbox}).
 */
public interface Subscriber {

    /** Called once, inside {@link Hub#subscribe}, before any live event. */
    void onReplay(Replay replay);

    /** A live event of one of the subscribed topics. */
    void onEvent(HubEvent event);

    /**
     * Events were lost while the subscription was open: the shared log of a hub with a broker lost
     * its data (a Redis restarted without persistence), or this node missed part of it. The
     * subscriber must rebuild the state of {@code gap}'s topics; live events follow. An in-process
     * hub never calls it.
     *
     * <p>The default hands the gap to {@link #onReplay}, as a second replay: a subscriber that
     * takes {@code onReplay} to be called only once overrides this.
     */
    default void onGap(Replay.Gap gap) {
        onReplay(gap);
    }

    /**
     * The hub ends this subscription, with {@code finalEvent} to write last: it is shutting down
     * ({@value Hub#SHUTDOWN_EVENT_TYPE}), or its broker is unreachable
     * ({@value Hub#UNAVAILABLE_EVENT_TYPE}: the client should reconnect later). No call follows.
     */
    void onShutdown(SseEvent.Message finalEvent);
}
