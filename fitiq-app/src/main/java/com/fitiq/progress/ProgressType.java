package com.fitiq.progress;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a progress entry measures, its one unit (docs/remote-api.md) and the quantities that make sense. */
public enum ProgressType {
    WEIGHT("weight", "kg", 1, 500, false),
    STEPS("steps", "count", 0, 200_000, true),
    HEART_RATE("heart_rate", "bpm", 20, 300, true),
    BODY_FAT("body_fat", "percent", 1, 75, false),
    HEIGHT("height", "cm", 30, 300, false);

    private final String wireName;
    private final String unit;
    private final double min;
    private final double max;
    private final boolean whole;

    ProgressType(String wireName, String unit, double min, double max, boolean whole) {
        this.wireName = wireName;
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.whole = whole;
    }

    public String wireName() {
        return wireName;
    }

    public String unit() {
        return unit;
    }

    public static Optional<ProgressType> parse(String text) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(text == null ? "" : text.trim()
                .toLowerCase(Locale.ROOT))).findFirst();
    }

    /** "weight, steps, heart_rate, body_fat, height": for messages. */
    public static String accepted() {
        return Arrays.stream(values()).map(ProgressType::wireName).collect(Collectors.joining(", "));
    }

    /** Why a quantity is not accepted for this type, if it is not. */
    public Optional<String> rejects(double quantity) {
        if (Double.isNaN(quantity) || Double.isInfinite(quantity) || quantity < min || quantity > max) {
            return Optional.of(wireName + " must be between " + format(min) + " and " + format(max) + " " + unit
                    + ", was " + format(quantity));
        }
        if (whole && quantity != Math.rint(quantity)) {
            return Optional.of(wireName + " must be a whole number of " + unit + ", was " + format(quantity));
        }
        return Optional.empty();
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }
}
