package dev.herald.stream;

import dev.herald.hub.Delivery;
import dev.herald.hub.GapRepair;
import dev.herald.hub.HubEvent;
import dev.herald.hub.Replay;
import dev.herald.hub.SnapshotSource;
import dev.herald.sse.SseEncoder;
import dev.herald.sse.SseEvent;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns what a stream has to say into writes: the opening, a batch of deliveries, a heartbeat.
 * Everything polled at once becomes one write; one event alone is its shared bytes, uncopied.
 */
final class Frames {

    private static final byte[] HEARTBEAT = SseEncoder.encode(SseEvent.comment(""));
    private static final byte[] NOTHING = new byte[0];
    private static final System.Logger LOG = System.getLogger(Frames.class.getName());

    private Frames() {
    }

    /**
     * One write: its bytes, and whether the stream ends after them.
     *
     * @param bytes read by the sink, never changed
     * @param last  the stream's last write: the response ends normally after it
     */
    record Frame(ByteBuffer bytes, boolean last) {

        /** A bare {@code :} comment line: keeps the stream alive and finds a peer that is gone. */
        static Frame heartbeat() {
            return new Frame(ByteBuffer.wrap(HEARTBEAT).asReadOnlyBuffer(), false);
        }

        /** No bytes, and the end of the response. */
        static Frame end() {
            return new Frame(ByteBuffer.wrap(NOTHING), true);
        }
    }

    /** The retry delay and the plan's first events; the last write if one of them ends the stream. */
    static Frame opening(byte[] retryFrame, StreamPlan plan) {
        if (plan.first().isEmpty()) {
            return new Frame(ByteBuffer.wrap(retryFrame).asReadOnlyBuffer(), false);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(retryFrame);
        boolean last = false;
        for (SseEvent.Message event : plan.first()) {
            byte[] bytes = SseEncoder.encode(event);
            out.writeBytes(plan.routed() ? Routes.toEveryPage(bytes) : bytes);
            if (plan.endsAfter(event)) {
                last = true;
                break;
            }
        }
        return new Frame(ByteBuffer.wrap(out.toByteArray()), last);
    }

    /** True if and only if writing {@code batch} needs the snapshot source, which may block. */
    static boolean needsRepair(List<Delivery> batch) {
        for (Delivery delivery : batch) {
            if (delivery instanceof Replay.Gap) {
                return true;
            }
        }
        return false;
    }

    /**
     * Everything polled at once as one write, up to the delivery the stream ends with, if any. A gap
     * becomes the snapshots of its topics (and the gap notice for those without), after which the
     * events those snapshots already show are skipped — an ending event among them still ends the
     * stream, as does an ending event among the snapshots themselves. An overflow ends the stream
     * with what came before it; a shutdown with the hub's final event.
     *
     * @param repair     the stream's gap repair; {@code null} when it never had a gap (then it must
     *                   not have one now, see {@link #needsRepair})
     * @param gapNotice  how a gap no snapshot covers is told to the client
     * @param routes     the route lines of a routed plan's events
     */
    static Frame of(List<Delivery> batch, GapRepair repair, StreamPlan plan, Function<Replay.Gap, byte[]> gapNotice,
                    Routes routes) {
        if (batch.size() == 1 && batch.getFirst() instanceof HubEvent event && !covered(repair, event)
                && !plan.endsAfter(event.message())) {
            return new Frame(plan.routed()
                    ? ByteBuffer.wrap(routes.of(event, plan.topics())).asReadOnlyBuffer()
                    : event.frame(), false);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size(batch));
        for (Delivery delivery : batch) {
            boolean ends = switch (delivery) {
                case HubEvent event -> {
                    if (!covered(repair, event)) {
                        out.writeBytes(plan.routed() ? routes.of(event, plan.topics()) : event.wire());
                    }
                    yield plan.endsAfter(event.message());
                }
                case Replay.Gap gap -> repaired(gap, repair, plan, gapNotice, out);
                case Delivery.Shutdown shutdown -> {
                    byte[] bytes = SseEncoder.encode(shutdown.finalEvent());
                    out.writeBytes(plan.routed() ? Routes.toEveryPage(bytes) : bytes);
                    yield true;
                }
                case Delivery.Overflow overflow -> true;
            };
            if (ends) {
                return new Frame(ByteBuffer.wrap(out.toByteArray()), true);
            }
        }
        return new Frame(ByteBuffer.wrap(out.toByteArray()), false);
    }

    private static boolean covered(GapRepair repair, HubEvent event) {
        return repair != null && repair.covers(event);
    }

    /** Writes the snapshots that replace a gap, then the notice for the topics none covers; true if one ends the stream. */
    private static boolean repaired(Replay.Gap gap, GapRepair repair, StreamPlan plan, Function<Replay.Gap, byte[]> gapNotice,
                                    ByteArrayOutputStream out) {
        GapRepair.Repair repaired;
        try {
            repaired = repair.repair(gap);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "snapshot of " + gap.topics() + " failed: reporting the gap instead", e);
            out.writeBytes(notice(gap, plan, gapNotice));
            return false;
        }
        boolean ends = false;
        for (Map.Entry<String, SnapshotSource.Snapshot> snapshot : repaired.byTopic().entrySet()) {
            for (SseEvent.Message event : snapshot.getValue().events()) {
                byte[] bytes = SseEncoder.encode(event);
                out.writeBytes(plan.routed() ? Routes.snapshot(snapshot.getKey(), snapshot.getValue(), bytes) : bytes);
                ends |= plan.endsAfter(event);
            }
        }
        repaired.lost().ifPresent(lost -> out.writeBytes(notice(lost, plan, gapNotice)));
        return ends;
    }

    /** The notice of a gap no snapshot covers; routed to the pages of its topics. */
    private static byte[] notice(Replay.Gap gap, StreamPlan plan, Function<Replay.Gap, byte[]> gapNotice) {
        byte[] bytes = gapNotice.apply(gap);
        return plan.routed() ? Routes.toTopics(gap.topics(), bytes) : bytes;
    }

    private static int size(List<Delivery> batch) {
        int size = 0;
        for (Delivery delivery : batch) {
            if (delivery instanceof HubEvent event) {
                size += event.size();
            }
        }
        return Math.max(size, 32);
    }
}
