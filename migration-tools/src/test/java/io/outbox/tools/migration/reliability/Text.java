package io.outbox.tools.migration.reliability;

import java.util.Locale;
import java.util.Random;

/** Seeded random text for fuzzing: every kind of character a Java string (and so a VARCHAR) can hold. Stateless. */
final class Text {
    private static final String WHITE = " \t\n\r\u000B\f\u00A0\u2003\u3000\u200B";
    private static final String PADDING = " \t\n";

    private Text() {
    }

    /** Exactly {@code length} UTF-16 chars: ASCII, controls and NUL, accents, CJK, emoji, lone surrogates, odd spaces. */
    static String random(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            int pick = random.nextInt(100);
            if (pick < 40) {
                text.append((char) (0x20 + random.nextInt(0x5F)));
            } else if (pick < 50) {
                text.append((char) (random.nextInt(8) == 0 ? 0x7F : random.nextInt(0x20)));
            } else if (pick < 60) {
                text.append((char) (0xA1 + random.nextInt(0x15E)));
            } else if (pick < 68) {
                text.append((char) (0x4E00 + random.nextInt(0x5000)));
            } else if (pick < 76 && text.length() + 2 <= length) {
                text.appendCodePoint(0x1F600 + random.nextInt(0x50));
            } else if (pick < 80) {
                text.append((char) (0xD800 + random.nextInt(0x800))); // a lone surrogate, high or low
            } else if (pick < 90) {
                text.append(WHITE.charAt(random.nextInt(WHITE.length())));
            } else {
                text.append((char) (0xFF10 + random.nextInt(0x30))); // full-width digits and letters
            }
        }
        return text.toString();
    }

    /** {@code text} as is (mode 0), upper case (1), or each letter's case at random (2). */
    static String casing(Random random, String text, int mode) {
        if (mode == 0) {
            return text;
        }
        if (mode == 1) {
            return text.toUpperCase(Locale.ROOT);
        }
        StringBuilder mixed = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            mixed.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return mixed.toString();
    }

    /** {@code text}, now and then with spaces, tabs or newlines around it, at most {@code max} chars in all. */
    static String padded(Random random, String text, int max) {
        if (random.nextInt(5) != 0) {
            return text;
        }
        StringBuilder padded = new StringBuilder(text);
        int room = max - text.length();
        for (int i = 0; i < room && random.nextInt(3) != 0; i++) {
            char pad = PADDING.charAt(random.nextInt(PADDING.length()));
            if (random.nextBoolean()) {
                padded.insert(0, pad);
            } else {
                padded.append(pad);
            }
        }
        return padded.toString();
    }
}
