package com.lume.wellness;

import java.util.Optional;

/**
 * The rules for the user's own words (titles, contents, notes). Every message names the option
 * and the limit but never quotes the text: it may be private, and messages end up on screens and
 * in logs. Stateless.
 */
public final class Texts {
    private Texts() {
    }

    /** One line of text: not blank, at most {@code max} characters, no control characters. */
    public static String requireLine(String option, String text, int max) {
        String value = requireText(option, text, max);
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidEntryException(option + " must be one line without control characters");
        }
        return value;
    }

    /** Free text: not blank, at most {@code max} characters, no control characters but tab and line breaks. */
    public static String requireParagraphs(String option, String text, int max) {
        String value = requireText(option, text, max);
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new InvalidEntryException(option + " must not hold control characters other than tabs and line"
                    + " breaks");
        }
        return value;
    }

    /** {@link #requireParagraphs} for an optional text. */
    public static Optional<String> optionalParagraphs(String option, Optional<String> text, int max) {
        return text.map(t -> requireParagraphs(option, t, max));
    }

    private static String requireText(String option, String text, int max) {
        if (text == null || text.isBlank()) {
            throw new InvalidEntryException(option + " must not be blank");
        }
        int length = text.codePointCount(0, text.length());
        if (length > max) {
            throw new InvalidEntryException(option + " is " + length + " characters long; at most " + max
                    + " are accepted");
        }
        return text;
    }
}
