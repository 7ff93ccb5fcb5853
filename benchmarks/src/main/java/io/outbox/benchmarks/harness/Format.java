package io.outbox.benchmarks.harness;

import java.util.Locale;

/** Numbers as the table shows them: thousands separated, three significant digits below 100. Stateless. */
public final class Format {
    private Format() {
    }

    public static String number(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    public static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
