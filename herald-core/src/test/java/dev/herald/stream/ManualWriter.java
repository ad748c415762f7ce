package dev.herald.stream;

import dev.herald.hub.Hub;
import dev.herald.hub.Replay;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A {@link StreamWriter} run by the test: writer threads, virtual threads and the clock are the
 * test's own. Nothing happens until the test calls {@link #run}, {@link #runBlocking} or
 * {@link #advance}, so every state is reached without sleeping and seen as it is.
 */
final class ManualWriter implements WriterPool.Dispatcher, Ticker {

    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final Instant START = Instant.parse("2026-12-06T10:00:00Z");

    final Hub hub = Hub.builder().build();
    final WriterPool pool;
    /** Streams handed to "their writer thread", not yet run. */
    final Deque<SseStream> ready = new ArrayDeque<>();
    /** Tasks handed to "virtual threads", not yet run. */
    final Deque<Runnable> blocking = new ArrayDeque<>();
    /** How many times a stream ran on a "writer thread". */
    final AtomicInteger runs = new AtomicInteger();
    private long nanos = 1_000_000_000L;

    ManualWriter() {
        this(UnaryOperator.identity());
    }

    ManualWriter(UnaryOperator<StreamWriter.Builder> settings) {
        StreamWriter.Builder builder = StreamWriter.builder(ManualWriter::gapNotice).heartbeat(HEARTBEAT).retry(Duration.ofSeconds(3));
        pool = new WriterPool(settings.apply(builder), this, blocking::add, this, () -> { });
    }

    static byte[] gapNotice(Replay.Gap gap) {
        return ("event: gap\ndata: " + gap.topics() + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Opens and starts a stream of {@code plan}'s topics from {@code lastEventId}, and runs it. */
    StreamWriter.Stream start(FakeSink sink, StreamPlan plan, String lastEventId, Runnable onEnd) {
        StreamWriter.Stream stream = pool.open(sink, plan, outbox -> hub.subscribe(plan.topics(), lastEventId, outbox));
        stream.start(onEnd);
        run();
        return stream;
    }

    /** Runs the streams handed to writer threads until none is left. */
    void run() {
        for (int i = 0; !ready.isEmpty(); i++) {
            if (i > 100_000) {
                throw new AssertionError("streams keep handing themselves to their writer threads");
            }
            runs.incrementAndGet();
            ready.poll().run();
        }
    }

    /** Runs what was handed to virtual threads and the streams that woke, until neither has anything left. */
    void runBlocking() {
        run();
        while (!blocking.isEmpty()) {
            blocking.poll().run();
            run();
        }
    }

    /** Lets {@code time} pass, then the timer sweeps and the woken streams run. */
    void advance(Duration time) {
        nanos += time.toNanos();
        pool.sweep();
        run();
    }

    @Override
    public int nextLane() {
        return 0;
    }

    @Override
    public void dispatch(SseStream stream) {
        ready.add(stream);
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public Instant now() {
        return START.plusNanos(nanos - 1_000_000_000L);
    }
}
