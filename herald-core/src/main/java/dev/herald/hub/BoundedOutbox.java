package dev.herald.hub;

import dev.herald.sse.SseEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** The {@link Outbox}: a queue under a lock, a byte count, and a terminal delivery. */
final class BoundedOutbox implements Outbox {

    private final long maxBacklogBytes;
    private final Runnable onOverflow;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();

    // Guarded by lock.
    private final ArrayDeque<Delivery> queue = new ArrayDeque<>();
    private long backlogBytes;
    private Delivery terminal;

    BoundedOutbox(long maxBacklogBytes, Runnable onOverflow) {
        if (maxBacklogBytes < 1) {
            throw new IllegalArgumentException("maxBacklogBytes must be positive, was " + maxBacklogBytes);
        }
        this.maxBacklogBytes = maxBacklogBytes;
        this.onOverflow = Objects.requireNonNull(onOverflow, "onOverflow");
    }

    @Override
    public void onReplay(Replay replay) {
        lock.lock();
        try {
            if (replay instanceof Replay.Gap gap) {
                queue.add(gap);
            }
            queue.addAll(replay.events());
            ready.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onEvent(HubEvent event) {
        boolean overflowed = false;
        lock.lock();
        try {
            if (terminal != null) {
                return;
            }
            backlogBytes += event.size();
            if (backlogBytes > maxBacklogBytes) {
                // Dropping the queue is safe only because the writer now closes the connection:
                // the client resumes from its Last-Event-ID, and the log has what was dropped.
                queue.clear();
                end(new Delivery.Overflow(backlogBytes, maxBacklogBytes));
                overflowed = true;
            } else {
                queue.add(event);
            }
            ready.signal();
        } finally {
            lock.unlock();
        }
        if (overflowed) {
            onOverflow.run();
        }
    }

    @Override
    public void onShutdown(SseEvent.Message finalEvent) {
        lock.lock();
        try {
            if (terminal == null) {
                end(new Delivery.Shutdown(finalEvent));
                ready.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Delivery> take(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (terminal != null) {
                    return List.of(terminal);
                }
                if (nanos <= 0) {
                    return List.of();
                }
                nanos = ready.awaitNanos(nanos);
            }
            List<Delivery> taken = new ArrayList<>(queue);
            queue.clear();
            backlogBytes = 0;
            return taken;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long backlogBytes() {
        lock.lock();
        try {
            return backlogBytes;
        } finally {
            lock.unlock();
        }
    }

    private void end(Delivery last) {
        terminal = last;
        queue.add(last);
    }
}
