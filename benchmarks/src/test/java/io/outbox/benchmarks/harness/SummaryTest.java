package io.outbox.benchmarks.harness;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SummaryTest {
    @Test
    void givenRepetitions_whenSummarised_thenMinMedianMaxAndSamplesInRunOrder() {
        Summary summary = Summary.of(List.of(30.0, 10.0, 20.0));

        assertThat(summary.min()).isEqualTo(10.0);
        assertThat(summary.median()).isEqualTo(20.0);
        assertThat(summary.max()).isEqualTo(30.0);
        assertThat(summary.samples()).containsExactly(30.0, 10.0, 20.0);
    }

    @Test
    void givenNoSamples_whenSummarised_thenRefused() {
        assertThatThrownBy(() -> Summary.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenOursAndBaseline_whenRatio_thenOursMedianOverBaselineMedian() {
        Row row = new Row("drain", "derby", "best", "events/s", Optional.of(Summary.of(List.of(1.0, 2.0, 9.0))),
                Optional.of(Summary.of(List.of(4.0, 8.0, 5.0))), Optional.empty(), "");

        assertThat(row.ratio()).contains(0.4);
    }

    @Test
    void givenNoBaseline_whenRatio_thenNone() {
        Row row = Row.oursOnly("drain", "derby", "sweep", "events/s", Summary.single(3.0));

        assertThat(row.ratio()).isEmpty();
    }
}
