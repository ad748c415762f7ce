package dev.herald.jetty;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes an HTTP/1.1 connection whose request head (request line and headers) is not complete
 * within the deadline of its first byte: the slowloris attack sends a header a byte at a time,
 * each byte resetting the idle timeout, and holds a connection forever. Jetty has no such deadline
 * of its own (its idle timeout restarts on every byte), so a sweep looks at each connection's
 * parser every quarter of the deadline (but not more often than every second, nor less than every
 * five): one that has been inside the same request head for longer than the deadline is closed,
 * at most one sweep late (at the default 10 s, within 12.5 s of its first byte). A sweep reads
 * every open connection's parser, and hashes only those inside a head: with 19k open streams it is
 * still the idle server's largest cost, hence no more often than the deadline needs.
 * HTTP/2 needs none: a request's headers arrive as whole frames, under HTTP/2's own idle timeout.
 */
final class RequestHeadDeadline extends AbstractLifeCycle {

    /** Where Jetty keeps {@link HttpConnection}, which its module does not export. */
    private static final String INTERNAL = "org.eclipse.jetty.server.internal";

    private final ServerConnector connector;
    private final long deadlineNanos;
    private final long sweepMillis;
    /** For each connection inside a request head at the last sweep: which request it is (messages in) and since when. */
    private volatile Map<EndPoint, long[]> heads = Map.of();
    private Scheduler.Task sweep;

    RequestHeadDeadline(ServerConnector connector, Duration deadline) {
        this.connector = connector;
        this.deadlineNanos = deadline.toNanos();
        this.sweepMillis = Math.clamp(deadline.toMillis() / 4, 1_000, 5_000);
    }

    @Override
    protected void doStart() {
        Module jetty = ServerConnector.class.getModule();
        if (!jetty.isExported(INTERNAL, RequestHeadDeadline.class.getModule())) {
            // On the module path without the option, every sweep would fail to reach the parser: say so at start.
            throw new IllegalStateException("the request head deadline needs Jetty's " + INTERNAL + ", which "
                    + jetty.getName() + " does not export: on the module path, run java with --add-exports "
                    + jetty.getName() + "/" + INTERNAL + "=" + RequestHeadDeadline.class.getModule().getName());
        }
        schedule();
    }

    @Override
    protected void doStop() {
        if (sweep != null) {
            sweep.cancel();
        }
        heads = Map.of();
    }

    private void schedule() {
        sweep = connector.getScheduler().schedule(this::sweep, sweepMillis, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        if (!isRunning()) {
            return;
        }
        try {
            long now = System.nanoTime();
            // Only connections inside a head are hashed: most of them, streams above all, are not.
            Map<EndPoint, long[]> inside = new HashMap<>();
            for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                if (endPoint.getConnection() instanceof HttpConnection http && insideAHead(http.getParser())) {
                    long request = http.getMessagesIn();
                    long[] seen = heads.get(endPoint);
                    long[] head = seen != null && seen[0] == request ? seen : new long[] {request, now};
                    if (now - head[1] > deadlineNanos) {
                        endPoint.close();
                    } else {
                        inside.put(endPoint, head);
                    }
                }
            }
            heads = inside;
        } finally {
            schedule();
        }
    }

    /** A request's first bytes have come, its head is not complete. */
    private static boolean insideAHead(HttpParser parser) {
        return !parser.isStart() && parser.inHeaderState();
    }
}
