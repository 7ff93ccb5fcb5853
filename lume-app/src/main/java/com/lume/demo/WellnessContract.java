package com.lume.demo;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The shape docs/remote-api.md gives the two Lume bodies, as checks a stand-in backend runs on every
 * POST and PUT (a failed check is a 422): every key present, no other, each of its type. The
 * messages name keys, never values. Stateless.
 */
public final class WellnessContract {
    public static final String MOODS = "wellness/mood-entries";
    public static final String JOURNALS = "wellness/journal-entries";
    static final Set<String> MOOD_KEYS = Set.of("client_id", "valence", "labels", "note", "date");
    static final Set<String> JOURNAL_KEYS = Set.of("client_id", "title", "content", "mood_client_id", "date");

    private WellnessContract() {
    }

    public static Function<Map<String, Object>, Optional<String>> moodBody() {
        return body -> keys(body, MOOD_KEYS)
                .or(() -> body.get("valence") instanceof Number v && v.doubleValue() >= -1 && v.doubleValue() <= 1
                        ? Optional.empty() : Optional.of("valence must be a number from -1 to 1"))
                .or(() -> body.get("labels") instanceof List<?> labels && labels.stream().allMatch(String.class::isInstance)
                        ? Optional.empty() : Optional.of("labels must be an array of strings"))
                .or(() -> nullOrString(body, "note"))
                .or(() -> date(body));
    }

    public static Function<Map<String, Object>, Optional<String>> journalBody() {
        return body -> keys(body, JOURNAL_KEYS)
                .or(() -> body.get("title") instanceof String ? Optional.empty() : Optional.of("title must be a string"))
                .or(() -> body.get("content") instanceof String ? Optional.empty()
                        : Optional.of("content must be a string"))
                .or(() -> nullOrString(body, "mood_client_id"))
                .or(() -> date(body));
    }

    private static Optional<String> keys(Map<String, Object> body, Set<String> expected) {
        return body.keySet().equals(expected) ? Optional.empty()
                : Optional.of("the body must have exactly the keys " + new java.util.TreeSet<>(expected));
    }

    private static Optional<String> nullOrString(Map<String, Object> body, String key) {
        Object value = body.get(key);
        return value == null || value instanceof String ? Optional.empty() : Optional.of(key + " must be a string or null");
    }

    private static Optional<String> date(Map<String, Object> body) {
        try {
            Instant.parse(String.valueOf(body.get("date")));
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of("date must be an ISO-8601 UTC timestamp");
        }
    }
}
