package dev.herald.app.logs;

import ch.qos.logback.classic.Logger;
import dev.herald.hub.Hub;
import dev.herald.hub.HubClosedException;
import dev.herald.hub.SnapshotSource;
import dev.herald.htmx.Fragment;
import dev.herald.htmx.Htmx;
import dev.herald.htmx.Rerender;
import dev.herald.htmx.Swap;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.LoggerFactory;

/**
 * The app's own log, live: a Logback appender on the root logger queues each line; one thread
 * publishes them in batches — every {@value #FLUSH_MILLIS} ms or {@value #BATCH_LINES} lines,
 * whichever comes first — so a burst of thousands of lines is a few dozen events, not thousands
 * of swaps. Each batch goes to one topic per level filter ({@link LogLevel#topic()}), holding the
 * lines that pass it: a page filtering WARN receives no INFO line at all.
 *
 * <p>Bounds: {@value #MAX_PENDING} lines wait for the publisher (past that, lines are counted and
 * a notice saying how many were skipped takes their place: never dropped silently), and the last
 * {@value #HISTORY_LINES} lines passing each filter are kept for pages that open (a WARN page opens
 * with its last thousand lines however many INFO lines came after them). A page reads them with the hub
 * position under the read lock, batches are kept and published under the write lock (DESIGN §8.8).
 */
public final class LogTail implements SnapshotSource, AutoCloseable {

    static final int BATCH_LINES = 200;
    static final long FLUSH_MILLIS = 100;
    static final int MAX_PENDING = 20_000;
    static final int HISTORY_LINES = 1_000;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final BlockingQueue<LogLine> pending = new ArrayBlockingQueue<>(MAX_PENDING);
    private final AtomicLong skipped = new AtomicLong();
    private final Map<LogLevel, ArrayDeque<LogLine>> history = new EnumMap<>(LogLevel.class); // guarded by lock
    private final Hub hub;
    private final Htmx htmx;
    private final LogViews views;
    private final LogTailAppender appender = new LogTailAppender(this::offer);
    private final Thread publisher;
    private volatile boolean running = true;

    LogTail(Hub hub, Htmx htmx, LogViews views) {
        this.hub = hub;
        this.htmx = htmx;
        this.views = views;
        this.publisher = Thread.ofPlatform().daemon().name("herald-log-tail").unstarted(this::publishLoop);
        for (LogLevel level : LogLevel.values()) {
            history.put(level, new ArrayDeque<>(HISTORY_LINES));
        }
    }

    /** Attaches to the root logger and starts publishing. */
    void start() {
        appender.setContext(root().getLoggerContext());
        appender.start();
        root().addAppender(appender);
        publisher.start();
    }

    /** The page for {@code level}, as of now. */
    LogsPage page(LogLevel level) {
        lock.readLock().lock();
        try {
            String position = hub.position();
            return new LogsPage(position, level, List.copyOf(history.get(level)), HISTORY_LINES);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The gap re-render of a level's topic: the kept lines that pass it, read with the position. */
    @Override
    public Optional<Snapshot> snapshot(String topic) {
        for (LogLevel level : LogLevel.values()) {
            if (level.topic().equals(topic)) {
                LogsPage page = page(level);
                return Optional.of(Rerender.snapshot(page.position(),
                        List.of(Fragment.of(views.lines(page.lines()), LogsPage.LINES.target(), Swap.INNER_HTML))));
            }
        }
        return Optional.empty();
    }

    /** Detaches from the logger and stops publishing. */
    @Override
    public void close() {
        root().detachAppender(appender);
        appender.stop();
        running = false;
        publisher.interrupt();
        try {
            publisher.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The appender's sink, on the logging thread: never blocks. */
    private void offer(LogLine line) {
        if (!pending.offer(line)) {
            skipped.incrementAndGet();
        }
    }

    private void publishLoop() {
        List<LogLine> batch = new ArrayList<>(BATCH_LINES + 1);
        try {
            while (running) {
                LogLine first = pending.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FLUSH_MILLIS);
                while (batch.size() < BATCH_LINES) {
                    LogLine next = pending.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                publish(batch);
                batch.clear();
            }
        } catch (InterruptedException | HubClosedException e) {
            // closing: the lines still queued are not needed by anyone
        }
    }

    private void publish(List<LogLine> batch) {
        long lost = skipped.getAndSet(0);
        if (lost > 0) {
            batch.add(new LogLine(Instant.now(), LogLevel.WARN, LogTail.class.getSimpleName(), publisher.getName(),
                    lost + " lines were skipped: more than " + MAX_PENDING + " were waiting to be shown"));
        }
        lock.writeLock().lock();
        try {
            for (LogLevel level : LogLevel.values()) {
                List<LogLine> shown = batch.stream().filter(l -> l.level().atLeast(level)).toList();
                if (!shown.isEmpty()) {
                    keep(history.get(level), shown);
                    htmx.publish(level.topic(), LogsPage.LINES.event(views.lines(shown)));
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static void keep(ArrayDeque<LogLine> kept, List<LogLine> lines) {
        for (LogLine line : lines) {
            if (kept.size() == HISTORY_LINES) {
                kept.removeFirst();
            }
            kept.addLast(line);
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
