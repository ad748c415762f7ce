package dev.herald.mercure;

import dev.herald.hub.Hub;
import dev.herald.hub.Interest;
import dev.herald.hub.Replay;
import dev.herald.stream.EventStream;
import java.time.Instant;
import java.util.Map;

/**
 * A checked subscribe request, ready for {@link Hub#subscribe(Interest, String, dev.herald.hub.Subscriber)}.
 *
 * @param version     the protocol version its parameters speak
 * @param interest    the topics it receives, and the private updates its token may read
 * @param lastEventId the id to resume after ({@code Last-Event-ID} header, else the version's query
 *                    parameter), {@value Hub#EARLIEST}, or {@code null} for live events only
 * @param deadline    when the stream must end (its token's {@code exp}), or {@code null}
 * @param routed      {@code herald-route=topics} (a Herald extension): every event names its topics
 *                    and position in the first line of its data, for a browser sharing the stream
 *                    among its tabs ({@link EventStream#routed()})
 */
public record Subscribe(Mercure.Version version, Interest interest, String lastEventId, Instant deadline,
                        boolean routed) {

    /** The stream to write: the interest, from the last event id, until the deadline. */
    public EventStream stream() {
        EventStream stream = EventStream.of(interest).after(lastEventId);
        stream = deadline == null ? stream : stream.until(deadline);
        return routed ? stream.routed() : stream;
    }

    /**
     * The headers of the answer, besides the event stream's own, once the hub has said what it
     * replays: when a last event id was asked for, {@code Mercure-Last-Event-ID} (1.0) or
     * {@code Last-Event-ID} (0.x) naming the id that precedes the first event sent — the id asked
     * for when the replay is exact, {@value Hub#EARLIEST} when history was lost or all of it asked
     * for.
     */
    public Map<String, String> headers(Replay replay) {
        if (lastEventId == null) {
            return Map.of();
        }
        String header = version == Mercure.Version.V1 ? "Mercure-Last-Event-ID" : "Last-Event-ID";
        return Map.of(header, replay instanceof Replay.Exact ? lastEventId : Hub.EARLIEST);
    }
}
