package dev.herald.stream;

import dev.herald.hub.Delivery;
import dev.herald.hub.GapRepair;
import dev.herald.hub.Outbox;
import dev.herald.hub.Subscription;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * One {@code text/event-stream} response, written by whichever writer thread it is handed to. It
 * holds no thread between writes: what happens to it — the outbox is ready, a write completed or
 * failed, the timer ticked, the client went away — is a signal bit, and the first signal of a quiet
 * stream hands it to its writer thread, which runs it once for all the signals it finds. So every
 * decision about the stream (its {@link Phase}, its writes) is taken on one thread at a time, and a
 * publisher, an I/O thread or the timer only ever sets a bit.
 */
final class SseStream implements StreamWriter.Stream, Outbox.Listener, StreamSink.Completion {

    /** Set while the stream is queued for or running on its writer thread. */
    private static final int SCHEDULED = 1;
    private static final int START = 1 << 1;
    /** The outbox has something: poll it. */
    private static final int READY = 1 << 2;
    private static final int WRITTEN = 1 << 3;
    /** {@link #failure} says why: a write failed, the peer is gone, or the stream was cut. */
    private static final int FAILED = 1 << 4;
    private static final int OVERFLOW = 1 << 5;
    /** A heartbeat, the deadline or a stall may be due. */
    private static final int TICK = 1 << 6;
    /** {@link #repaired} holds the write a gap became. */
    private static final int REPAIRED = 1 << 7;

    /** Writes per run before the stream lets the other streams of its thread go first. */
    private static final int WRITES_PER_RUN = 16;

    private static final VarHandle SIGNALS;

