package dev.herald.mercure;

import dev.herald.hub.Hub;
import dev.herald.hub.Interest;
import dev.herald.hub.Replay;
import dev.herald.stream.EventStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A checked subscribe request, ready for {@link Hub#subscribe(Interest, String, dev.herald.hub.Subscriber)}.
 *
 * @param version     the protocol version its parameters speak
 * @param interest    the topics it receives, and the private updates its token may read
 * @param lastEventId the id to resume after ({@code Last-Event-ID} header, else the version's query
 *                    parameter), {@value Hub#EARLIEST}, or {@code null} for live events only
 * @param deadline    when the stream must end (its token's {@code exp}, or the server's bound on a stream's
 *                    lifetime, whichever is first), or {@code null}
 * @param routed      {@code herald-route=topics} (a Herald extension): every event names its topics
 *                    and position in the first line of its data, for a browser sharing the stream
 *                    among its tabs ({@link EventStream#routed()})
 * @param matchers    its selectors as the request gave them, in order: what the subscriptions API
 *                    lists of it
 */
public record Subscribe(Mercure.Version version, Interest interest, String lastEventId, Instant deadline,
                        boolean routed, List<Matcher> matchers) {

    public Subscribe {
        matchers = List.copyOf(matchers);
    }

    /**
     * One selector of a subscribe request.
     *
     * @param type    its matcher type: {@code exact} or {@code urlpattern} (1.0: {@code match},
     *                {@code match_exact}, {@code match_urlpattern}), or {@value #TOPIC_SELECTOR} (0.x:
     *                a {@code topic} parameter, exact or a URI template)
     * @param pattern the selector's text, as given
     */
    public record Matcher(String type, String pattern) {

        /** The type of a 0.x {@code topic} selector, which has no 1.0 matcher type. */
        public static final String TOPIC_SELECTOR = "topic";

        public Matcher {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(pattern, "pattern");
        }
    }

    /** This request with its deadline and what its token lets it read. */
    Subscribe authorized(Instant until, Interest authorizedInterest) {
        return new Subscribe(version, authorizedInterest, lastEventId, until, routed, matchers);
    }

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
