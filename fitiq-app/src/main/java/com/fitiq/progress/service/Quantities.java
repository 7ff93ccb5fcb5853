package com.fitiq.progress.service;

import com.fitiq.progress.InvalidEntryException;

import java.util.regex.Pattern;

/** Reads a quantity as typed: a plain decimal number such as 72 or 72.5. */
final class Quantities {
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,9}(\\.\\d{1,6})?");

    private Quantities() {
    }

    static double parse(String text) {
        if (text == null || !NUMBER.matcher(text.trim()).matches()) {
            throw new InvalidEntryException("--quantity '" + ProgressService.shorten(text)
                    + "' is not a number; use a decimal such as 72.5");
        }
        // adding 0.0 turns -0 into 0: "-0" is a valid zero, but -0.0 would be stored, listed and sent as such
        return Double.parseDouble(text.trim()) + 0.0;
    }
}