    static {
        try {
            SIGNALS = MethodHandles.lookup().findVarHandle(SseStream.class, "signals", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private enum Phase {
        /** Opened, not started: nothing written yet. */
        NEW,
        /** Idle, or about to poll the outbox. */
        OPEN,
        /** A write is pending in the sink. */
        WRITING,
        /** The last write is pending: the response ends normally when it completes. */
        LAST_WRITE,
        /** A gap is being re-rendered on a virtual thread. */
        REPAIRING,
        /** Over: nothing more is written. */
        DONE
    }

    private final WriterPool pool;
    private final StreamSink sink;
    private final StreamPlan plan;
    private final boolean hasDeadline;
    private final long deadlineNanos;
    private final int lane;
    private final Outbox outbox;
    private Subscription subscription; // set once, before start
    private Runnable onEnd; // set once, by start

    // Written by any thread.
    @SuppressWarnings("unused") // through SIGNALS
    private volatile int signals;
    private volatile Throwable failure;
    private volatile Frames.Frame repaired;
    /** When the last write started: the timer reads it to find silent and stalled streams. */
    private volatile long lastWriteNanos;

    // The writer thread's own (the signal hand-off orders them between threads).
    private Phase phase = Phase.NEW;
    private GapRepair repair; // null until the stream's first gap
    private boolean heartbeatDue;
    private boolean endDue;

    /** @param deadlineNanos when the stream ends, on the pool's clock; ignored when the plan has no deadline */
    SseStream(WriterPool pool, StreamSink sink, StreamPlan plan, long deadlineNanos, int lane) {
        this.pool = pool;
        this.sink = sink;
        this.plan = plan;
        this.hasDeadline = plan.deadline() != null;
        this.deadlineNanos = deadlineNanos;
        this.lane = lane;
        this.outbox = Outbox.bounded(pool.maxBacklogBytes(), this);
    }

    Outbox outbox() {
        return outbox;
    }

    void subscribed(Subscription subscription) {
        this.subscription = subscription;
    }

    int lane() {
        return lane;
    }

    // StreamWriter.Stream, for the binding.

    @Override
    public void start(Runnable onEnd) {
        this.onEnd = onEnd;
        lastWriteNanos = pool.ticker().nanoTime();
        pool.opened(this);
        signal(START);
    }

    @Override
    public void peerGone(Throwable cause) {
        fail(cause);
    }

    @Override
    public void cut() {
        fail(new IOException("the stream was cut"));
    }

    // Outbox.Listener, on a publishing thread.

    @Override
    public void onReady() {
        signal(READY);
    }

    @Override
    public void onOverflow() {
        pool.slowConsumer();
        signal(OVERFLOW);
    }

    // StreamSink.Completion, on the sink's thread (often inside sink.write).

    @Override
    public void written() {
        signal(WRITTEN);
    }

    @Override
    public void failed(Throwable cause) {
        fail(cause);
    }

    /** On the timer's thread: signals the stream only when a heartbeat, its deadline or a stall may be due. */
    void tick(long now) {
        if (now - lastWriteNanos >= pool.heartbeatNanos() || pastDeadline(now)) {
            signal(TICK);
        }
    }

    /** On the writer thread the stream was handed to: handles every signal set until now. */
    void run() {
        int taken = (int) SIGNALS.getAndSet(this, SCHEDULED) & ~SCHEDULED;
        try {
            handle(taken);
        } catch (RuntimeException e) {
            abort(e);
        }
        if (!SIGNALS.compareAndSet(this, SCHEDULED, 0)) {
            pool.dispatch(this); // signalled meanwhile: again, after the streams already waiting
        }
    }

    private void fail(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        signal(FAILED);
    }

    private void signal(int bits) {
        int before = (int) SIGNALS.getAndBitwiseOr(this, bits | SCHEDULED);
        if ((before & SCHEDULED) == 0) {
            pool.dispatch(this);
        }
    }

    /** True if and only if {@code bit} was set; clears it. */
    private boolean take(int bit) {
        return ((int) SIGNALS.getAndBitwiseAnd(this, ~bit) & bit) != 0;
    }

    private void handle(int taken) {
        if (phase == Phase.NEW) {
            if ((taken & START) == 0) {
                return; // what came before the start is in the outbox, or in failure
            }
            phase = Phase.OPEN;
            if (failure == null) {
                write(Frames.opening(pool.retryFrame(), plan));
            }
        }
        if (phase == Phase.DONE) {
            return;
        }
        if (failure != null) {
            abort(failure);
            return;
        }
        if ((taken & OVERFLOW) != 0 && (phase == Phase.WRITING || phase == Phase.LAST_WRITE)) {
            // The write may be stalled on a peer that stopped reading: it would never complete.
            abort(new IOException("slow consumer: the backlog passed its bound during a write"));
            return;
        }
        if ((taken & WRITTEN) != 0) {
            written(phase);
        }
        if ((taken & REPAIRED) != 0 && phase == Phase.REPAIRING) {
            write(repaired);
        }
        if ((taken & TICK) != 0) {
            tick();
        }
        pump();
    }

    /** Writes what the outbox holds until it holds nothing (it is then armed), a write is pending, or the stream ends. */
    private void pump() {
        for (int writes = 0; phase == Phase.OPEN && failure == null; writes++) {
            if (writes == WRITES_PER_RUN) {
                SIGNALS.getAndBitwiseOr(this, READY); // run again after the others
                return;
            }
            if (endDue) {
                write(Frames.Frame.end());
                continue;
            }
            List<Delivery> batch = outbox.poll();
            if (batch.isEmpty()) {
                if (heartbeatDue) {
                    heartbeatDue = false;
                    write(Frames.Frame.heartbeat());
                    continue;
                }
                return;
            }
            if (Frames.needsRepair(batch)) {
                repair(batch);
                return;
            }
            Frames.Frame frame = Frames.of(batch, repair, plan, pool.gapNotice(), pool.routes());
            if (frame.bytes().hasRemaining() || frame.last()) {
                write(frame); // else every event was in a snapshot already
            }
        }
        if (failure != null && phase != Phase.DONE) {
            abort(failure);
        }
    }

    private void write(Frames.Frame frame) {
        phase = frame.last() ? Phase.LAST_WRITE : Phase.WRITING;
        heartbeatDue = false;
        lastWriteNanos = pool.ticker().nanoTime();
        sink.write(frame.bytes(), frame.last(), this);
        if (take(WRITTEN)) {
            written(phase); // taken at once, as a socket with room does
        }
    }

    private void written(Phase was) {
        if (was == Phase.LAST_WRITE) {
            end();
        } else if (was == Phase.WRITING) {
            phase = Phase.OPEN;
        }
    }

    /** A gap's snapshots may come from a database: read them on a virtual thread, then write here. */
    private void repair(List<Delivery> batch) {
        phase = Phase.REPAIRING;
        if (repair == null) {
            repair = new GapRepair(pool.snapshots(), plan.topics());
        }
        GapRepair gapRepair = repair;
        pool.blocking().execute(() -> {
            try {
                repaired = Frames.of(batch, gapRepair, plan, pool.gapNotice(), pool.routes());
                signal(REPAIRED);
            } catch (RuntimeException | Error e) {
                fail(e);
            }
        });
    }

    private void tick() {
        long now = pool.ticker().nanoTime();
        boolean silent = now - lastWriteNanos >= pool.heartbeatNanos();
        if (pastDeadline(now)) {
            endDue = true;
        }
        if (silent && phase == Phase.LAST_WRITE) {
            // After an overflow the peer may well have stopped reading: the end must not wait on it.
            abort(new IOException("the peer did not take the stream's last bytes within " + pool.heartbeat()));
        } else if (silent && phase == Phase.WRITING && endDue) {
            abort(new IOException("the stream's deadline passed while a write was stalled for " + pool.heartbeat()));
        } else if (phase == Phase.WRITING && now - lastWriteNanos >= 2 * pool.heartbeatNanos()) {
            // The binding's idle timeout is off while a stream is written: a stall is found here.
            abort(new IOException("a write was not taken within two heartbeats (" + pool.heartbeat().multipliedBy(2)
                    + "): the peer stopped reading or is gone"));
        } else if (silent && phase == Phase.OPEN) {
            heartbeatDue = true;
        }
    }

    private boolean pastDeadline(long now) {
        return hasDeadline && now - deadlineNanos >= 0;
    }

    private void abort(Throwable cause) {
        if (phase == Phase.DONE) {
            return;
        }
        try {
            sink.abort(cause);
        } finally {
            end();
        }
    }

    private void end() {
        phase = Phase.DONE;
        pool.closed(this);
        Subscription opened = subscription;
        Runnable then = onEnd;
        pool.blocking().execute(() -> {
            try {
                if (opened != null) {
                    opened.close();
                }
            } finally {
                if (then != null) {
                    then.run();
                }
            }
        });
    }
}
