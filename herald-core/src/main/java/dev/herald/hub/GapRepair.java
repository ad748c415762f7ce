package dev.herald.hub;

import dev.herald.sse.SseEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a {@link Replay.Gap} into snapshots, for one subscription's writer: the topics a
 * {@link SnapshotSource} covers are re-rendered, and afterwards every event of those topics at or
 * below its snapshot's position is skipped — it is already in the snapshot. So across a gap nothing
 * is lost (events after the position are written) and nothing is doubled (events at or before it
 * are not).
 *
 * <p>An event published to several subscribed topics is skipped only when every one of them was
 * snapshotted at or after it: a topic that was replayed exactly still needs it.
 *
 * <p>Not thread-safe: one per stream, used by its writer thread only.
 */
public final class GapRepair {

    private final SnapshotSource source;
    private final Set<String> subscribedTopics;
    private final Map<String, Long> snapshotAt = new HashMap<>();

    /**
     * @param source           where snapshots come from
     * @param subscribedTopics the topics of the subscription
     */
    public GapRepair(SnapshotSource source, Set<String> subscribedTopics) {
        this.source = Objects.requireNonNull(source, "source");
        this.subscribedTopics = Set.copyOf(subscribedTopics);
    }

    /**
     * What to write for {@code gap}: the snapshot events of the topics the source covers (in the
     * order of the topics' names), and the gap that is left for the others, if any — reported to
     * the client as lost history.
     *
     * @throws RuntimeException whatever the source throws; no snapshot is then recorded
     */
    public Repair repair(Replay.Gap gap) {
        Map<String, SnapshotSource.Snapshot> taken = new TreeMap<>();
        Set<String> lost = new LinkedHashSet<>();
        for (String topic : new TreeSet<>(gap.topics())) {
            Optional<SnapshotSource.Snapshot> snapshot = source.snapshot(topic);
            if (snapshot.isPresent()) {
                taken.put(topic, snapshot.get());
            } else {
                lost.add(topic);
            }
        }
        taken.forEach((topic, snapshot) -> snapshotAt.put(topic, snapshot.sequence()));
        Optional<Replay.Gap> left = lost.isEmpty()
                ? Optional.empty()
                : Optional.of(new Replay.Gap(gap.reason(), gap.lastEventId(), lost, List.of()));
        return new Repair(taken, left);
    }

    /** True if and only if every subscribed topic of {@code event} was snapshotted at or after it. */
    public boolean covers(HubEvent event) {
        if (snapshotAt.isEmpty()) {
            return false;
        }
        boolean any = false;
        for (String topic : event.topics()) {
            if (!subscribedTopics.contains(topic)) {
                continue;
            }
            Long at = snapshotAt.get(topic);
            if (at == null || at < event.position()) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /**
     * What a stream writes in place of a gap.
     *
     * @param byTopic the snapshot of each re-rendered topic, in the order of the topics' names
     * @param lost    the gap of the topics no snapshot covered, to report as such; empty when
     *                every topic was re-rendered
     */
    public record Repair(Map<String, SnapshotSource.Snapshot> byTopic, Optional<Replay.Gap> lost) {
        public Repair {
            byTopic = Collections.unmodifiableMap(new LinkedHashMap<>(byTopic));
            Objects.requireNonNull(lost, "lost");
        }

        /** The snapshot events of every re-rendered topic, to write first, in the order of {@link #byTopic}. */
        public List<SseEvent.Message> snapshots() {
            List<SseEvent.Message> events = new ArrayList<>();
            byTopic.values().forEach(snapshot -> events.addAll(snapshot.events()));
            return List.copyOf(events);
        }
    }
}
