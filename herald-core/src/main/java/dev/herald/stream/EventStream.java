package dev.herald.stream;

import dev.herald.hub.Hub;
import dev.herald.hub.HubClosedException;
import dev.herald.hub.HubUnavailableException;
import dev.herald.hub.Interest;
import dev.herald.hub.Replay;
import dev.herald.hub.Subscriber;
import dev.herald.hub.Subscription;
import dev.herald.sse.SseEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a server binding writes as the response to one of the application's requests —
 * {@code HeraldServer.stream} in herald-jetty, {@code HeraldStreams.stream} in herald-servlet:
 * hub topics from a position, optionally preceded by events of the application's own, and ended
 * after an event of a given type or at a deadline. For htmx 4, whose requests (a form's {@code hx-post}, say) take a
 * {@code text/event-stream} response and swap from it; plain subscribers use the Mercure endpoint.
 * Immutable: every method returns a changed copy.
 *
 * <pre>{@code
 * HeraldServer.stream(request, response, callback, EventStream.of(List.of("agent/run/7"))
 *         .after(position)
 *         .startingWith(List.of(SseEvent.message(position, null, skeletonHtml)))
 *         .endingAfter("done"));
 * }</pre>
 */
public final class EventStream {

    /**
     * Topics per stream, for application streams and subscribers alike. A subscription is registered
     * under each of its topics, so the count multiplies the work a single request causes; 64 is far
     * above what a page needs (Nchan allows 255 channels per connection).
     */
    public static final int MAX_TOPICS = 64;

    /**
     * Length of an id a stream resumes after, in chars: the hub looks it up in its index of
     * publisher ids. Hub ids are ~30 chars and UUID URNs 45, so 256 leaves room without letting a
     * client make the server hold large keys.
     */
    public static final int MAX_ID_LENGTH = 256;

    private final Interest interest;
    private final List<String> topics;
    private final String after;
    private final List<SseEvent.Message> first;
    private final Set<String> endAfter;
    private final Instant deadline;
    private final boolean routed;

    private EventStream(Interest interest, List<String> topics, String after, List<SseEvent.Message> first,
                        Set<String> endAfter, Instant deadline, boolean routed) {
        this.interest = interest;
        this.topics = topics;
        this.after = after;
        this.first = first;
        this.endAfter = endAfter;
        this.deadline = deadline;
        this.routed = routed;
    }

    /**
     * The events of {@code topics} published from now on.
     *
     * @throws IllegalArgumentException for no topics, or more than {@value #MAX_TOPICS}
     */
    public static EventStream of(Collection<String> topics) {
        List<String> copy = List.copyOf(topics);
        if (copy.isEmpty() || copy.size() > MAX_TOPICS) {
            throw new IllegalArgumentException("an event stream has 1 to " + MAX_TOPICS + " topics, not " + copy.size());
        }
        return new EventStream(Interest.topics(copy), copy, null, List.of(), Set.of(), null, false);
    }

    /**
     * The events {@code interest} takes — topics named, selected or all, and the private events it
     * may read — published from now on: a Mercure subscriber's stream.
     *
     * @throws IllegalArgumentException for more than {@value #MAX_TOPICS} topics named
     */
    public static EventStream of(Interest interest) {
        List<String> topics = List.copyOf(interest.topics());
        if (topics.size() > MAX_TOPICS) {
            throw new IllegalArgumentException("an event stream has at most " + MAX_TOPICS + " topics, not " + topics.size());
        }
        return new EventStream(interest, topics, null, List.of(), Set.of(), null, false);
    }

    /**
     * The events published after {@code lastEventId}, a hub position or an event id (the client's
     * {@code Last-Event-ID}); {@code null} or empty for only those published from now on. An id the
     * hub no longer holds is a gap, re-rendered by the server's snapshot sources as for any stream.
     */
    public EventStream after(String lastEventId) {
        return new EventStream(interest, topics, lastEventId == null || lastEventId.isEmpty() ? null : lastEventId, first, endAfter, deadline, routed);
    }

    /** Writes {@code events} first, before any event of the hub (such as the markup the stream then updates). */
    public EventStream startingWith(List<SseEvent.Message> events) {
        return new EventStream(interest, topics, after, List.copyOf(events), endAfter, deadline, routed);
    }

    /**
     * Ends the response normally once an event of one of {@code types} is written — one of the
     * first events, one of the hub's, or one of a gap re-render's snapshot events — or would have
     * been but for a gap re-render that already showed it.
     */
    public EventStream endingAfter(String... types) {
        for (String type : types) {
            Objects.requireNonNull(type, "type");
        }
        return new EventStream(interest, topics, after, first, Set.of(types), deadline, routed);
    }

    /**
     * Ends the response normally at {@code deadline}, whatever it is writing — for a subscriber
     * whose credentials expire then; its client reconnects (and must then be allowed again). The end
     * comes at the writer's next sweep: within an eighth of the heartbeat, and at most a second,
     * after the deadline. A deadline already past ends the stream at once, after its opening.
     */
    public EventStream until(Instant deadline) {
        return new EventStream(interest, topics, after, first, endAfter, Objects.requireNonNull(deadline, "deadline"), routed);
    }

    /**
     * Every event with its route line ({@link StreamPlan#withRoutes}), for a Mercure subscriber that
     * asked {@code herald-route=topics}.
     */
    public EventStream routed() {
        return new EventStream(interest, topics, after, first, endAfter, deadline, true);
    }

    /**
     * Checks an id a client sent to resume after ({@code null} for none), as a binding does before it
     * answers: no longer than {@value #MAX_ID_LENGTH} chars, and no CR, LF or NUL, which no event id
     * can hold (WHATWG HTML §9.2.6) — the client did not get it from us.
     *
     * @return {@code id}
     * @throws IllegalArgumentException with a one-line reason naming {@code what} (the header, say)
     */
    public static String checkResumeId(String id, String what) {
        if (id != null && id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(what + " is " + id.length() + " chars long, the limit is " + MAX_ID_LENGTH);
        }
        if (id != null && (id.indexOf('\r') >= 0 || id.indexOf('\n') >= 0 || id.indexOf('\0') >= 0)) {
            throw new IllegalArgumentException(what + " must not contain CR, LF or NUL");
        }
        return id;
    }

    /** What the stream subscribes to. */
    public Interest interest() {
        return interest;
    }

    /** The topics named, in the order given. */
    public List<String> topics() {
        return topics;
    }

    /** The id the stream resumes after, or {@code null} for only the events published from now on. */
    public String after() {
        return after;
    }

    /**
     * Subscribes {@code outbox} to this stream's {@link #interest()} on {@code hub}, after
     * {@link #after()}: what a binding gives {@link StreamWriter#open} to subscribe with. When the
     * stream resumes ({@link #after()} is not {@code null}), {@code replayed} is told what the hub
     * replays — inside this call, on its thread, before the outbox is — for the answer's head
     * (Mercure's {@code Mercure-Last-Event-ID}); a stream of only new events is subscribed with
     * {@code outbox} itself, and {@code replayed} is not called.
     *
     * @throws IllegalArgumentException naming a topic the hub refuses
     * @throws HubClosedException       when the hub is shutting down
     * @throws HubUnavailableException  when the hub's broker cannot be reached
     */
    public Subscription subscribe(Hub hub, Subscriber outbox, Consumer<Replay> replayed) {
        Objects.requireNonNull(replayed, "replayed");
        return hub.subscribe(interest, after, after == null ? outbox : new ReplayTap(outbox, replayed));
    }

    /** What the {@link StreamWriter} writes besides the hub's events, and when it ends. */
    public StreamPlan plan() {
        StreamPlan plan = new StreamPlan(Set.copyOf(topics), first, endAfter, deadline);
        return routed ? plan.withRoutes() : plan;
    }
}
