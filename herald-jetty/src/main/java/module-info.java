/**
 * Herald's server on Jetty 12 core: the Mercure endpoint, application streams, assets, TLS and
 * HTTP/2. On the module path it needs
 * {@code --add-exports org.eclipse.jetty.server/org.eclipse.jetty.server.internal=dev.herald.jetty}:
 * the request head deadline reads the state of Jetty's HTTP/1.1 parser, which Jetty does not export.
 */
module dev.herald.jetty {
    requires transitive dev.herald.core;
    requires transitive dev.herald.mercure;
    requires transitive org.eclipse.jetty.server;
    requires transitive org.eclipse.jetty.util;
    requires org.eclipse.jetty.http;
    requires org.eclipse.jetty.io;
    requires org.eclipse.jetty.http2.common;
    requires org.eclipse.jetty.http2.server;
    requires org.eclipse.jetty.alpn.server;
    // The JDK's ALPN, which Jetty's ALPN server finds with a ServiceLoader.
    requires org.eclipse.jetty.alpn.java.server;
    requires org.slf4j;

    exports dev.herald.jetty;
}
