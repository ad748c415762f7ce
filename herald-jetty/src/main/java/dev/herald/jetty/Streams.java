package dev.herald.jetty;

import dev.herald.hub.Hub;
import dev.herald.hub.HubClosedException;
import dev.herald.hub.HubUnavailableException;
import dev.herald.hub.Replay;
import dev.herald.hub.Subscriber;
import dev.herald.hub.Subscription;
import dev.herald.stream.EventStream;
import dev.herald.stream.StreamWriter;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers requests with {@link EventStream}s, for the Mercure endpoint's subscribers and for the
 * application's own requests alike, through one {@link StreamWriter}: one heartbeat, backlog bound,
 * gap re-render, set of listeners and count of open streams for both. What is Jetty's here is only
 * the response's head and its {@link JettySink}. It is a bean of the Jetty server, which
 * {@link HeraldServer#stream} finds from the request.
 */
final class Streams implements AutoCloseable {

    private final Hub hub;
    private final StreamWriter writer;
    private final StreamListeners listeners;

    Streams(HeraldServer.Builder settings) {
        this.hub = settings.hub;
        this.writer = settings.streams.build();
        this.listeners = new StreamListeners(settings.streamListeners);
    }

    /**
     * The streams of the server that is handling {@code request}: a bean of its Jetty server, found
     * without a request attribute (whose map an open stream would keep for its whole life).
     */
    static Streams of(Request request) {
        Streams streams = request.getConnectionMetaData().getConnector().getServer().getBean(Streams.class);
        if (streams == null) {
            throw new IllegalStateException("the request was not handled by a HeraldServer: only its handlers can stream");
        }
        return streams;
    }

    /** {@link #serve}, with a refusal (a bad id, a hub shutting down) written as the response. */
    void respond(Request request, Response response, Callback callback, EventStream stream) {
        respond(request, response, callback, stream, replay -> Map.of());
    }

    /**
     * {@link #serve}, with a refusal (a bad id, a hub shutting down) written as the response, and the
     * answer's head carrying {@code headers} of what the hub replays (Mercure's
     * {@code Mercure-Last-Event-ID}).
     */
    void respond(Request request, Response response, Callback callback, EventStream stream,
                 Function<Replay, Map<String, String>> headers) {
        try {
            serve(request, response, callback, stream, headers);
        } catch (HttpProblem problem) {
            problem.writeTo(response, callback);
        } catch (HubClosedException e) {
            PlainText.respond(response, callback, 503, "the hub is shutting down");
        } catch (HubUnavailableException e) {
            PlainText.respond(response, callback, 503, e.getMessage());
        }
    }

    /**
     * Subscribes and starts writing the stream; returns at once, the stream going on with no thread
     * of its own until it ends and completes {@code callback}. Unsubscribes however it ends.
     *
     * @param headers what the answer's head carries of the replay (when the stream resumes)
     * @throws HttpProblem        400 for an id too long or holding CR, LF or NUL, or a topic the hub
     *                            refuses (before any byte is written)
     * @throws HubClosedException when the hub is shutting down (before any byte is written)
     */
    void serve(Request request, Response response, Callback callback, EventStream stream,
               Function<Replay, Map<String, String>> headers) {
        try {
            EventStream.checkResumeId(stream.after(), "Last-Event-ID");
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest(e.getMessage());
        }
        JettySink sink = new JettySink(request, response, callback);
        Replay[] replayed = new Replay[1];
        StreamWriter.Stream writing = writer.open(sink,
                stream.plan(),
                outbox -> subscribeOrRefuse(stream, outbox, replayed));
        sink.takeOverIdleTimeout(request);
        response.setStatus(200);
        if (replayed[0] != null) {
            headers.apply(replayed[0]).forEach(response.getHeaders()::put);
        }
        putStreamHeaders(response);
        StreamListener.Stream opened = listeners.opened(Set.copyOf(stream.topics()), request);
        // HTTP/2 reads a client's reset at once; HTTP/1.1 learns of a vanished client at a write.
        request.addFailureListener(writing::peerGone);
        writing.start(() -> listeners.closed(opened));
    }

    /** The head of a stream's answer, and no stream: the answer to a HEAD where a GET would open one. */
    static void head(Response response, Callback callback) {
        response.setStatus(200);
        putStreamHeaders(response);
        response.write(true, null, callback);
    }

    private static void putStreamHeaders(Response response) {
        // Set as a whole header: Jetty leaves it as written (no charset rewriting).
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put("X-Accel-Buffering", "no");
    }

    HeraldServer.Stats stats() {
        StreamWriter.Stats stats = writer.stats();
        return new HeraldServer.Stats(stats.openStreams(), stats.slowConsumerDisconnects());
    }

    void cutAll() {
        writer.cutAll();
    }

    boolean awaitNoneOpen(Duration timeout) throws InterruptedException {
        return writer.awaitNoneOpen(timeout);
    }

    @Override
    public void close() {
        writer.close();
    }

    private Subscription subscribeOrRefuse(EventStream stream, Subscriber outbox, Replay[] replayed) {
        try {
            return stream.subscribe(hub, outbox, replay -> replayed[0] = replay);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest(e.getMessage());
        }
    }
}
