package dev.herald.stream;

import dev.herald.hub.Replay;
import dev.herald.hub.SnapshotSource;
import dev.herald.hub.Subscriber;
import dev.herald.hub.Subscription;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Writes a server's {@code text/event-stream} responses from the hub, with no thread per stream.
 * This is the transport-neutral part of serving streams, shared by Herald's server bindings: a
 * binding turns a request into a {@link StreamSink} and a {@link StreamPlan}, and the writer does
 * the rest —
 * <ul>
 *   <li>the {@code retry:} field and the plan's first events;</li>
 *   <li>the hub's deliveries, everything queued at once in one write of the events' shared bytes;</li>
 *   <li>a gap re-rendered from the {@link SnapshotSource} (on a virtual thread: it may block), or
 *       told to the client as a gap notice;</li>
 *   <li>a heartbeat comment on a stream silent for the heartbeat, from one timer for all streams;</li>
 *   <li>the end: after an ending event, at the plan's deadline, with the hub's final event at
 *       shutdown, or by abort when the client is too slow (its backlog passed the bound), gone, or
 *       cut.</li>
 * </ul>
 *
 * <p><b>Threads.</b> A stream holds no thread while it waits. When the hub queues an event for an
 * idle stream, the stream is handed to one of a few writer threads (one per core by default), which
 * writes it without blocking; the binding's completion hands it back. Publishing thus never waits
 * for a writer: it costs one queue operation and, for an idle stream, one hand-off.
 *
 * <p><b>Dead peers.</b> A client that went away is noticed when a write to it fails — at its next
 * event or heartbeat — or at once when the binding learns it otherwise ({@link Stream#peerGone}).
 * A write the peer does not take within two heartbeats aborts the stream, so a binding need not
 * keep an idle timer of its own per stream while it is written.
 */
public interface StreamWriter extends AutoCloseable {

    /**
     * A writer whose gaps no snapshot covers are told to clients as {@code gapNotice} encodes them
     * (Herald's bindings write a {@code herald-reset} event).
     */
    static Builder builder(Function<Replay.Gap, byte[]> gapNotice) {
        return new Builder(gapNotice);
    }

    /**
     * A stream to {@code sink}, subscribed with {@code subscribe} (given the stream's queue, which
     * the hub fills): nothing is written until {@link Stream#start}.
     *
     * @throws RuntimeException whatever {@code subscribe} throws (a topic the hub refuses, a hub
     *                          shutting down); nothing is then open
     */
    Stream open(StreamSink sink, StreamPlan plan, Function<Subscriber, Subscription> subscribe);

    /** The counters now. */
    Stats stats();

    /**
     * Cuts every open stream as a network failure would: each is aborted, and its client reconnects
     * with its Last-Event-ID.
     */
    void cutAll();

    /** Waits until no stream is open or {@code timeout} passed; true if and only if none is open. */
    boolean awaitNoneOpen(Duration timeout) throws InterruptedException;

    /** Aborts the streams still open and stops the writer's threads. Idempotent. */
    @Override
    void close();

    /** One stream, for its binding. Thread-safe. */
    interface Stream {

        /**
         * Starts writing: the opening first, then what the hub queues. {@code onEnd} runs once the
         * stream is over, however it ended and on a virtual thread of its own, after its
         * subscription is closed: where the binding tells its listeners.
         */
        void start(Runnable onEnd);

        /** The binding learned that the client is gone (an HTTP/2 reset, say): the stream ends at once. */
        void peerGone(Throwable cause);

        /** Cuts this stream as a network failure would. */
        void cut();
    }

    /**
     * @param openStreams             streams started and not yet over
     * @param slowConsumerDisconnects streams ended because their backlog passed the bound
     */
    record Stats(int openStreams, long slowConsumerDisconnects) {
    }

    /** Settings for a {@link StreamWriter}; every one has a default. Not thread-safe; build once. */
    /**
     * 256 KiB: a quarter of a topic's default history (1 MiB, {@code Hub.Builder.maxBytesPerTopic}),
     * so a client cut for its backlog finds everything it missed in the log when it resumes, with
     * room for what was in flight in socket buffers when it was cut.
     */
    long DEFAULT_MAX_BACKLOG_BYTES = 256 * 1024;

    final class Builder {
        final Function<Replay.Gap, byte[]> gapNotice;
        Duration heartbeat = Duration.ofSeconds(15);
        Duration retry = Duration.ofSeconds(3);
        long maxBacklogBytes = DEFAULT_MAX_BACKLOG_BYTES;
        SnapshotSource snapshots = SnapshotSource.none();
        int threads = Runtime.getRuntime().availableProcessors();

        Builder(Function<Replay.Gap, byte[]> gapNotice) {
            this.gapNotice = Objects.requireNonNull(gapNotice, "gapNotice");
        }

        /**
         * How long a stream may stay silent before a {@code :} comment is written (default 15 s);
         * also how long a stream's last bytes may take before it is aborted instead.
         */
        public Builder heartbeat(Duration heartbeat) {
            this.heartbeat = positive(heartbeat, "heartbeat");
            return this;
        }

        /** The reconnection delay written first on every stream (default 3 s). */
        public Builder retry(Duration retry) {
            this.retry = positive(retry, "retry");
            return this;
        }

        /**
         * The most bytes queued for one stream before it is ended as a slow consumer (default
         * {@link #DEFAULT_MAX_BACKLOG_BYTES}). Keep it well under the hub's history per topic: a
         * client cut at the bound resumes from the log, so the log must still hold what it missed
         * (this backlog, plus what sat in socket buffers when it was cut). See {@code docs/protocol.md}.
         */
        public Builder maxBacklogBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxBacklogBytes must be positive, was " + bytes);
            }
            this.maxBacklogBytes = bytes;
            return this;
        }

        /** Where gaps are re-rendered from (default: none, every gap is told as such). */
        public Builder snapshots(SnapshotSource snapshots) {
            this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
            return this;
        }

        /** How many platform threads write (default: one per available processor). */
        public Builder threads(int threads) {
            if (threads < 1 || threads > 256) {
                throw new IllegalArgumentException("threads must be 1..256, was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** Starts the writer's threads and its timer. */
        public StreamWriter build() {
            return WriterPool.start(this);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, was " + d);
            }
            return d;
        }
    }
}
