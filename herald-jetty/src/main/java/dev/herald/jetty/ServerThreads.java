package dev.herald.jetty;

import java.time.Duration;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The server's thread pool. Jetty's selector and acceptor threads stay platform threads; every
 * request runs on a virtual thread of its own until it returns (a stream then goes on with no
 * thread, see {@code Streams}). A burst (thousands of connections dropped at once) can grow the
 * platform pool to its cap; Jetty lets only one idle thread go per idle timeout by default, so the
 * pool would stay near its cap for hours. Here every thread idle for {@link #IDLE_TIMEOUT} goes.
 */
final class ServerThreads {

    /** How long a platform thread above the minimum may stay idle. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private ServerThreads() {
    }

    static QueuedThreadPool create(Duration idleTimeout) {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("herald");
        threads.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("herald-request-"));
        threads.setIdleTimeout(Math.toIntExact(idleTimeout.toMillis()));
        threads.setMaxEvictCount(threads.getMaxThreads()); // all idle threads in one idle timeout, not one
        return threads;
    }
}
