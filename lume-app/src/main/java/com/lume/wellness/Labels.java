package com.lume.wellness;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for a mood's labels: at most {@value #MAX_LABELS}, each 1 to {@value #MAX_LENGTH}
 * letters, digits, spaces, hyphens, underscores or apostrophes (starting with a letter or digit),
 * no label twice (case aside). Labels are kept as typed, surrounding spaces trimmed. Stateless.
 */
public final class Labels {
    public static final int MAX_LABELS = 10;
    public static final int MAX_LENGTH = 32;
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N} _'-]*");

    private Labels() {
    }

    /** The labels, trimmed and checked; an empty list is fine. */
    public static List<String> check(List<String> labels) {
        if (labels.size() > MAX_LABELS) {
            throw new InvalidEntryException(labels.size() + " labels given; at most " + MAX_LABELS + " are accepted");
        }
        List<String> checked = new ArrayList<>(labels.size());
        Set<String> seen = new HashSet<>();
        for (String raw : labels) {
            String label = raw == null ? "" : raw.strip();
            int length = label.codePointCount(0, label.length());
            if (length == 0 || length > MAX_LENGTH || !LABEL.matcher(label).matches()) {
                throw new InvalidEntryException("--label '" + shorten(label) + "' is not a label; use 1 to "
                        + MAX_LENGTH + " letters, digits, spaces, - _ or ', starting with a letter or digit");
            }
            if (!seen.add(label.toLowerCase(Locale.ROOT))) {
                throw new InvalidEntryException("--label '" + label + "' is given twice; give each label once");
            }
            checked.add(label);
        }
        return List.copyOf(checked);
    }

    /** Labels are not private, but a hostile value must not flood the terminal. */
    private static String shorten(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 37) + "...";
    }
}
