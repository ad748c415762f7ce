package dev.herald.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PresenceTest {

    private final Presence presence = new Presence();

    @Test
    void aUserIsListedFromTheirFirstStreamAndLeavesOnlyWhenTheGraceEndsWithNoStreamBack() {
        assertThat(presence.open(1, "ann")).isTrue();
        assertThat(presence.open(1, "ann")).as("a second tab changes nothing").isFalse();
        assertThat(presence.open(1, "Bob")).isTrue();
        assertThat(presence.list(1)).containsExactly("ann", "Bob");

        assertThat(presence.close(1, "ann")).isFalse();
        assertThat(presence.close(1, "ann")).as("the last stream").isTrue();
        assertThat(presence.list(1)).as("still listed during the grace").containsExactly("ann", "Bob");
        assertThat(presence.expire(1, "ann")).isTrue();
        assertThat(presence.list(1)).containsExactly("Bob");
    }

    @Test
    void aReconnectWithinTheGraceNeitherLeavesNorJoins() {
        presence.open(1, "ann");
        assertThat(presence.close(1, "ann")).isTrue();

        assertThat(presence.open(1, "ann")).isFalse();
        assertThat(presence.expire(1, "ann")).isFalse();
        assertThat(presence.list(1)).containsExactly("ann");
    }

    @Test
    void roomsAreApartAndUnknownClosesAreIgnored() {
        presence.open(1, "ann");

        assertThat(presence.close(2, "ann")).isFalse();
        assertThat(presence.list(2)).isEmpty();
        assertThat(presence.list(1)).containsExactly("ann");
    }
}
