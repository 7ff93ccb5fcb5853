package io.outbox.benchmarks.harness;

import java.util.List;

/** The figures of repeated runs of one measurement: min, median and max of the samples. Immutable. */
public record Summary(double min, double median, double max, List<Double> samples) {
    public Summary {
        samples = List.copyOf(samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a summary needs at least one sample");
        }
    }

    public static Summary of(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a summary needs at least one sample");
        }
        double[] sorted = Stats.sorted(samples);
        return new Summary(sorted[0], Stats.percentileOfSorted(sorted, 50), sorted[sorted.length - 1], samples);
    }

    public static Summary single(double value) {
        return of(List.of(value));
    }
}
