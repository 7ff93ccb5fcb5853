package io.outbox.benchmarks.harness;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StatsTest {
    @Test
    void givenOddCount_whenMedian_thenMiddleValueWhateverTheOrder() {
        assertThat(Stats.median(List.of(9.0, 1.0, 5.0))).isEqualTo(5.0);
    }

    @Test
    void givenEvenCount_whenMedian_thenMeanOfTheTwoMiddleValues() {
        assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }

    @Test
    void givenOneSample_whenAnyPercentile_thenThatSample() {
        assertThat(Stats.percentile(List.of(7.0), 0)).isEqualTo(7.0);
        assertThat(Stats.percentile(List.of(7.0), 99)).isEqualTo(7.0);
    }

    @Test
    void givenOneToHundred_whenPercentiles_thenInterpolatedBetweenClosestRanks() {
        List<Double> values = new ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            values.add((double) i);
        }
        assertThat(Stats.percentile(values, 0)).isEqualTo(1.0);
        assertThat(Stats.percentile(values, 50)).isEqualTo(50.5);
        assertThat(Stats.percentile(values, 95)).isCloseTo(95.05, within(1e-9));
        assertThat(Stats.percentile(values, 99)).isCloseTo(99.01, within(1e-9));
        assertThat(Stats.percentile(values, 100)).isEqualTo(100.0);
    }

    @Test
    void givenOneSlowOutlier_whenP99OfThousand_thenOutlierBarelyShows() {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 999; i++) {
            values.add(1.0);
        }
        values.add(1_000.0);
        assertThat(Stats.percentile(values, 99)).isEqualTo(1.0);
        assertThat(Stats.percentile(values, 100)).isEqualTo(1_000.0);
    }

    @Test
    void givenIntegers_whenMedian_thenNumbersOfAnyKindAreAccepted() {
        assertThat(Stats.median(List.of(3, 1L, 2.0f))).isEqualTo(2.0);
    }

    @Test
    void givenNoSamples_whenPercentile_thenRefused() {
        assertThatThrownBy(() -> Stats.percentile(List.of(), 50)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenPercentileOutOfRange_whenAsked_thenRefused() {
        assertThatThrownBy(() -> Stats.percentile(List.of(1.0), 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stats.percentile(List.of(1.0), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenNaN_whenPercentile_thenRefused() {
        assertThatThrownBy(() -> Stats.median(List.of(1.0, Double.NaN))).isInstanceOf(IllegalArgumentException.class);
    }
}
