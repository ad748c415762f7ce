package dev.herald.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.sse.SseEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GapRepairTest {

    private static final SseEvent.Message ROOM_STATE = SseEvent.message("herald-snapshot", "<ol>1..5</ol>");

    private static HubEvent event(long position, String... topics) {
        return new HubEvent(position, Set.of(topics), SseEvent.message("e" + position),
                ("data: e" + position + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    private static SnapshotSource source(Map<String, SnapshotSource.Snapshot> snapshots) {
        return topic -> Optional.ofNullable(snapshots.get(topic));
    }

    @Test
    void aCoveredTopicIsReRenderedAndItsEventsUpToTheSnapshotAreSkipped() {
        GapRepair repair = new GapRepair(source(Map.of("room", new SnapshotSource.Snapshot("#abcdefgh:5", List.of(ROOM_STATE)))),
                Set.of("room"));

        GapRepair.Repair repaired = repair.repair(new Replay.Gap(Replay.Reason.EXPIRED, "#abcdefgh:1", Set.of("room"), List.of()));

        assertThat(repaired.snapshots()).containsExactly(ROOM_STATE);
        assertThat(repaired.lost()).isEmpty();
        assertThat(repair.covers(event(4, "room"))).isTrue();
        assertThat(repair.covers(event(5, "room"))).isTrue();
        assertThat(repair.covers(event(6, "room"))).isFalse();
    }

    @Test
    void aTopicNoSourceCoversIsLeftAsAGapAndItsEventsAreNeverSkipped() {
        GapRepair repair = new GapRepair(source(Map.of("room", new SnapshotSource.Snapshot("#abcdefgh:5", List.of(ROOM_STATE)))),
                Set.of("room", "feed"));

        GapRepair.Repair repaired = repair.repair(
                new Replay.Gap(Replay.Reason.EARLIER_EPOCH, "zzzzzzzz:9", Set.of("room", "feed"), List.of()));

        assertThat(repaired.lost()).contains(new Replay.Gap(Replay.Reason.EARLIER_EPOCH, "zzzzzzzz:9", Set.of("feed"), List.of()));
        assertThat(repair.covers(event(3, "feed"))).isFalse();
        assertThat(repair.covers(event(3, "room", "feed"))).as("the feed still needs it").isFalse();
        assertThat(repair.covers(event(3, "room", "unsubscribed"))).isTrue();
    }

    @Test
    void nothingIsSkippedBeforeAnyRepair() {
        assertThat(new GapRepair(SnapshotSource.none(), Set.of("room")).covers(event(1, "room"))).isFalse();
    }

    @Test
    void sourcesAreAskedInOrder() {
        SnapshotSource first = source(Map.of("a", new SnapshotSource.Snapshot("#abcdefgh:1", List.of())));
        SnapshotSource second = source(Map.of("a", new SnapshotSource.Snapshot("#abcdefgh:2", List.of()),
                "b", new SnapshotSource.Snapshot("#abcdefgh:3", List.of())));

        SnapshotSource both = first.orElse(second);

        assertThat(both.snapshot("a")).map(SnapshotSource.Snapshot::position).contains("#abcdefgh:1");
        assertThat(both.snapshot("b")).map(SnapshotSource.Snapshot::position).contains("#abcdefgh:3");
        assertThat(both.snapshot("c")).isEmpty();
    }

    @Test
    void aSnapshotIsReadAtAHubPositionAndItsEventsCarryNoId() {
        assertThatThrownBy(() -> new SnapshotSource.Snapshot("42", List.of()))
                .hasMessageContaining("is not a hub position");
        assertThatThrownBy(() -> new SnapshotSource.Snapshot("#abcdefgh:1", List.of(SseEvent.message("x", "t", "d"))))
                .hasMessageContaining("snapshot events carry no id");
    }
}
