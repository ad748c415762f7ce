package dev.herald.jetty;

import dev.herald.hub.Hub;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link HeraldServer} on Jetty 12 core handlers: Herald's routes, then the application's. */
final class JettyHeraldServer implements HeraldServer {

    private static final Logger LOG = LoggerFactory.getLogger(JettyHeraldServer.class);

    private final Hub hub;
    private final Duration shutdownGrace;
    private final boolean tls;
    private final Streams streams;
    private final Server server;
    private final ServerConnector connector;
    private final ReentrantLock lifecycle = new ReentrantLock();
    private boolean started; // guarded by lifecycle
    private boolean closed; // guarded by lifecycle

    JettyHeraldServer(HeraldServer.Builder settings) {
        this.hub = settings.hub;
        this.shutdownGrace = settings.shutdownGrace;
        this.tls = settings.keyStore != null;
        this.server = new Server(ServerThreads.create(ServerThreads.IDLE_TIMEOUT));
        this.connector = Connectors.create(server, settings);
        server.addConnector(connector);
        this.streams = new Streams(settings);
        List<Handler> handlers = new ArrayList<>(List.of(
                new MercureHandler(settings, streams),
                new AssetHandler(settings.assetRoots)));
        if (settings.handler != null) {
            handlers.add(settings.handler);
        }
        server.addBean(streams, false); // found by HeraldServer.stream; its life is close()'s
        Handler routes = new MinimumBodyRate(settings.minBodyBytesPerSecond, settings.minBodyRateGrace,
                new Handler.Sequence(handlers));
        if (settings.crossSiteProtection) {
            routes = new CrossSiteGuard(routes);
        }
        SecureResponses secure = new SecureResponses(settings.securityHeaders, routes);
        server.setHandler(secure); // outermost: refusals get them too
        server.setErrorHandler(new PlainErrors(secure));
    }

    @Override
    public void start() {
        lifecycle.lock();
        try {
            if (started) {
                throw new IllegalStateException("the server was already started");
            }
            started = true;
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the server on " + connector.getHost() + ":" + connector.getPort()
                    + ": " + e.getMessage(), e);
        } finally {
            lifecycle.unlock();
        }
    }

    @Override
    public int port() {
        int port = connector.getLocalPort();
        if (port <= 0) {
            throw new IllegalStateException("the server is not listening: not started, or closed");
        }
        return port;
    }

    @Override
    public URI uri() {
        String host = connector.getHost() == null || connector.getHost().equals("0.0.0.0") ? "localhost" : connector.getHost();
        return URI.create((tls ? "https" : "http") + "://" + host + ":" + port() + "/");
    }

    @Override
    public Stats stats() {
        return streams.stats();
    }

    @Override
    public void disconnectSubscribers() {
        streams.cutAll();
    }

    @Override
    public void close() {
        lifecycle.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            long deadline = System.nanoTime() + shutdownGrace.toNanos();
            hub.close();
            if (!streams.awaitNoneOpen(shutdownGrace)) {
                LOG.warn("{} streams still open after the shutdown grace of {}: stopping anyway",
                        streams.stats().openStreams(), shutdownGrace);
            }
            // What is left of the grace goes to other requests in flight (Jetty's graceful stop).
            server.setStopTimeout(Math.max(0, Duration.ofNanos(deadline - System.nanoTime()).toMillis()));
            server.stop();
            streams.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while shutting down", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the server: " + e.getMessage(), e);
        } finally {
            lifecycle.unlock();
        }
    }
}
