package io.outbox.benchmarks.harness;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RepetitionsTest {
    @Test
    void givenTwoTrials_whenPaired_thenWarmupsDroppedAndRunsInterleaved() {
        List<String> calls = new ArrayList<>();
        double[] next = {0};
        Trial ours = () -> {
            calls.add("ours");
            return ++next[0];
        };
        Trial baseline = () -> {
            calls.add("baseline");
            return 100 + next[0];
        };

        Repetitions.Paired figures = new Repetitions(1, 3).paired("test", ours, baseline);

        assertThat(calls).containsExactly("ours", "baseline", "ours", "baseline", "ours", "baseline",
                "ours", "baseline");
        assertThat(figures.ours().samples()).containsExactly(2.0, 3.0, 4.0);
        assertThat(figures.baseline().samples()).containsExactly(102.0, 103.0, 104.0);
    }

    @Test
    void givenSeveralFiguresPerRun_whenInterleaved_thenOneSummaryPerTrialAndFigure() {
        int[] run = {0};
        List<List<Summary>> figures = new Repetitions(0, 2).interleavedFigures("test", List.of(
                () -> List.of(1.0 + run[0]++, 10.0), () -> List.of(5.0, 50.0)));

        assertThat(figures.get(0).get(0).samples()).containsExactly(1.0, 2.0);
        assertThat(figures.get(0).get(1).samples()).containsExactly(10.0, 10.0);
        assertThat(figures.get(1).get(1).median()).isEqualTo(50.0);
    }
}
