package dev.herald.jetty;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Counts open SSE streams and slow-consumer disconnects; lets shutdown wait for the streams. */
final class StreamCounters {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition drained = lock.newCondition();
    private final LongAdder slowConsumers = new LongAdder();
    private int open; // guarded by lock

    void opened() {
        lock.lock();
        try {
            open++;
        } finally {
            lock.unlock();
        }
    }

    void closed() {
        lock.lock();
        try {
            if (--open == 0) {
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
            while (open > 0) {
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

    HeraldServer.Stats snapshot() {
        lock.lock();
        try {
            return new HeraldServer.Stats(open, slowConsumers.sum());
        } finally {
            lock.unlock();
        }
    }
}
