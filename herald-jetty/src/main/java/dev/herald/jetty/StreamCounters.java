package dev.herald.jetty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The open SSE streams and the count of slow-consumer disconnects; lets shutdown wait for the
 * streams, and lets the server cut them.
 */
final class StreamCounters {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition drained = lock.newCondition();
    private final LongAdder slowConsumers = new LongAdder();
    private final Set<SseStream> open = new HashSet<>(); // guarded by lock

    void opened(SseStream stream) {
        lock.lock();
        try {
            open.add(stream);
        } finally {
            lock.unlock();
        }
    }

    void closed(SseStream stream) {
        lock.lock();
        try {
            if (open.remove(stream) && open.isEmpty()) {
                drained.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    void slowConsumer() {
        slowConsumers.increment();
    }

    /** Waits until no stream is open or {@code timeout} passed; true if and only if none is open. */
    boolean awaitNoneOpen(Duration timeout) throws InterruptedException {
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

    /** The streams open now. */
    List<SseStream> openStreams() {
        lock.lock();
        try {
            return new ArrayList<>(open);
        } finally {
            lock.unlock();
        }
    }

    HeraldServer.Stats snapshot() {
        lock.lock();
        try {
            return new HeraldServer.Stats(open.size(), slowConsumers.sum());
        } finally {
            lock.unlock();
        }
    }
}
