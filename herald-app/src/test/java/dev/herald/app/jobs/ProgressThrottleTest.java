package dev.herald.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressThrottleTest {

    private static final long MS = 1_000_000;
    private final ProgressThrottle throttle = new ProgressThrottle();

    @Test
    void publishesTheFirstReportAndEveryNewStageAtOnce() {
        assertThat(throttle.due("Hashing", 0, 0)).isTrue();
        assertThat(throttle.due("Counting", 33, MS)).isTrue();
    }

    @Test
    void publishesANewPercentageAtMostEveryHundredMilliseconds() {
        throttle.due("Hashing", 0, 0);

        assertThat(throttle.due("Hashing", 1, 50 * MS)).isFalse();
        assertThat(throttle.due("Hashing", 2, 100 * MS)).isTrue();
        assertThat(throttle.due("Hashing", 2, 300 * MS)).as("same percentage").isFalse();
        assertThat(throttle.due("Hashing", 3, 301 * MS)).isTrue();
    }
}
