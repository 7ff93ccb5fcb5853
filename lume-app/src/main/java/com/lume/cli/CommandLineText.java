package com.lume.cli;

import io.outbox.jpa.cli.BadInputException;

/**
 * Text typed on the command line, as the JVM decoded it. Bytes that are not UTF-8 (or not text
 * of the locale's charset) arrive as U+FFFD, and keeping that would store and sync a mangled
 * private text without a word; an unpaired surrogate cannot be sent as UTF-8 at all. Both are
 * refused, without quoting the text. Stateless.
 */
final class CommandLineText {
    private static final char REPLACEMENT = '\uFFFD';

    private CommandLineText() {
    }

    /** {@code value} (null when the option was not given), if it is whole text. */
    static String decoded(String option, String value) {
        if (value != null && !wellFormed(value)) {
            throw new BadInputException(option + " holds bytes that are not UTF-8 text; give it as UTF-8 (is the"
                    + " terminal's locale UTF-8?)");
        }
        return value;
    }

    private static boolean wellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == REPLACEMENT || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
