package dev.herald.hub;

import java.util.Map;

/**
 * A snapshot of a hub's counters, for metrics. The counts only grow over the life of the hub:
 * a rate is the difference of two snapshots over the time between them.
 *
 * @param eventsPublished     events published (an event sent to several topics counts once)
 * @param bytesPublished      their encoded bytes (each event's wire form, counted once)
 * @param eventsDelivered     live events handed to subscribers: an event reaching three
 *                            subscribers counts three (replays are not counted)
 * @param bytesDelivered      the encoded bytes of those deliveries
 * @param subscribersByTopic  open subscriptions per topic, for topics that have any; a
 *                            subscription to several topics counts once in each
 */
public record HubStats(long eventsPublished, long bytesPublished, long eventsDelivered, long bytesDelivered,
                       Map<String, Integer> subscribersByTopic) {

    public HubStats {
        subscribersByTopic = Map.copyOf(subscribersByTopic);
    }
}
