package dev.herald.jetty;

import java.time.Duration;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.http2.server.AbstractHTTP2ServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The one listening connector. Plain: HTTP/1.1 and h2c (prior knowledge and Upgrade) on one port.
 * TLS: ALPN offers h2, then http/1.1 — browsers allow six HTTP/1.1 connections per origin, so
 * without HTTP/2 the seventh tab's stream never opens.
 */
final class Connectors {

    /**
     * Connections the kernel may hold completed but not yet accepted. Jetty's default leaves the
     * JDK's backlog of 50: in a reconnect storm (every page of a restarted node at once) the
     * kernel then drops the handshakes past it, and each dropped client waits 1 s, 3 s, 7 s… to
     * try again. Linux caps it at {@code net.core.somaxconn} (4096 by default).
     */
    static final int ACCEPT_QUEUE_SIZE = 4096;

    private Connectors() {
    }

    static ServerConnector create(Server server, HeraldServer.Builder settings) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // The subscriptions API's paths hold selectors percent-encoded whole (%2F for a /); MercureHandler
        // answers such a path elsewhere 400, as Jetty's default does.
        http.setUriCompliance(UriCompliance.DEFAULT.with("herald", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR));
        HttpConnectionFactory http1 = new HttpConnectionFactory(http);
        ServerConnector connector;
        if (settings.keyStore == null) {
            HTTP2CServerConnectionFactory h2c = new HTTP2CServerConnectionFactory(http);
            connector = new ServerConnector(server, http1, idle(h2c, settings));
        } else {
            http.addCustomizer(new SecureRequestCustomizer());
            HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(http);
            ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory(h2.getProtocol(), http1.getProtocol());
            alpn.setDefaultProtocol(http1.getProtocol());
            SslConnectionFactory tls = new SslConnectionFactory(sslContext(settings), alpn.getProtocol());
            connector = new ServerConnector(server, tls, alpn, idle(h2, settings), http1);
        }
        connector.setHost(settings.host);
        connector.setPort(settings.port);
        connector.setIdleTimeout(idleTimeout(settings.heartbeat).toMillis());
        connector.setAcceptQueueSize(ACCEPT_QUEUE_SIZE);
        connector.addBean(new RequestHeadDeadline(connector, settings.requestHeadTimeout)); // after the connector's scheduler
        return connector;
    }

    /**
     * The idle timeout must exceed the heartbeat, or Jetty closes healthy idle streams between two
     * heartbeats: twice the heartbeat, and never under 30 s for ordinary keep-alive connections.
     */
    private static Duration idleTimeout(Duration heartbeat) {
        Duration twice = heartbeat.multipliedBy(2);
        return twice.compareTo(Duration.ofSeconds(30)) > 0 ? twice : Duration.ofSeconds(30);
    }

    private static AbstractHTTP2ServerConnectionFactory idle(AbstractHTTP2ServerConnectionFactory h2, HeraldServer.Builder settings) {
        h2.setStreamIdleTimeout(idleTimeout(settings.heartbeat).toMillis());
        return h2;
    }

    private static SslContextFactory.Server sslContext(HeraldServer.Builder settings) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(settings.keyStore.toString());
        ssl.setKeyStorePassword(settings.keyStorePassword);
        ssl.setCipherComparator(HTTP2Cipher.COMPARATOR);
        return ssl;
    }
}
