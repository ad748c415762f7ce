package dev.herald.hub;

import dev.herald.hub.spi.Broker;
import dev.herald.sse.SseEvent;
import java.util.Collection;
import java.util.List;

/**
 * The fan-out hub: events published to topics reach every subscriber of those topics, in publish
 * order, each event encoded once and handed to every subscriber as the same bytes.
 *
 * <p><b>Ids.</b> Every event has an id. One the publisher supplied is kept and indexed (publisher
 * ids may repeat: a resume from a repeated one starts after the earliest still held); otherwise the
 * hub assigns one of the form {@code #<epoch>:<position>} — an IRI reference made of a fragment —
 * where the epoch names this life of the hub and the position is the event's place in the hub's
 * publish order. Either kind resumes a subscription as {@code Last-Event-ID}; so does
 * {@value #EARLIEST}, for every event still held.
 *
 * <p><b>Replay.</b> A subscription that names a last event id receives exactly the events published
 * after it on all of its topics — once each, in publish order, with live events published during
 * the replay neither lost nor doubled. Each topic keeps a log bounded by count and bytes; when the
 * id is unknown, from an earlier epoch, or older than what a topic's log still holds, the
 * subscriber is told so with a {@link Replay.Gap}: a gap is never skipped silently.
 *
 * <p><b>Threading.</b> All methods are thread-safe. {@link Subscriber} callbacks run on the
 * publishing (or subscribing) thread, in publish order per subscriber, and must not block.
 */
public interface Hub extends AutoCloseable {

    /** The event type of the final event {@link #close()} sends. */
    String SHUTDOWN_EVENT_TYPE = "herald-shutdown";

    /** The last event id that asks for every event the logs still hold (Mercure's reserved value). */
    String EARLIEST = "earliest";

    /** Mercure's wildcard: as a selector it takes every topic ({@link Interest#allTopics()}); it is no topic's name. */
    String ALL_TOPICS = "*";

    /**
     * The event type of the final event a hub with a broker sends each subscriber when the broker
     * cannot be reached: the client should reconnect later (its data says why).
     */
    String UNAVAILABLE_EVENT_TYPE = "herald-unavailable";

    static Builder builder() {
        return new Builder();
    }

    /**
     * Publishes one event to each of {@code topics}; a subscriber of several of them receives it
     * once.
     *
     * @param topics  one or more topic names, none empty
     * @param message the event; its id, if set, is the publisher's own: not empty, not starting
     *                with {@code #}, not {@value #EARLIEST}
     * @return the event's id, as subscribers receive it
     * @throws IllegalArgumentException naming the bad topic or id
     * @throws HubClosedException       after {@link #shutdown}
     * @throws HubUnavailableException  when the hub's broker cannot be reached: nothing was published
     */
    default String publish(Collection<String> topics, SseEvent.Message message) {
        return publish(Publication.of(topics, message));
    }

    /**
     * Publishes one event with Mercure's options (private, retry) and Herald's (a conflation key).
     *
     * @return the event's id, as subscribers receive it
     * @throws IllegalArgumentException naming the bad topic ({@value #ALL_TOPICS} is none) or id
     * @throws HubClosedException       after {@link #shutdown}
     */
    String publish(Publication publication);

    /**
     * Publishes one event that replaces what an earlier event with the same {@code conflationKey}
     * showed — such as the new content of one element. When a subscriber has fallen behind (the
     * event is queued while an earlier live event with the same key is still waiting to be
     * written), the earlier one is dropped: only the newest matters. Events in the log, and so
     * replay after a Last-Event-ID, are never conflated. Give a key only to events that fully
     * replace what the earlier ones with the key did (an {@code innerHTML} swap of one target);
     * never to events that add (an append).
     *
     * @param conflationKey what the event replaces, or {@code null}: never conflated
     * @see #publish(Collection, SseEvent.Message)
     */
    default String publish(Collection<String> topics, SseEvent.Message message, String conflationKey) {
        Publication publication = Publication.of(topics, message);
        return publish(conflationKey == null ? publication : publication.conflatingOn(conflationKey));
    }

