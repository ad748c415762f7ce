package dev.herald.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SparklineTest {

    @Test
    void scalesFromZeroToTheLargestValueAcrossTheWidth() {
        assertThat(Sparkline.points(List.of(0.0, 5.0, 10.0), 3)).isEqualTo("0.0,47.0 150.0,24.0 300.0,1.0");
    }

    @Test
    void fewerValuesThanSlotsAreDrawnAtTheRightEnd() {
        assertThat(Sparkline.points(List.of(1.0, 1.0), 4)).isEqualTo("200.0,1.0 300.0,1.0");
    }

    @Test
    void allZeroOrNotANumberIsAFlatLineAtTheBottom() {
        assertThat(Sparkline.points(List.of(0.0, Double.NaN), 2)).isEqualTo("0.0,47.0 300.0,47.0");
    }
}
