package dev.herald.servlet;

import dev.herald.hub.Hub;
import dev.herald.hub.HubClosedException;
import dev.herald.hub.HubUnavailableException;
import dev.herald.hub.Replay;
import dev.herald.mercure.Mercure;
import dev.herald.stream.EventStream;
import dev.herald.stream.StreamWriter;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/** {@link HeraldStreams} on one {@link StreamWriter}: what is the container's here is the response's head and its {@link ServletSink}. */
final class ServletStreams implements HeraldStreams {

    private final Hub hub;
    private final StreamWriter writer;

    ServletStreams(Hub hub, StreamWriter writer) {
        this.hub = hub;
        this.writer = writer;
    }

    @Override
    public void stream(HttpServletRequest request, HttpServletResponse response, EventStream stream) {
        serve(request, response, stream, replay -> Map.of(), () -> { });
    }

    @Override
    public HttpServlet hubServlet(Mercure mercure, int maxPublishBytes) {
        if (maxPublishBytes < 1) {
            throw new IllegalArgumentException("maxPublishBytes must be positive, was " + maxPublishBytes);
        }
        return new HubServlet(mercure, this, maxPublishBytes);
    }

    /**
     * {@link #stream}, the answer's head also carrying {@code headers} of what the hub replays
     * (Mercure's {@code Mercure-Last-Event-ID}); {@code ended} runs once the stream has ended, or
     * at once when it is refused.
     */
    void serve(HttpServletRequest request, HttpServletResponse response, EventStream stream,
               Function<Replay, Map<String, String>> headers, Runnable ended) {
        if (!request.isAsyncSupported()) {
            throw new IllegalStateException("a Herald stream needs an asynchronous request: declare the servlet"
                    + " and every filter before it with asyncSupported = true");
        }
        ServletSink sink = new ServletSink();
        Replay[] replayed = new Replay[1];
        StreamWriter.Stream writing;
        try {
            EventStream.checkResumeId(stream.after(), "Last-Event-ID");
            writing = writer.open(sink, stream.plan(),
                    outbox -> stream.subscribe(hub, outbox, replay -> replayed[0] = replay));
        } catch (IllegalArgumentException e) {
            ended.run();
            PlainText.respond(response, 400, e.getMessage());
            return;
        } catch (HubClosedException e) {
            ended.run();
            PlainText.respond(response, 503, "the hub is shutting down");
            return;
        } catch (HubUnavailableException e) {
            ended.run();
            PlainText.respond(response, 503, e.getMessage());
            return;
        }
        response.setStatus(200);
        if (replayed[0] != null) {
            headers.apply(replayed[0]).forEach(response::setHeader);
        }
        putStreamHeaders(response);
        try {
            AsyncContext async = request.startAsync(request, response);
            // The writer finds stalled writes and gone peers itself; a container timeout would end every quiet stream.
            async.setTimeout(0);
            sink.attach(async, response.getOutputStream(), writing);
        } catch (IOException | RuntimeException e) {
            writing.peerGone(e); // the stream ends as soon as it starts, and unsubscribes
            writing.start(ended);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        writing.start(ended);
    }

    @Override
    public StreamWriter.Stats stats() {
        return writer.stats();
    }

    @Override
    public void disconnectAll() {
        writer.cutAll();
    }

    @Override
    public boolean awaitNoneOpen(Duration timeout) throws InterruptedException {
        return writer.awaitNoneOpen(timeout);
    }

    @Override
    public void close() {
        writer.close();
    }

    /** The head of an event stream's answer: its media type, and no caching or buffering by proxies. */
    static void putStreamHeaders(HttpServletResponse response) {
        response.setContentType("text/event-stream");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
    }
}
