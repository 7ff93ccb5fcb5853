package com.lume.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lume.wellness.WellnessEvents;
import io.outbox.event.OutboxEvent;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The legacy payload a migrated event carries as its metadata (docs/legacy-lume-v6.md): a JSON object
 * written by one of several app versions, snake_case or camelCase; where both keys exist the
 * snake_case one wins, and a JSON {@code null} counts as absent. Immutable. Nothing here ever
 * quotes the payload: it may hold the user's words.
 */
final class LegacyPayload {
    static final String BASE64_KEY = "legacy_payload_base64";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Map<String, Object> object;

    private LegacyPayload(Map<String, Object> object) {
        this.object = object;
    }

    /** What an event's metadata is, seen from a handler that found no local row. */
    sealed interface Reading permits Legacy, OwnEvent, Unreadable {
    }

    /** A legacy payload object. */
    record Legacy(LegacyPayload payload) implements Reading {
    }

    /** Lume's own event: its row should exist. */
    record OwnEvent() implements Reading {
    }

    /** Nothing a request can be built from; {@code why} names the shape, never the content. */
    record Unreadable(String why) implements Reading {
    }

    static Reading read(OutboxEvent event) {
        if (WellnessEvents.isOwn(event)) {
            return new OwnEvent();
        }
        if (event.metadata().isEmpty()) {
            return new Unreadable("the migrated event has no payload");
        }
        Map<String, Object> object;
        try {
            object = JSON.readValue(event.metadata().get(), OBJECT);
        } catch (JsonProcessingException notAnObject) {
            return new Unreadable("the migrated payload is not a JSON object");
        }
        if (object == null) {
            return new Unreadable("the migrated payload is not a JSON object");
        }
        if (object.containsKey(BASE64_KEY)) {
            return new Unreadable("the legacy payload was not JSON text (it is kept base64-encoded)");
        }
        if ("lume".equals(object.get(WellnessEvents.ORIGIN_KEY))) {
            return new OwnEvent();
        }
        return new Legacy(new LegacyPayload(object));
    }

    Optional<Object> value(String snakeKey, String camelKey) {
        Object snake = object.get(snakeKey);
        return Optional.ofNullable(snake != null ? snake : object.get(camelKey));
    }

    /** A string under a key that is the same in both styles ({@code note}, {@code title}). */
    Optional<String> string(String key) {
        return string(key, key);
    }

    Optional<String> string(String snakeKey, String camelKey) {
        return value(snakeKey, camelKey).filter(String.class::isInstance).map(String.class::cast);
    }

    /** A number, or a string holding a plain decimal. */
    Optional<Double> number(String key) {
        Object value = object.get(key);
        if (value instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        if (value instanceof String s) {
            try {
                return Optional.of(new BigDecimal(s.trim()).doubleValue());
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** An array of strings; a string holds comma-separated labels; anything else, none. */
    List<String> strings(String key) {
        Object value = object.get(key);
        List<String> strings = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.stream().filter(String.class::isInstance).map(String.class::cast).map(String::strip)
                    .filter(s -> !s.isEmpty()).forEach(strings::add);
        } else if (value instanceof String text) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    strings.add(part.strip());
                }
            }
        }
        return List.copyOf(strings);
    }

    /** An ISO-8601 timestamp (with an offset, or without one meaning UTC), or epoch milliseconds. */
    Optional<Instant> instant(String snakeKey, String camelKey) {
        Optional<Object> value = value(snakeKey, camelKey);
        if (value.isPresent() && value.get() instanceof Number millis) {
            return Optional.of(Instant.ofEpochMilli(millis.longValue()));
        }
        return value.filter(String.class::isInstance).map(String.class::cast).map(String::trim)
                .flatMap(LegacyPayload::timestamp);
    }

    /** A UUID under the key, lower-cased. */
    Optional<String> uuid(String snakeKey, String camelKey) {
        return string(snakeKey, camelKey).map(String::trim).filter(s -> UUID_TEXT.matcher(s).matches())
                .map(s -> UUID.fromString(s).toString());
    }

    private static Optional<Instant> timestamp(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeException withoutOffset) {
            try {
                return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeException notATimestamp) {
                return Optional.empty();
            }
        }
    }

    /** Never the payload's content. */
    @Override
    public String toString() {
        return "LegacyPayload[" + object.size() + " keys]";
    }
}
