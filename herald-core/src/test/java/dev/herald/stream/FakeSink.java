package dev.herald.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link StreamSink} whose peer the test plays: it takes each write at once (as a socket with
 * room does) or, after {@link #stall}, only when the test says so.
 */
final class FakeSink implements StreamSink {

    /** Every write, in order, as text. */
    final List<String> writes = new ArrayList<>();
    /** Every write's buffer, as handed to the sink. */
    final List<ByteBuffer> buffers = new ArrayList<>();
    /** Set once a last write was taken: the response ended normally. */
    boolean ended;
    /** Why the sink was aborted, or null. */
    Throwable aborted;

    private boolean stalled;
    private Completion pending;
    private boolean pendingLast;

    @Override
    public void write(ByteBuffer bytes, boolean last, Completion completion) {
        if (pending != null) {
            throw new AssertionError("a write while a write is pending");
        }
        if (aborted != null || ended) {
            throw new AssertionError("a write after the response ended");
        }
        buffers.add(bytes);
        writes.add(StandardCharsets.UTF_8.decode(bytes.duplicate()).toString());
        pending = completion;
        pendingLast = last;
        if (!stalled) {
            take();
        }
    }

    @Override
    public void abort(Throwable cause) {
        if (aborted == null && !ended) {
            aborted = cause;
        }
        fail(cause);
    }

    /** From now on writes stay pending until {@link #take} or {@link #fail}. */
    void stall() {
        stalled = true;
    }

    /** Writes complete at once again, starting with the pending one. */
    void flowing() {
        stalled = false;
        if (pending != null) {
            take();
        }
    }

    /** The peer takes the pending write. */
    void take() {
        Completion completion = pending;
        pending = null;
        if (pendingLast) {
            ended = true;
        }
        completion.written();
    }

    /** The pending write fails, as a write to a peer that went away does. */
    void fail(Throwable cause) {
        Completion completion = pending;
        pending = null;
        if (completion != null) {
            completion.failed(cause);
        }
    }

    boolean writing() {
        return pending != null;
    }

    /** Everything written, as one text. */
    String text() {
        return String.join("", writes);
    }

    /** The last write, as text. */
    String last() {
        return writes.getLast();
    }
}
