package dev.herald.servlet;

import dev.herald.hub.Hub;
import dev.herald.mercure.Mercure;
import dev.herald.stream.EventStream;
import dev.herald.stream.ResetEvent;
import dev.herald.stream.StreamWriter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;

/**
 * Herald's event streams in a Jakarta Servlet 6 container (Tomcat, Jetty EE10, Undertow): answers a
 * request with a {@code text/event-stream} of hub topics, written by the core's {@link StreamWriter}
 * through the container's asynchronous, non-blocking I/O ({@code AsyncContext}, {@code WriteListener}).
 * A stream holds no container thread while it waits; a client that goes away is noticed at the next
 * write or heartbeat, or when the container reports the request failed, and its subscription is
 * closed. The same heartbeat, backlog bound, gap re-render and {@code herald-reset} event as
 * {@code HeraldServer} in herald-jetty.
 *
 * <pre>{@code
 * HeraldStreams streams = HeraldStreams.start(hub);
 * // in a servlet (or a Spring MVC controller) declared with asyncSupported:
 * streams.stream(request, response, EventStream.of(List.of("board")).after(request.getHeader("Last-Event-ID")));
 * }</pre>
 *
 * <p><b>Lifecycle.</b> One per application, {@link #close()}d when it stops; thread-safe.
 */
public interface HeraldStreams extends AutoCloseable {

    /** Streams from {@code hub} with the default settings (15 s heartbeat, 3 s retry, 1 MiB backlog bound). */
    static HeraldStreams start(Hub hub) {
        return start(hub, StreamWriter.builder(ResetEvent::encode));
    }

    /**
     * Streams from {@code hub} written by a writer with {@code settings}: build them with
     * {@code StreamWriter.builder(ResetEvent::encode)} and set the heartbeat, retry, backlog bound or
     * snapshot source there.
     */
    static HeraldStreams start(Hub hub, StreamWriter.Builder settings) {
        return new ServletStreams(hub, settings.build());
    }

    /**
     * Answers {@code request} with {@code stream}: subscribes, puts the request in asynchronous mode
     * ({@code request.startAsync()}, no container timeout) and returns at once; the stream goes on
     * with no thread of its own, and completes the asynchronous cycle when it ends. The servlet (or
     * filter chain) must support asynchronous requests. An id too long or holding CR, LF or NUL, or a
     * topic the hub refuses, is answered 400 with the reason, a hub shutting down or whose shared log
     * is unreachable ({@link dev.herald.hub.HubUnavailableException}) 503 with the reason — before the
     * request goes asynchronous.
     */
    void stream(HttpServletRequest request, HttpServletResponse response, EventStream stream);

    /**
     * The Mercure hub endpoint on these streams, to map (asynchronous) at {@value Mercure#HUB_PATH}:
     * GET subscribes — the same parameters, versions, limits, authorization and replay as
     * herald-jetty's — POST publishes when {@code mercure} has a publisher key, other methods are
     * 405. Refusals are {@code text/plain} with a one-line reason.
     *
     * <pre>{@code
     * ServletRegistration.Dynamic hub = context.addServlet("herald-hub",
     *         streams.hubServlet(Mercure.builder(hub).publisherJwtKey(key).build(), 1 << 20));
     * hub.addMapping(Mercure.HUB_PATH);
     * hub.setAsyncSupported(true);
     * }</pre>
     *
     * @param maxPublishBytes the largest publish body accepted (413 past it)
     */
    HttpServlet hubServlet(Mercure mercure, int maxPublishBytes);

    /** The counters now. */
    StreamWriter.Stats stats();

    /**
     * Ends every open stream as a network failure would; each client reconnects with its
     * Last-Event-ID and catches up from the hub's log.
     */
    void disconnectAll();

    /** Waits until no stream is open or {@code timeout} passed; true if and only if none is open. */
    boolean awaitNoneOpen(Duration timeout) throws InterruptedException;

    /** Ends the streams still open and stops the writer's threads. Idempotent. Does not shut the hub down. */
    @Override
    void close();
}
