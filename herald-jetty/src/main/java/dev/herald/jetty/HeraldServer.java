package dev.herald.jetty;

import dev.herald.hub.Hub;
import dev.herald.hub.SnapshotSource;
import dev.herald.mercure.Mercure;
import dev.herald.stream.EventStream;
import dev.herald.stream.ResetEvent;
import dev.herald.stream.StreamWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A Jetty 12 server in front of a {@link Hub}: the Mercure subscribe and publish endpoints at
 * {@value #HUB_PATH}, the client assets under {@code /assets/}, and the application's own routes,
 * over HTTP/1.1 and HTTP/2 on virtual threads. See {@code docs/protocol.md} for the HTTP surface.
 *
 * <p><b>Lifecycle.</b> {@link #start()} once, then {@link #close()} once. The server owns the
 * hub's lifecycle from {@code start()} on: {@code close()} shuts the hub down, so every open
 * stream receives the final {@value Hub#SHUTDOWN_EVENT_TYPE} event before the server stops.
 */
public interface HeraldServer extends AutoCloseable {

    /** The Mercure hub path: subscribe with GET, publish with POST. */
    String HUB_PATH = Mercure.HUB_PATH;

    /**
     * The header a client that is not a browser sends with a state-changing request when the
     * server {@linkplain Builder#crossSiteProtection refuses cross-site requests}, any value (such
     * as {@code curl -H 'Herald-Request: 1'}). Browsers need not: they say where a request comes
     * from ({@code Sec-Fetch-Site}, {@code Origin}). See {@code docs/security.md}.
     */
    String REQUEST_HEADER = "Herald-Request";

    /** Settings for a server in front of {@code hub}; every setting but the hub has a default. */
    static Builder builder(Hub hub) {
        return new Builder(hub);
    }

    /**
     * Answers one of the application's requests with {@code stream}, as the Mercure endpoint
     * answers a subscriber: the same heartbeat, backlog bound, gap re-render, stream listeners,
     * shutdown event and count of open streams ({@link #disconnectSubscribers()} cuts it too). For
     * htmx 4, whose requests (a form's {@code hx-post}) take a {@code text/event-stream} response.
     * Returns at once: the stream goes on with no thread of its own, and completes {@code callback}
     * when it ends (the handler then returns {@code true} and leaves the response alone). An id the
     * hub refuses is answered 400 with the reason, a hub shutting down 503.
     *
     * @throws IllegalStateException when {@code request} is not being handled by a HeraldServer
     *                               (a handler given to {@link Builder#handler})
     */
    static void stream(Request request, Response response, Callback callback, EventStream stream) {
        Streams.of(request).respond(request, response, callback, stream);
    }

    /**
     * Starts listening. Returns once the port is bound.
     *
     * @throws IllegalStateException if already started, or if the server could not start (the
     *                               cause says why, e.g. the port is taken)
     */
    void start();

    /** The bound port; the ephemeral one chosen when the builder's port was 0. Only after start. */
    int port();

    /** {@code http://host:port/} or {@code https://host:port/}. Only after start. */
    URI uri();

    /** A snapshot of the counters; cheap, safe from any thread. */
    Stats stats();

    /**
     * Cuts every open SSE stream as a network failure would (the connection or HTTP/2 stream is
     * aborted); each client reconnects with its Last-Event-ID and catches up from the hub's log.
     * For tests of reconnection, and for operators moving clients off a node.
     */
    void disconnectSubscribers();

    /**
     * Graceful shutdown: shuts the hub down (new subscribes and publishes get 503, every stream
     * writes the final event and ends), waits up to the shutdown grace for the streams to finish,
     * then stops Jetty. Idempotent; blocks until the server has stopped.
     */
    @Override
    void close();

    /**
     * Counters for metrics.
     *
     * @param openStreams             SSE responses being written now
     * @param slowConsumerDisconnects streams closed because their backlog passed the bound
     */
    record Stats(int openStreams, long slowConsumerDisconnects) {
    }

    /** Settings for a {@link HeraldServer}. Not thread-safe; build once. */
    final class Builder {
        final Hub hub;
        String host = "0.0.0.0";
        int port = 8080;
        /** The protocol's settings (keys, authorization): checked and kept there. */
        final Mercure.Builder mercure;
        /** The stream settings (heartbeat, retry, backlog bound, snapshots): checked and kept there. */
        final StreamWriter.Builder streams = StreamWriter.builder(ResetEvent::encode);
        Duration heartbeat = Duration.ofSeconds(15); // also sets the idle timeout
        int maxPublishBytes = 1 << 20;
        Path keyStore;
        String keyStorePassword;
        Handler handler;
        Duration shutdownGrace = Duration.ofSeconds(5);
        SecurityHeaders securityHeaders = SecurityHeaders.minimal();
        Duration requestHeadTimeout = Duration.ofSeconds(10);
        long minBodyBytesPerSecond = 1024;
        Duration minBodyRateGrace = Duration.ofSeconds(10);
        boolean crossSiteProtection;
        private SnapshotSource snapshots = SnapshotSource.none();
        final List<StreamListener> streamListeners = new ArrayList<>();
        final List<String> assetRoots = new ArrayList<>(List.of("META-INF/resources/webjars/"));

        Builder(Hub hub) {
            this.hub = Objects.requireNonNull(hub, "hub");
            this.mercure = Mercure.builder(hub);
        }

        /** The address to listen on (default {@code 0.0.0.0}, every interface). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port to listen on (default 8080); 0 picks a free one, see {@link #port()}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The HS256 key that publisher JWTs are signed with, at least 32 bytes in UTF-8 (RFC 7518
         * §3.2: an HMAC key as long as the hash). {@code null} (the default) turns HTTP
         * publishing off: POST answers 403; publish from Java with {@link Hub#publish}.
         */
        public Builder publisherJwtKey(String key) {
            mercure.publisherJwtKey(key);
            return this;
        }

        /**
         * The Mercure protocol's other settings: subscriber keys, anonymous subscribers, the
         * tokens' issuer and audience, public key files, the hub's URL (see {@link Mercure.Builder}).
         */
        public Builder mercure(Consumer<Mercure.Builder> settings) {
            settings.accept(mercure);
            return this;
        }

        /** How long a stream may stay silent before a {@code :} comment is written (default 15 s). */
        public Builder heartbeat(Duration heartbeat) {
            streams.heartbeat(heartbeat);
            this.heartbeat = heartbeat;
            return this;
        }

        /** The reconnection delay written first on every stream (default 3 s). */
        public Builder retry(Duration retry) {
            streams.retry(retry);
            return this;
        }

        /**
         * The most bytes queued for one stream before it is closed as a slow consumer (default
         * {@link StreamWriter#DEFAULT_MAX_BACKLOG_BYTES}, 256 KiB). Keep it well under the hub's
         * history per topic, so that a client cut for its backlog resumes from the log with
         * nothing lost (see {@code docs/protocol.md}, "End of a stream").
         */
        public Builder maxBacklogBytes(long bytes) {
            streams.maxBacklogBytes(bytes);
            return this;
        }

        /** The largest publish form body accepted, in bytes as sent (default 1 MiB). */
        public Builder maxPublishBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxPublishBytes must be positive, was " + bytes);
            }
            this.maxPublishBytes = bytes;
            return this;
        }

        /** Serve HTTPS (HTTP/2 by ALPN, HTTP/1.1 fallback) with the key store (PKCS12 or JKS). */
        public Builder tls(Path keyStore, String password) {
            this.keyStore = Objects.requireNonNull(keyStore, "keyStore");
            this.keyStorePassword = Objects.requireNonNull(password, "password");
            return this;
        }

        /** The application's routes, tried after Herald's own; unmatched requests get 404. */
        public Builder handler(Handler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Also serve {@code /assets/<path>} from {@code <root><path>} on the classpath, after the
         * roots added before (the first is {@code META-INF/resources/webjars/}).
         */
        public Builder assetRoot(String classpathRoot) {
            Objects.requireNonNull(classpathRoot, "classpathRoot");
            this.assetRoots.add(classpathRoot.endsWith("/") ? classpathRoot : classpathRoot + "/");
            return this;
        }

        /** How long {@link #close()} waits for streams to finish writing (default 5 s). */
        public Builder shutdownGrace(Duration grace) {
            Objects.requireNonNull(grace, "shutdownGrace");
            if (grace.isNegative()) {
                throw new IllegalArgumentException("shutdownGrace must not be negative, was " + grace);
            }
            this.shutdownGrace = grace;
            return this;
        }

        /**
         * Where a stream whose client's history is gone ({@code Replay.Gap}) gets the authoritative
         * state of the topics instead of a {@code herald-reset} event; consulted in the order added,
         * the first snapshot of a topic wins. See {@code docs/protocol.md}, "Gap re-render".
         */
        public Builder snapshotSource(SnapshotSource source) {
            this.snapshots = snapshots.orElse(Objects.requireNonNull(source, "source"));
            streams.snapshots(snapshots);
            return this;
        }

        /**
         * The headers written on every response (default {@link SecurityHeaders#minimal()}, only
         * {@code nosniff}); {@link SecurityHeaders#strict()} for pages that keep their scripts and
         * styles in files. See {@code docs/security.md}.
         */
        public Builder securityHeaders(SecurityHeaders headers) {
            this.securityHeaders = Objects.requireNonNull(headers, "headers");
            return this;
        }

        /**
         * Whether to refuse (403, with the reason) POST, PUT, PATCH and DELETE requests that a
         * browser says come from another site, and those that say nothing of where they come from
         * unless they carry {@link #REQUEST_HEADER} (default off). The hub's publish keeps its JWT
         * rule. See {@code docs/security.md}, "Cross-site requests".
         */
        public Builder crossSiteProtection(boolean on) {
            this.crossSiteProtection = on;
            return this;
        }

        /**
         * How long a client may take to send a request's head (request line and headers) from its
         * first byte (default 10 s); past it the connection is closed. The idle timeout cannot catch
         * a client that sends a byte now and then (slowloris). HTTP/1.1; HTTP/2 sends headers in
         * whole frames.
         */
        public Builder requestHeadTimeout(Duration timeout) {
            this.requestHeadTimeout = positive(timeout, "requestHeadTimeout");
            return this;
        }

        /**
         * The slowest a request body (an upload, a form) may arrive, on average from its first
         * read, once {@code grace} has passed (default 1,024 bytes a second after 10 s): a slower
         * body fails with a {@code java.util.concurrent.TimeoutException} for the handler reading it.
         */
        public Builder minRequestBodyRate(long bytesPerSecond, Duration grace) {
            if (bytesPerSecond < 1) {
                throw new IllegalArgumentException("minRequestBodyRate must be positive, was " + bytesPerSecond);
            }
            this.minBodyBytesPerSecond = bytesPerSecond;
            this.minBodyRateGrace = positive(grace, "grace");
            return this;
        }

        private static Duration positive(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + duration);
            }
            return duration;
        }

        /** Also tell {@code listener} when streams open and end. */
        public Builder streamListener(StreamListener listener) {
            streamListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        public HeraldServer build() {
            return new JettyHeraldServer(this);
        }
    }
}
