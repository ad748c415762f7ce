package dev.herald.jetty;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The server's {@link StreamListener}s, told in the order added; one failing does not stop the others. */
final class StreamListeners {

    private static final Logger LOG = LoggerFactory.getLogger(StreamListeners.class);

    private final List<StreamListener> listeners;
    private final AtomicLong ids = new AtomicLong();

    StreamListeners(List<StreamListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    StreamListener.Stream opened(Set<String> topics, Request request) {
        if (listeners.isEmpty()) {
            return null;
        }
        StreamListener.Stream stream = new StreamListener.Stream(ids.incrementAndGet(), topics, RequestCookies.of(request));
        for (StreamListener listener : listeners) {
            try {
                listener.opened(stream);
            } catch (RuntimeException e) {
                LOG.warn("stream listener {} failed on open of stream {}", listener, stream.id(), e);
            }
        }
        return stream;
    }

    void closed(StreamListener.Stream stream) {
        if (stream == null) {
            return;
        }
        for (StreamListener listener : listeners) {
            try {
                listener.closed(stream);
            } catch (RuntimeException e) {
                LOG.warn("stream listener {} failed on close of stream {}", listener, stream.id(), e);
            }
        }
    }
}
