package dev.herald.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PresenceTest {

    private final Presence presence = new Presence();

    @Test
    void aUserIsListedFromTheirFirstPageAndLeavesOnlyWhenTheGraceEndsWithNoPageBack() {
        assertThat(presence.open(1, "ann", "tab-1")).isTrue();
        assertThat(presence.open(1, "ann", "tab-2")).as("a second tab changes nothing").isFalse();
        assertThat(presence.open(1, "Bob", "tab-3")).isTrue();
        assertThat(presence.list(1)).containsExactly("ann", "Bob");

        assertThat(presence.close(1, "ann", "tab-1")).isFalse();
        assertThat(presence.close(1, "ann", "tab-2")).as("the last page").isTrue();
        assertThat(presence.list(1)).as("still listed during the grace").containsExactly("ann", "Bob");
        assertThat(presence.expire(1, "ann")).isTrue();
        assertThat(presence.list(1)).containsExactly("Bob");
    }

    @Test
    void aPagesLeaveBeaconAndItsStreamsEndAreOneLeave() {
        presence.open(1, "ann", "tab-1");
        presence.open(1, "ann", "tab-2");

        assertThat(presence.close(1, "ann", "tab-1")).as("the beacon").isFalse();
        assertThat(presence.close(1, "ann", "tab-1")).as("then its stream's end: already gone").isFalse();

        assertThat(presence.list(1)).as("tab 2 is still open").containsExactly("ann");
        assertThat(presence.close(1, "ann", "tab-2")).isTrue();
    }

    @Test
    void aReloadWithinTheGraceNeitherLeavesNorJoins() {
        presence.open(1, "ann", "before");
        assertThat(presence.close(1, "ann", "before")).isTrue();

        assertThat(presence.open(1, "ann", "after")).isFalse();
        assertThat(presence.expire(1, "ann")).isFalse();
        assertThat(presence.list(1)).containsExactly("ann");
    }

    @Test
    void roomsAreApartAndUnknownClosesAreIgnored() {
        presence.open(1, "ann", "tab-1");

        assertThat(presence.close(2, "ann", "tab-1")).isFalse();
        assertThat(presence.close(1, "ann", "unknown")).isFalse();
        assertThat(presence.list(2)).isEmpty();
        assertThat(presence.list(1)).containsExactly("ann");
    }
}
