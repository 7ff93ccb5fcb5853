package io.outbox.tools.migration.mapping;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reads UUID text as the legacy data holds it: surrounding spaces trimmed, hex digits in any case, the 8-4-4-4-12 form only. Stateless. */
public final class Uuids {
    private static final Pattern CANONICAL = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {
    }

    /** The UUID {@code text} holds, if it holds one. */
    public static Optional<UUID> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = trimSpaces(text);
        return CANONICAL.matcher(trimmed).matches() ? Optional.of(UUID.fromString(trimmed)) : Optional.empty();
    }

    /**
     * Trims spaces only, as SQL's {@code TRIM} does, so the duplicate check in SQL and the reading
     * here agree; a tab or a newline around an id makes it no UUID.
     */
    static String trimSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(start, end);
    }
}
