package dev.herald.stream;

import dev.herald.hub.Replay;
import dev.herald.hub.SnapshotSource;
import dev.herald.hub.Subscriber;
import dev.herald.hub.Subscription;
import dev.herald.sse.SseEncoder;
import dev.herald.sse.SseEvent;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The {@link StreamWriter}: the streams' shared settings, the registry of open streams, and how
 * streams get run — on {@link WriterThreads}, with one timer sweeping every open stream a few times
 * a heartbeat. Tests build one with a dispatcher, executor and clock of their own and call
 * {@link #sweep} themselves.
 */
final class WriterPool implements StreamWriter {

    /** Longest a deadline is honoured as such; a later one is as good as none. */
    private static final Duration FAR_DEADLINE = Duration.ofDays(365);

    /** How a stream gets to run on a writer thread. */
    interface Dispatcher {

        /** The lane of a new stream. */
        int nextLane();

        /** Runs {@code stream} on its lane's thread, soon. */
        void dispatch(SseStream stream);
    }

    private final Function<Replay.Gap, byte[]> gapNotice;
    private final Duration heartbeat;
    private final long heartbeatNanos;
    private final byte[] retryFrame;
    private final long maxBacklogBytes;
    private final SnapshotSource snapshots;
    private final Dispatcher dispatcher;
    private final Executor blocking;
    private final Ticker ticker;
    private final Runnable stop;
    private final Routes routes = new Routes();

    private final Set<SseStream> open = ConcurrentHashMap.newKeySet();
    private final LongAdder slowConsumers = new LongAdder();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition drained = lock.newCondition();

    WriterPool(Builder settings, Dispatcher dispatcher, Executor blocking, Ticker ticker, Runnable stop) {
        this.gapNotice = settings.gapNotice;
        this.heartbeat = settings.heartbeat;
        this.heartbeatNanos = settings.heartbeat.toNanos();
        this.retryFrame = SseEncoder.encode(SseEvent.retry(settings.retry));
        this.maxBacklogBytes = settings.maxBacklogBytes;
        this.snapshots = settings.snapshots;
        this.dispatcher = dispatcher;
        this.blocking = blocking;
        this.ticker = ticker;
        this.stop = stop;
    }

    /** A pool on writer threads, swept by a timer thread every eighth of a heartbeat (10 ms to 1 s). */
    static WriterPool start(Builder settings) {
        WriterThreads threads = new WriterThreads(settings.threads);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("herald-stream-timer").daemon().factory());
        Executor virtualThreads = task -> Thread.ofVirtual().name("herald-stream-task").start(task);
        WriterPool pool = new WriterPool(settings, threads, virtualThreads, Ticker.SYSTEM, () -> {
            timer.shutdownNow();
            threads.stop();
        });
        long tick = Math.clamp(settings.heartbeat.toNanos() / 8, TimeUnit.MILLISECONDS.toNanos(10), TimeUnit.SECONDS.toNanos(1));
        timer.scheduleWithFixedDelay(pool::sweep, tick, tick, TimeUnit.NANOSECONDS);
        return pool;
    }

    @Override
    public Stream open(StreamSink sink, StreamPlan plan, Function<Subscriber, Subscription> subscribe) {
        long deadline = 0;
        if (plan.deadline() != null) {
            Duration left = Duration.between(ticker.now(), plan.deadline());
            deadline = ticker.nanoTime() + Math.clamp(left.toMillis(), 0, FAR_DEADLINE.toMillis()) * 1_000_000;
        }
        SseStream stream = new SseStream(this, sink, plan, deadline, dispatcher.nextLane());
        stream.subscribed(subscribe.apply(stream.outbox()));
        return stream;
    }

    @Override
    public Stats stats() {
        return new Stats(open.size(), slowConsumers.sum());
    }

    @Override
    public void cutAll() {
        open.forEach(SseStream::cut);
    }

    @Override
    public boolean awaitNoneOpen(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (!open.isEmpty()) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = drained.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        cutAll();
        stop.run();
    }

    /** Tells every open stream the time, and each one a heartbeat, deadline or stall may be due for runs. */
    void sweep() {
        long now = ticker.nanoTime();
        for (SseStream stream : open) {
            stream.tick(now);
        }
    }

    // For the streams.

    void opened(SseStream stream) {
        open.add(stream);
    }

    void closed(SseStream stream) {
        if (open.remove(stream) && open.isEmpty()) {
            lock.lock();
            try {
                drained.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    void slowConsumer() {
        slowConsumers.increment();
    }

    void dispatch(SseStream stream) {
        dispatcher.dispatch(stream);
    }

    Executor blocking() {
        return blocking;
    }

    Ticker ticker() {
        return ticker;
    }

    Function<Replay.Gap, byte[]> gapNotice() {
        return gapNotice;
    }

    Duration heartbeat() {
        return heartbeat;
    }

    long heartbeatNanos() {
        return heartbeatNanos;
    }

    byte[] retryFrame() {
        return retryFrame;
    }

    long maxBacklogBytes() {
        return maxBacklogBytes;
    }

    SnapshotSource snapshots() {
        return snapshots;
    }

    Routes routes() {
        return routes;
    }
}
