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
 */
public record StreamPlan(Set<String> topics, List<SseEvent.Message> first, Set<String> endAfter, Instant deadline) {

    public StreamPlan {
        topics = Set.copyOf(topics);
        first = List.copyOf(first);
        endAfter = Set.copyOf(endAfter);
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
