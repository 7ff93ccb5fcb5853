package com.lume.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An event's metadata as {@code outbox list} may show it: every key that may hold the user's
 * words removed, at any depth, whatever its casing or style ({@code title}, {@code content},
 * {@code note}, {@code text}, {@code body}, {@code journalContent}, ...), and so is the raw
 * {@code legacy_payload_base64} of a legacy payload that was not JSON. The names of the hidden
 * keys are listed under {@code hidden_private_keys}. Metadata that is not a JSON object is not
 * shown at all. Stateless.
 */
public final class DisplayMetadata {
    public static final String HIDDEN = "hidden_private_keys";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };
    /** Matched against the key lower-cased with '_' and '-' removed. */
    private static final Pattern PRIVATE = Pattern.compile(
            ".*(title|content|note|text|body|message|description|comment|payload|summary).*");

    private DisplayMetadata() {
    }

    public static Optional<Map<String, Object>> of(Optional<String> metadata) {
        if (metadata.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> parsed;
        try {
            parsed = JSON.readValue(metadata.get(), OBJECT);
        } catch (JsonProcessingException notAnObject) {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put(HIDDEN, List.of("(metadata that is not a JSON object)"));
            return Optional.of(shown);
        }
        TreeSet<String> hidden = new TreeSet<>();
        Map<String, Object> shown = scrub(parsed, hidden);
        if (!hidden.isEmpty()) {
            shown.put(HIDDEN, List.copyOf(hidden));
        }
        return Optional.of(shown);
    }

    /** Whether a key may hold the user's own words. */
    public static boolean isPrivate(String key) {
        return PRIVATE.matcher(key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "")).matches();
    }

    private static Map<String, Object> scrub(Map<?, ?> object, TreeSet<String> hidden) {
        Map<String, Object> kept = new LinkedHashMap<>();
        object.forEach((key, value) -> {
            String name = String.valueOf(key);
            if (isPrivate(name)) {
                hidden.add(name);
            } else {
                kept.put(name, scrubValue(value, hidden));
            }
        });
        return kept;
    }

    private static Object scrubValue(Object value, TreeSet<String> hidden) {
        if (value instanceof Map<?, ?> map) {
            return scrub(map, hidden);
        }
        if (value instanceof List<?> list) {
            List<Object> kept = new ArrayList<>(list.size());
            list.forEach(item -> kept.add(scrubValue(item, hidden)));
            return kept;
        }
        return value;
    }
}
