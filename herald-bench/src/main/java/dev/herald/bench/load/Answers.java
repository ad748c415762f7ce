package dev.herald.bench.load;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.HdrHistogram.Histogram;

/**
 * The answers to the publishes of every {@link PublishConnection}: counts, the latest one's time,
 * how long each took from its request's write, and a permit each.
 */
final class Answers {

    private final ReentrantLock lock = new ReentrantLock();
    private final Histogram answerMicros = new Histogram(TimeUnit.SECONDS.toMicros(60), 3); // guarded by lock
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final Semaphore permits = new Semaphore(0);
    private volatile long lastAcceptedNanos;

    /** On a connection's reader thread: one answer came, with {@code status}, to a request written at {@code sentNanos}. */
    void answered(int status, long sentNanos) {
        long now = System.nanoTime();
        lock.lock();
        try {
            answerMicros.recordValue(Math.clamp((now - sentNanos) / 1000, 0, answerMicros.getHighestTrackableValue()));
        } finally {
            lock.unlock();
        }
        if (status / 100 == 2) {
            accepted.incrementAndGet();
            lastAcceptedNanos = System.nanoTime();
        } else {
            refused.incrementAndGet();
        }
        permits.release();
    }

    int accepted() {
        return accepted.get();
    }

    int refused() {
        return refused.get();
    }

    /** {@link System#nanoTime()} of the latest 2xx answer. */
    long lastAcceptedNanos() {
        return lastAcceptedNanos;
    }

    /** Waits for {@code count} answers until {@code deadline} ({@link System#nanoTime()}); returns how many came. */
    int await(int count, long deadline) throws InterruptedException {
        int got = 0;
        while (got < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !permits.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                break;
            }
            got++;
        }
        return got;
    }

    /** Forgets answers nobody waited for (late ones of an earlier phase) and the times of earlier ones. */
    void forgetPending() {
        permits.drainPermits();
        lock.lock();
        try {
            answerMicros.reset();
        } finally {
            lock.unlock();
        }
    }

    /** How long the answers since {@link #forgetPending} took, in microseconds from their request's write. */
    Histogram answerMicros() {
        lock.lock();
        try {
            return answerMicros.copy();
        } finally {
            lock.unlock();
        }
    }
}
