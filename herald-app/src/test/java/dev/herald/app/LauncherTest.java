package dev.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LauncherTest {

    @Test
    void readsTheFeatureReleaseOfOldAndNewVersionStrings() {
        assertThat(Launcher.feature("1.8")).isEqualTo(8);
        assertThat(Launcher.feature("17")).isEqualTo(17);
        assertThat(Launcher.feature("25")).isEqualTo(25);
    }

    @Test
    void refusesInOneLineNamingBothVersions() {
        assertThat(Launcher.refusal(17)).isEqualTo("Herald needs Java 21 or newer; this is Java 17");
    }
}
