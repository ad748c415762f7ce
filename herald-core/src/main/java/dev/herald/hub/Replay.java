package dev.herald.hub;

import java.util.List;
import java.util.Set;

/** What a subscription receives first: the events after its Last-Event-ID, or a gap. */
public sealed interface Replay {

    /** The events to replay, in publish order (empty for a fresh subscription). */
    List<HubEvent> events();

    /** Every event after the last event id, on every subscribed topic. */
    record Exact(List<HubEvent> events) implements Replay {
        public Exact {
            events = List.copyOf(events);
        }
    }

    /**
     * Some history is gone. {@code topics} lost events after the last event id (for
     * {@link Reason#UNKNOWN_ID} and {@link Reason#EARLIER_EPOCH}: every subscribed topic); the
     * client must rebuild their state from the source of truth. {@code events} are the events of
     * the other topics, replayed exactly.
     */
    record Gap(Reason reason, String lastEventId, Set<String> topics, List<HubEvent> events)
            implements Replay, Delivery {
        public Gap {
            topics = Set.copyOf(topics);
            events = List.copyOf(events);
        }
    }

    /** Why history is gone. */
    enum Reason {
        /** Neither a hub id of this epoch nor a publisher id still in a log. */
        UNKNOWN_ID,
        /** A hub id from an earlier life of the hub (a restart). */
        EARLIER_EPOCH,
        /** The id is known, but a topic's log has dropped events published after it. */
        EXPIRED
    }
}
