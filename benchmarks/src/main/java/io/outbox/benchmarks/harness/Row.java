package io.outbox.benchmarks.harness;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of the results: a measure of one scenario on one store, ours beside the baseline
 * measured in the same run, the ratio of their medians, and the target when there is one.
 * Immutable.
 */
public record Row(String scenario, String store, String measure, String unit, Optional<Summary> ours,
                  Optional<Summary> baseline, Optional<Verdict> verdict, String note) {
    public Row {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(ours, "ours");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(note, "note");
    }

    public static Row paired(String scenario, String store, String measure, String unit, Repetitions.Paired figures) {
        return new Row(scenario, store, measure, unit, Optional.of(figures.ours()), Optional.of(figures.baseline()),
                Optional.empty(), "");
    }

    public static Row oursOnly(String scenario, String store, String measure, String unit, Summary ours) {
        return new Row(scenario, store, measure, unit, Optional.of(ours), Optional.empty(), Optional.empty(), "");
    }

    /** Ours divided by the baseline, medians; for a throughput higher is better, for a time lower is. */
    public Optional<Double> ratio() {
        if (ours.isEmpty() || baseline.isEmpty() || baseline.get().median() == 0) {
            return Optional.empty();
        }
        return Optional.of(ours.get().median() / baseline.get().median());
    }

    public Row withVerdict(Verdict value) {
        return new Row(scenario, store, measure, unit, ours, baseline, Optional.of(value), note);
    }

    public Row withNote(String value) {
        return new Row(scenario, store, measure, unit, ours, baseline, verdict, value);
    }
}
