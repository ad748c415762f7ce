package dev.herald.stream;

import dev.herald.sse.SseEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link StreamWriter} writes on one stream besides the hub's deliveries, and when it ends.
 *
 * @param topics   the subscribed topics: a gap is re-rendered from their snapshots
 * @param first    events written first, right after the {@code retry:} field (markup the stream then
 *                 updates, say); empty for none
 * @param endAfter event types after which the stream ends normally — among the first events, the
 *                 hub's, or a gap re-render's snapshots; empty for a stream that ends only otherwise
 * @param deadline when the stream ends normally, whatever it is doing (the subscriber's credentials
 *                 expire then, say); {@code null} for none
 * @param routed   whether every event carries a route line naming its topics and position, for a
 *                 client that shares one stream among several pages (see {@link #withRoutes()})
 */
public record StreamPlan(Set<String> topics, List<SseEvent.Message> first, Set<String> endAfter, Instant deadline,
                         boolean routed) {

    public StreamPlan {
        topics = Set.copyOf(topics);
        first = List.copyOf(first);
        endAfter = Set.copyOf(endAfter);
    }

    /** A plan whose events carry no route line. */
    public StreamPlan(Set<String> topics, List<SseEvent.Message> first, Set<String> endAfter, Instant deadline) {
        this(topics, first, endAfter, deadline, false);
    }

    /**
     * This plan with every event routed: its first {@code data} line is a JSON object naming which
     * of the subscribed topics it belongs to and the hub position it was published at, so a client
     * sharing one stream among several pages can hand each page only the events of its own topics,
     * and only those after the position the page was rendered at:
     * <pre>
     * id: k3x9a0b1:42
     * event: chat-message
     * data: {"position":42,"topics":["chat/7"]}
     * data: &lt;li&gt;hi&lt;/li&gt;
     * </pre>
     * A topic the event was published to but the stream did not subscribe to is never named. A
     * gap's snapshot is routed to its topic with the position it was read at; a gap notice to the
     * topics it names; the first events and the hub's final event carry {@code {}}: every page.
     */
    public StreamPlan withRoutes() {
        return new StreamPlan(topics, first, endAfter, deadline, true);
    }

    /** A plan that writes {@code topics}' events and nothing else, until the hub or the client ends it. */
    public static StreamPlan of(Set<String> topics) {
        return new StreamPlan(topics, List.of(), Set.of(), null);
    }

    /** True if and only if the stream ends after {@code event} (an unnamed one never ends it). */
    boolean endsAfter(SseEvent.Message event) {
        return event.type() != null && !endAfter.isEmpty() && endAfter.contains(Objects.requireNonNull(event.type()));
    }
}
