package dev.herald.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.db.Database;
import dev.herald.app.db.OnEachEngine;
import dev.herald.app.node.Node;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@OnEachEngine
class PresenceRepositoryTest {

    private static final String NODE = "node-a";

    private PresenceRepository presence;
    private long room;
    private long otherRoom;

    @BeforeEach
    void open(Database database) {
        presence = new PresenceRepository(database);
        ChatRepository rooms = new ChatRepository(database);
        room = rooms.createRoom("one", Instant.EPOCH).orElseThrow().id();
        otherRoom = rooms.createRoom("two", Instant.EPOCH).orElseThrow().id();
    }

    @Test
    void aUserIsListedFromTheirFirstPageAndLeavesOnlyWhenTheGraceEndsWithNoPageBack() {
        assertThat(presence.open(room, "ann", "tab-1", NODE)).isTrue();
        assertThat(presence.open(room, "ann", "tab-2", NODE)).as("a second tab changes nothing").isFalse();
        assertThat(presence.open(room, "Bob", "tab-3", "node-b")).as("on another node").isTrue();
        assertThat(presence.list(room)).containsExactly("ann", "Bob");

        assertThat(presence.close(room, "ann", "tab-1", NODE, 1_000)).isFalse();
        assertThat(presence.close(room, "ann", "tab-2", NODE, 2_000)).as("the last page").isTrue();
        assertThat(presence.list(room)).as("still listed during the grace").containsExactly("ann", "Bob");
        assertThat(presence.expire(room, "ann", 1_999)).as("tab 2's grace is not over").isFalse();
        assertThat(presence.expire(room, "ann", 2_000)).isTrue();
        assertThat(presence.list(room)).containsExactly("Bob");
    }

    @Test
    void aPagesLeaveBeaconAndItsStreamsEndAreOneLeave() {
        presence.open(room, "ann", "tab-1", NODE);
        presence.open(room, "ann", "tab-2", NODE);

        assertThat(presence.close(room, "ann", "tab-1", NODE, 1_000)).as("the beacon").isFalse();
        assertThat(presence.close(room, "ann", "tab-1", NODE, 1_500)).as("then its stream's end: already gone").isFalse();

        assertThat(presence.list(room)).as("tab 2 is still open").containsExactly("ann");
        assertThat(presence.close(room, "ann", "tab-2", NODE, 2_000)).isTrue();
    }

    @Test
    void aReloadWithinTheGraceNeitherLeavesNorJoins() {
        presence.open(room, "ann", "before", NODE);
        assertThat(presence.close(room, "ann", "before", NODE, 1_000)).isTrue();

        assertThat(presence.open(room, "ann", "after", "node-b")).as("reloaded, served by another node").isFalse();
        assertThat(presence.expire(room, "ann", 1_000)).isFalse();
        assertThat(presence.list(room)).containsExactly("ann");
    }

    @Test
    void roomsAreApartAndUnknownClosesAreIgnored() {
        presence.open(room, "ann", "tab-1", NODE);

        assertThat(presence.close(otherRoom, "ann", "tab-1", NODE, 1_000)).isFalse();
        assertThat(presence.close(room, "ann", "unknown", NODE, 1_000)).isFalse();
        assertThat(presence.list(otherRoom)).isEmpty();
        assertThat(presence.list(room)).containsExactly("ann");
    }

    @Test
    void thePagesOfANodeThatIsGoneAreRemovedWithTheRoomsTheyWereIn(Database database) {
        Node here = Node.join(database, Clock.systemUTC(), Duration.ofSeconds(10));
        presence.open(room, "ann", "tab-1", here.id());
        presence.open(room, "bob", "tab-2", "gone-node");
        presence.open(otherRoom, "bob", "tab-3", "gone-node");
        assertThat(presence.hasOrphans()).isTrue();

        assertThat(presence.removeOrphans()).containsExactly(room, otherRoom);

        assertThat(presence.hasOrphans()).isFalse();
        assertThat(presence.list(room)).containsExactly("ann");
        assertThat(presence.list(otherRoom)).isEmpty();
    }
}
