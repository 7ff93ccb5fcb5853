package com.lume.wellness.service;

import com.lume.wellness.InvalidEntryException;

import java.util.regex.Pattern;

/** Reads a valence as typed: a plain decimal from -1 to 1, such as -0.5, 0 or 0.75. */
final class Valences {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d{1,9}(\\.\\d{0,9})?|\\.\\d{1,9})");

    private Valences() {
    }

    static double parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (!NUMBER.matcher(trimmed).matches()) {
            throw new InvalidEntryException("--valence '" + shorten(trimmed) + "' is not a number; use a decimal"
                    + " from -1 to 1 such as 0.4");
        }
        double value = Double.parseDouble(trimmed);
        if (value < -1 || value > 1) {
            throw new InvalidEntryException("--valence " + trimmed + " is out of range; use a decimal from -1"
                    + " (worst) to 1 (best)");
        }
        return value;
    }

    private static String shorten(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 37) + "...";
    }
}
