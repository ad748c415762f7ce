package dev.herald.jetty;

import dev.herald.hub.GapRepair;
import dev.herald.hub.Hub;
import dev.herald.hub.HubClosedException;
import dev.herald.hub.Outbox;
import dev.herald.hub.SnapshotSource;
import dev.herald.hub.Subscription;
import java.time.Duration;
import java.util.Set;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes {@link EventStream}s as responses, for the Mercure endpoint's subscribers and for the
 * application's own requests alike: one heartbeat, backlog bound, gap re-render, set of listeners
 * and count of open streams for both. Every request the server handles carries it as the attribute
 * {@link #ATTRIBUTE}, which {@link HeraldServer#stream} reads.
 */
final class Streams {

    static final String ATTRIBUTE = Streams.class.getName();

    private final Hub hub;
    private final Duration heartbeat;
    private final Duration retry;
    private final long maxBacklogBytes;
    private final StreamCounters counters;
    private final SnapshotSource snapshots;
    private final StreamListeners listeners;

    Streams(HeraldServer.Builder settings, StreamCounters counters) {
        this.hub = settings.hub;
        this.heartbeat = settings.heartbeat;
        this.retry = settings.retry;
        this.maxBacklogBytes = settings.maxBacklogBytes;
        this.counters = counters;
        this.snapshots = settings.snapshots;
        this.listeners = new StreamListeners(settings.streamListeners);
    }

    /** The streams of the server that is handling {@code request}. */
    static Streams of(Request request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Streams streams) {
            return streams;
        }
        throw new IllegalStateException("the request was not handled by a HeraldServer: only its handlers can stream");
    }

    /** {@link #serve}, with a refusal (a bad id, a hub shutting down) written as the response. */
    void respond(Request request, Response response, Callback callback, EventStream stream) {
        try {
            serve(request, response, callback, stream);
        } catch (HttpProblem problem) {
            problem.writeTo(response, callback);
        } catch (HubClosedException e) {
            PlainText.respond(response, callback, 503, "the hub is shutting down");
        }
    }

    /**
     * Subscribes and writes the stream on the calling thread until it ends; unsubscribes however it
     * ends.
     *
     * @throws HttpProblem        400 for an id too long or holding CR, LF or NUL, or a topic the hub
     *                            refuses (before any byte is written)
     * @throws HubClosedException when the hub is shutting down (before any byte is written)
     */
    void serve(Request request, Response response, Callback callback, EventStream stream) {
        GapRepair repair = new GapRepair(snapshots, Set.copyOf(stream.topics()));
        SseStream writer = new SseStream(response, callback, heartbeat, retry, counters, repair);
        Outbox outbox = Outbox.bounded(maxBacklogBytes, writer::onOverflow);
        Subscription subscription = subscribeOrRefuse(stream, outbox);
        StreamListener.Stream opened = listeners.opened(subscription.topics(), request);
        try {
            try (subscription) {
                writer.run(outbox, stream.first(), stream.endAfter());
            }
        } finally {
            listeners.closed(opened);
        }
    }

    private Subscription subscribeOrRefuse(EventStream stream, Outbox outbox) {
        Limits.lastEventId(stream.after());
        try {
            return hub.subscribe(stream.topics(), stream.after(), outbox);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest(e.getMessage());
        }
    }
}
