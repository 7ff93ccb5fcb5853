package com.lume.persistence;

import com.lume.wellness.MoodEntry;
import io.outbox.http.Json;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Converts between a mood entry and its stored form; labels are stored as a JSON array. */
final class MoodEntryMapper {
    private MoodEntryMapper() {
    }

    static MoodEntryJpaEntity toEntity(MoodEntry entry, MoodEntryJpaEntity target) {
        target.id = entry.id().toString();
        target.userId = entry.userId();
        target.valence = entry.valence();
        target.labels = Json.write(entry.labels());
        target.note = entry.note().orElse(null);
        target.date = entry.date();
        target.backendId = entry.backendId().orElse(null);
        target.deleted = entry.deleted();
        return target;
    }

    static MoodEntry toEntry(MoodEntryJpaEntity e) {
        return new MoodEntry(UUID.fromString(e.id), e.userId, e.valence, labels(e), Optional.ofNullable(e.note),
                e.date, Optional.ofNullable(e.backendId), e.deleted);
    }

    private static List<String> labels(MoodEntryJpaEntity e) {
        if (!(Json.parse(e.labels) instanceof List<?> values)) {
            throw new IllegalStateException("stored mood entry " + e.id + " has labels that are not a JSON array");
        }
        return values.stream().map(String::valueOf).toList();
    }
}
