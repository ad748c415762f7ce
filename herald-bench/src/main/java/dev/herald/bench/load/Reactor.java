package dev.herald.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * One platform thread with one selector, serving a share of the connections. Everything about its
 * connections — their sockets, counts and latency histogram — is touched on this thread only;
 * other threads ask through {@link #call}.
 */
final class Reactor implements Runnable {

    private final String path;
    private final Selector selector;
    private final Events events;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final List<Connection> connections = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    // Since the last reset; this thread only.
    private final Histogram latencyMicros = new Histogram(60_000_000L, 3);
    private long received;
    private long comments;
    private long lastEventNanos;
    private long countFromMicros; // events stamped earlier belong to an earlier phase

    Reactor(String name, String path, Events events) {
        this.path = path;
        this.events = events;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this);
    }

    /** What the reactors tell their pool: streams opening and ending. Thread-safe. */
    interface Events {
        void onStreaming();

        void onFailed();

        void onClosed(Connection.Phase was, boolean byServer);
    }

    void start() {
        thread.start();
    }

    /** Runs {@code task} on this reactor's thread with its connections; completes with the result. */
    <T> CompletableFuture<T> call(Function<List<Connection>, T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        tasks.add(() -> {
            try {
                result.complete(task.apply(connections));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        selector.wakeup();
        return result;
    }

    /** A snapshot of the counts since the last reset; with {@code reset}, starts them again. */
    CompletableFuture<Tally> tally(boolean reset) {
        return call(all -> {
            Tally tally = Tally.of(all, latencyMicros, received, comments, lastEventNanos);
            if (reset) {
                countFromMicros = BenchClock.nowMicros();
                latencyMicros.reset();
                received = 0;
                comments = 0;
                lastEventNanos = 0;
                all.forEach(Connection::resetCounts);
            }
            return tally;
        });
    }

    void stop() {
        running = false;
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            while (running) {
                selector.select(100);
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection connection = (Connection) key.attachment();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isConnectable()) {
                        connection.onConnectable();
                    } else if (key.isReadable()) {
                        connection.onReadable(buffer);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            connections.forEach(c -> c.close(false));
            try {
                selector.close();
            } catch (IOException ignored) {
                // the process is ending this reactor; nothing is left to release
            }
        }
    }

    // Called by this reactor's connections.

    String path() {
        return path;
    }

    Selector selector() {
        return selector;
    }

    void add(Connection connection) {
        connections.add(connection);
    }

    /** Counts an event; false if and only if it was stamped before the last reset, and is not counted. */
    boolean recordEvent(long sentMicros) {
        if (sentMicros < countFromMicros) {
            return false;
        }
        long now = System.nanoTime();
        received++;
        lastEventNanos = now;
        latencyMicros.recordValue(Math.max(0, Math.min(BenchClock.micros(now) - sentMicros, latencyMicros.getHighestTrackableValue())));
        return true;
    }

    void recordComment() {
        comments++;
    }

    void streaming() {
        events.onStreaming();
    }

    void failed() {
        events.onFailed();
    }

    void closed(Connection.Phase was, boolean byServer) {
        events.onClosed(was, byServer);
    }
}
