package dev.herald.app.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A bounded pool for jobs: {@code workers} virtual threads run them, and at most
 * {@code workers + maxWaiting} are held at once (running or waiting), so the queue has a bound.
 * Each job gets a cancellation flag its work checks between chunks.
 */
final class JobWorkers {

    private final ExecutorService executor;
    private final Semaphore slots;
    private final Map<Long, AtomicBoolean> cancellations = new ConcurrentHashMap<>();

    JobWorkers(int workers, int maxWaiting) {
        this.executor = Executors.newFixedThreadPool(workers, Thread.ofVirtual().name("job-worker-", 1).factory());
        this.slots = new Semaphore(workers + maxWaiting);
    }

    /** Takes a slot for one more job; false when every slot is taken (the caller refuses the job). */
    boolean reserve() {
        return slots.tryAcquire();
    }

    /** Gives back a slot {@link #reserve} took for a job that will not be submitted after all. */
    void release() {
        slots.release();
    }

    /** Runs {@code work} with the job's cancellation flag when a worker is free; uses the slot reserved for it. */
    void submit(long jobId, Consumer<AtomicBoolean> work) {
        AtomicBoolean cancelled = new AtomicBoolean();
        cancellations.put(jobId, cancelled);
        executor.execute(() -> {
            try {
                work.accept(cancelled);
            } finally {
                cancellations.remove(jobId);
                slots.release();
            }
        });
    }

    /** Raises the job's cancellation flag; false when this process holds no such job. */
    boolean cancel(long jobId) {
        AtomicBoolean flag = cancellations.get(jobId);
        if (flag == null) {
            return false;
        }
        flag.set(true);
        return true;
    }

    /**
     * Interrupts the running jobs, drops the waiting ones, and waits up to {@code grace} for the
     * running ones to record how they ended.
     */
    void shutdown(Duration grace) {
        executor.shutdownNow();
        try {
            executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
