package dev.herald.jetty;

import dev.herald.hub.Delivery;
import dev.herald.hub.GapRepair;
import dev.herald.hub.HubEvent;
import dev.herald.hub.Outbox;
import dev.herald.hub.Replay;
import dev.herald.sse.SseEncoder;
import dev.herald.sse.SseEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code text/event-stream} response, written by the request's own virtual thread: the retry
 * delay and the stream's own first events, then whatever the {@link Outbox} hands over — each
 * {@code take} coalesced into one write of the events' shared bytes — and a heartbeat comment when
 * it hands over nothing, until the outbox ends the stream or an ending event is written. Every
 * write blocks until the bytes are flushed, so a failed write (the client went away) ends the
 * stream at once.
 */
final class SseStream {

    private static final Logger LOG = LoggerFactory.getLogger(SseStream.class);
    private static final ByteBuffer HEARTBEAT = ByteBuffer.wrap(SseEncoder.encode(SseEvent.comment(""))).asReadOnlyBuffer();

    private final Response response;
    private final Callback callback;
    private final Duration heartbeat;
    private final byte[] retryFrame;
    private final StreamCounters counters;
    private final GapRepair repair;
    private final AtomicBoolean completed = new AtomicBoolean();
    private volatile boolean writing;
    /** Set by {@link #frames} when what it returns ends the stream; the writer thread's only. */
    private boolean ending;
    private volatile Thread writer;

    SseStream(Response response, Callback callback, Duration heartbeat, Duration retry, StreamCounters counters,
              GapRepair repair) {
        this.response = response;
        this.callback = callback;
        this.heartbeat = heartbeat;
        this.retryFrame = SseEncoder.encode(SseEvent.retry(retry));
        this.counters = counters;
        this.repair = repair;
    }

    /**
     * The outbox's overflow hook, on a publishing thread. A write in progress may be stalled on a
     * peer that stopped reading, and would then never return to take the overflow: fail the
     * response, which fails that write. A writer that is not writing takes the overflow next and
     * ends the stream normally.
     */
    void onOverflow() {
        counters.slowConsumer();
        if (writing) {
            fail(new IOException("slow consumer: backlog passed its bound during a write"));
        }
    }

    /**
     * Cuts the stream as a network failure would: the writer is interrupted and the response
     * aborted, and the client reconnects with its Last-Event-ID.
     */
    void cut() {
        Thread running = writer;
        if (running != null) {
            running.interrupt();
        }
    }

