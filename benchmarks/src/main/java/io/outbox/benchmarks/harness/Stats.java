package io.outbox.benchmarks.harness;

import java.util.Arrays;
import java.util.Collection;

/**
 * Order statistics without a histogram library: samples are few (repetitions) or at most a
 * few thousand (latencies), so sorting a copy is cheap and exact. Stateless.
 */
public final class Stats {
    private Stats() {
    }

    /**
     * The {@code p}-th percentile (0 to 100) with linear interpolation between the two closest
     * ranks (the "R-7" definition of spreadsheets and NumPy): p0 is the minimum, p100 the maximum.
     */
    public static double percentile(Collection<? extends Number> samples, double p) {
        return percentileOfSorted(sorted(samples), p);
    }

    /** The middle value, or the mean of the two middle values of an even count. */
    public static double median(Collection<? extends Number> samples) {
        return percentile(samples, 50);
    }

    static double percentileOfSorted(double[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0, 100], was " + p);
        }
        double rank = p / 100 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }

    static double[] sorted(Collection<? extends Number> samples) {
        double[] values = samples.stream().mapToDouble(Number::doubleValue).toArray();
        for (double value : values) {
            if (Double.isNaN(value)) {
                throw new IllegalArgumentException("a sample is not a number");
            }
        }
        Arrays.sort(values);
        return values;
    }
}