    /** Publishes to one topic; see {@link #publish(Collection, SseEvent.Message)}. */
    default String publish(String topic, SseEvent.Message message) {
        return publish(List.of(topic), message);
    }

    /**
     * Subscribes to {@code topics}. Before this method returns, {@code subscriber} has received
     * {@link Subscriber#onReplay} (the events after {@code lastEventId}, or a gap); every event
     * published afterwards follows through {@link Subscriber#onEvent} until the subscription is
     * closed.
     *
     * @param topics      one or more topic names, none empty
     * @param lastEventId the id the client saw last, {@value #EARLIEST}, or {@code null} for live
     *                    events only
     * @throws IllegalArgumentException naming the bad topic
     * @throws HubClosedException       during and after {@link #shutdown}
     * @throws HubUnavailableException  when the hub's broker cannot be reached
     */
    default Subscription subscribe(Collection<String> topics, String lastEventId, Subscriber subscriber) {
        return subscribe(Interest.topics(topics), lastEventId, subscriber);
    }

    /**
     * Subscribes to the topics {@code interest} names or selects, as
     * {@link #subscribe(Collection, String, Subscriber)} does. Private events reach the subscriber,
     * live or replayed, only when its {@link Interest#access()} allows; replayed ones are checked
     * at the time of the replay.
     *
     * @throws IllegalArgumentException naming the bad topic; for no topic, selector or wildcard
     */
    Subscription subscribe(Interest interest, String lastEventId, Subscriber subscriber);

    /**
     * The id of the newest event published, as a hub id ({@code #<epoch>:<position>}), even when
     * that event carried a publisher id. Render a page's history with the position it was read at
     * and subscribe from there, and nothing published in between is lost or doubled (provided the
     * history read and this call are ordered against publishing by the application). With a broker
     * this is the shared log's position, read from it.
     *
     * @throws HubUnavailableException when the hub's broker cannot be reached
     */
    String position();

    /** Number of open subscriptions. */
    int subscriberCount();

    /**
     * The hub's counters now. The event and byte counts are read without the hub's lock (they
     * may be a publish apart from each other); the subscribers per topic take it briefly.
     */
    HubStats stats();

    /**
     * Stops the hub: later publishes and subscribes throw {@link HubClosedException}, and every
     * subscriber receives {@link Subscriber#onShutdown} with {@code finalEvent}. Idempotent.
     */
    void shutdown(SseEvent.Message finalEvent);

    /** {@link #shutdown} with an event of type {@value #SHUTDOWN_EVENT_TYPE}. */
    @Override
    default void close() {
        shutdown(SseEvent.message(SHUTDOWN_EVENT_TYPE, "server shutting down"));
    }

    /** Settings for a {@link Hub}; every bound has a default. */
    final class Builder {
        int maxEventsPerTopic = 1024;
        long maxBytesPerTopic = 1L << 20;
        Broker broker;

        Builder() {
        }

        /** The most events a topic's log keeps (default 1024); rounded up to a power of two. */
        public Builder maxEventsPerTopic(int count) {
            if (count < 1 || count > (1 << 24)) {
                throw new IllegalArgumentException("maxEventsPerTopic must be 1..16777216, was " + count);
            }
            this.maxEventsPerTopic = count;
            return this;
        }

        /** The most encoded bytes a topic's log keeps (default 1 MiB); the oldest go first. */
        public Builder maxBytesPerTopic(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxBytesPerTopic must be positive, was " + bytes);
            }
            this.maxBytesPerTopic = bytes;
            return this;
        }

        /**
         * Builds a hub on {@code broker}'s shared log instead of an in-process one, so that several
         * nodes share topics and ids (such as {@code RedisStreamsBroker} of herald-redis). The broker
         * keeps the history, bounded by its own settings (the bounds above are then unused); the hub
         * does not close it.
         */
        public Builder broker(Broker broker) {
            this.broker = java.util.Objects.requireNonNull(broker, "broker");
            return this;
        }

        /**
         * The hub: in-process, or on the {@link #broker} given.
         *
         * @throws HubUnavailableException when the broker cannot be reached
         */
        public Hub build() {
            return broker == null ? new LocalHub(this) : new BrokeredHub(broker);
        }
    }
}
