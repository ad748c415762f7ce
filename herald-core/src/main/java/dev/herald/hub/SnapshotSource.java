package dev.herald.hub;

import dev.herald.sse.SseEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The authoritative current state of a topic, for a subscriber whose history of it is gone
 * ({@link Replay.Gap}): instead of being told to start over, the subscriber receives the
 * snapshot's events, then every event published after the snapshot's position. See
 * {@link GapRepair}, which a server's stream writer uses to apply it.
 *
 * <p><b>Consistency.</b> A snapshot is read at a hub position: every event of the topic at or
 * before {@link Snapshot#position()} must be reflected in it, and none after. Read the state and
 * {@link Hub#position()} under the same lock that publishers of the topic hold while they change
 * the state and publish — as a page render does — and this holds.
 *
 * <p><b>Threading.</b> Called on a stream's writer thread, never under the hub's lock, so it may
 * block (read a database). It must be thread-safe.
 */
@FunctionalInterface
public interface SnapshotSource {

    /** The source with no snapshots: every gap is reported as such. */
    static SnapshotSource none() {
        return topic -> Optional.empty();
    }

    /**
     * The topic's snapshot now, or empty when this source does not cover the topic (the subscriber
     * is then told its history is gone).
     */
    Optional<Snapshot> snapshot(String topic);

    /** This source's snapshot of a topic, else {@code other}'s. */
    default SnapshotSource orElse(SnapshotSource other) {
        Objects.requireNonNull(other, "other");
        return topic -> {
            Optional<Snapshot> mine = snapshot(topic);
            return mine.isPresent() ? mine : other.snapshot(topic);
        };
    }

    /**
     * A topic's state as events to write, read at a hub position.
     *
     * @param position the hub position ({@link Hub#position()}) the state was read at
     * @param events   what the subscriber receives in place of the lost history, in order; without
     *                 ids, so the client's Last-Event-ID stays where it was until the next live
     *                 event (a reconnect before it re-renders again, which is harmless; an id here
     *                 could skip events of other topics not yet written)
     */
    record Snapshot(String position, List<SseEvent.Message> events) {
        public Snapshot {
            Objects.requireNonNull(position, "position");
            if (!HubId.hasShape(position)) {
                throw new IllegalArgumentException("snapshot position \"" + position
                        + "\" is not a hub position (#<epoch>:<position>, as Hub.position() returns)");
            }
            events = List.copyOf(events);
            for (SseEvent.Message event : events) {
                if (event.id() != null) {
                    throw new IllegalArgumentException("snapshot event of type " + event.type()
                            + " has id \"" + event.id() + "\": snapshot events carry no id");
                }
            }
        }

        /** The position as a number, comparable to {@link HubEvent#position()}. */
        public long sequence() {
            return HubId.positionOf(position);
        }
    }
}
