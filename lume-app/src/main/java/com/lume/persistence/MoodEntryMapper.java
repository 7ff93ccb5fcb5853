package com.lume.persistence;

import com.lume.wellness.MoodEntry;
import io.outbox.http.Json;
import io.outbox.jpa.EntryMapping;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Converts between a mood entry and its stored form; labels are stored as a JSON array. */
final class MoodEntryMapper implements EntryMapping<MoodEntryJpaEntity, MoodEntry> {
    @Override
    public MoodEntryJpaEntity toEntity(MoodEntry entry, MoodEntryJpaEntity target) {
        target.setSynced(entry.id(), entry.userId(), entry.date(), entry.backendId(), entry.deleted());
        target.valence = entry.valence();
        target.labels = Json.write(entry.labels());
        target.note = entry.note().orElse(null);
        return target;
    }

    @Override
    public MoodEntry toEntry(MoodEntryJpaEntity e) {
        return new MoodEntry(e.entryId(), e.userId(), e.valence, labels(e), Optional.ofNullable(e.note), e.date(),
                e.backendId(), e.deleted());
    }

    private static List<String> labels(MoodEntryJpaEntity e) {
        if (!(Json.parse(e.labels) instanceof List<?> values)) {
            throw new IllegalStateException("stored mood entry " + e.entryId() + " has labels that are not a JSON array");
        }
        return values.stream().map(String::valueOf).toList();
    }
}