    /**
     * Writes the stream until the outbox ends it, an event of one of the {@code endAfter} types is
     * delivered, or the client goes away; completes the response.
     */
    void run(Outbox outbox, List<SseEvent.Message> first, Set<String> endAfter) {
        writer = Thread.currentThread();
        counters.opened(this);
        try {
            response.setStatus(200);
            // Set as a whole header: Jetty leaves it as written (no charset rewriting).
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
            response.getHeaders().put("X-Accel-Buffering", "no");
            if (first.stream().anyMatch(event -> ends(event, endAfter))) {
                end(opening(first));
                return;
            }
            write(opening(first));
            while (true) {
                List<Delivery> batch = outbox.take(heartbeat);
                if (batch.isEmpty()) {
                    write(HEARTBEAT.duplicate());
                    continue;
                }
                ByteBuffer frames = frames(batch, endAfter);
                if (ending) {
                    end(frames);
                    return;
                }
                write(frames);
            }
        } catch (IOException e) {
            LOG.debug("stream ended: {}", e.toString());
            fail(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        } finally {
            counters.closed(this);
        }
    }

    private ByteBuffer opening(List<SseEvent.Message> first) {
        if (first.isEmpty()) {
            return ByteBuffer.wrap(retryFrame);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(retryFrame);
        first.forEach(event -> out.writeBytes(SseEncoder.encode(event)));
        return ByteBuffer.wrap(out.toByteArray());
    }

    /** True if and only if the stream ends after {@code event} (an unnamed one never ends it). */
    private static boolean ends(SseEvent.Message event, Set<String> endAfter) {
        return event.type() != null && !endAfter.isEmpty() && endAfter.contains(event.type());
    }

    /**
     * Everything taken at once as one buffer, up to the delivery the stream ends with, if any
     * ({@link #ending} then says so); one event alone is its shared bytes, uncopied. A gap becomes
     * the snapshots of its topics (and a reset event for those without), after which the events
     * those snapshots already show are skipped — an ending event among them still ends the stream,
     * as does an ending event among the snapshots themselves.
     */
    private ByteBuffer frames(List<Delivery> batch, Set<String> endAfter) {
        if (batch.size() == 1 && batch.getFirst() instanceof HubEvent event && !repair.covers(event)
                && !ends(event.message(), endAfter)) {
            return event.frame();
        }
        List<byte[]> parts = new ArrayList<>(batch.size());
        int size = 0;
        for (Delivery delivery : batch) {
            byte[] part = switch (delivery) {
                case HubEvent event -> {
                    ending = ends(event.message(), endAfter);
                    yield repair.covers(event) ? new byte[0] : event.wire();
                }
                case Replay.Gap gap -> repaired(gap, endAfter);
                case Delivery.Shutdown shutdown -> {
                    ending = true;
                    yield SseEncoder.encode(shutdown.finalEvent());
                }
                case Delivery.Overflow overflow -> {
                    ending = true;
                    yield new byte[0];
                }
            };
            parts.add(part);
            size += part.length;
            if (ending) {
                break;
            }
        }
        ByteBuffer all = ByteBuffer.allocate(size);
        parts.forEach(all::put);
        return all.flip();
    }

    /** The snapshots that replace a gap, then a reset event for the topics none covers. */
    private byte[] repaired(Replay.Gap gap, Set<String> endAfter) {
        GapRepair.Repair repaired;
        try {
            repaired = repair.repair(gap);
        } catch (RuntimeException e) {
            LOG.warn("snapshot of {} failed: reporting the gap instead", gap.topics(), e);
            return ResetEvent.encode(gap);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (SseEvent.Message event : repaired.snapshots()) {
            out.writeBytes(SseEncoder.encode(event));
            ending |= ends(event, endAfter);
        }
        repaired.lost().ifPresent(lost -> out.writeBytes(ResetEvent.encode(lost)));
        return out.toByteArray();
    }

    private void write(ByteBuffer bytes) throws IOException {
        writing = true;
        try (Blocker.Callback written = Blocker.callback()) {
            response.write(false, bytes, written);
            written.block();
        } finally {
            writing = false;
        }
    }

    /**
     * Writes the last bytes and ends the response normally — unless the peer does not take them
     * within a heartbeat: after an overflow it may well have stopped reading, and the end of the
     * response must not wait on it until the idle timeout. Then the response is failed (the
     * connection or HTTP/2 stream aborted), which also fails the pending write.
     */
    private void end(ByteBuffer last) throws IOException {
        writing = true;
        try (Blocker.Callback written = Blocker.callback()) {
            response.write(true, last, written);
            try {
                written.block(heartbeat.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                fail(new IOException("the peer did not take the stream's last bytes within " + heartbeat));
                blockAfterAbort(written);
                return;
            }
        } finally {
            writing = false;
        }
        if (completed.compareAndSet(false, true)) {
            callback.succeeded();
        }
    }

    /** The aborted response fails the pending write at once; the bound is only a safety net. */
    private void blockAfterAbort(Blocker.Callback written) throws IOException {
        try {
            written.block(heartbeat.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            LOG.warn("a write was still pending {} after its response was aborted", heartbeat);
        }
    }

    private void fail(Throwable cause) {
        if (completed.compareAndSet(false, true)) {
            callback.failed(cause);
        }
    }
}
