package io.rmbsim.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfidenceIntervalTest {

    static List<BigDecimal> of(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void threeSamplesByHand() {
        // 1, 2, 3: mean 2, sample sd 1, half width t(0.975, 2) x 1 / sqrt 3 = 4.303 / 1.7320508 = 2.484338
        SimulationReport.Estimate e = ConfidenceInterval.of(of("1", "2", "3"));
        assertThat(e.mean()).isEqualTo("2.000000");
        assertThat(e.sd()).isEqualTo("1.000000");
        assertThat(e.low()).isEqualTo("-0.484338");
        assertThat(e.high()).isEqualTo("4.484338");
        assertThat(e.n()).isEqualTo(3);
    }

    @Test
    void fourSamplesByHand() {
        // 0.5, 0.7, 0.6, 0.9: mean 0.675; squares 0.030625 + 0.000625 + 0.005625 + 0.050625 = 0.0875,
        // sd sqrt(0.0875 / 3) = 0.170783; half width 3.182 x 0.170783 / 2 = 0.271715
        SimulationReport.Estimate e = ConfidenceInterval.of(of("0.5", "0.7", "0.6", "0.9"));
        assertThat(e.mean()).isEqualTo("0.675000");
        assertThat(e.sd()).isEqualTo("0.170783");
        assertThat(e.low()).isEqualTo("0.403285");
        assertThat(e.high()).isEqualTo("0.946715");
    }

    @Test
    void identicalSamplesHaveNoWidth() {
        SimulationReport.Estimate e = ConfidenceInterval.of(of("0.25", "0.25", "0.25"));
        assertThat(e.low()).isEqualTo(e.mean()).isEqualTo(e.high()).isEqualTo("0.250000");
    }

    @Test
    void theQuantileFallsTowardsTheNormalOne() {
        assertThat(ConfidenceInterval.t975(1)).isEqualByComparingTo("12.706");
        assertThat(ConfidenceInterval.t975(30)).isEqualByComparingTo("2.042");
        assertThat(ConfidenceInterval.t975(100)).isEqualByComparingTo("1.960");
    }
}
