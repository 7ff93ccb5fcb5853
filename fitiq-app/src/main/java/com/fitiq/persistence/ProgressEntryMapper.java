package com.fitiq.persistence;

import com.fitiq.progress.ProgressEntry;
import com.fitiq.progress.ProgressType;

import java.util.Optional;
import java.util.UUID;

/** Converts between a progress entry and its stored form. */
final class ProgressEntryMapper {
    private ProgressEntryMapper() {
    }

    static ProgressEntryJpaEntity toEntity(ProgressEntry entry, ProgressEntryJpaEntity target) {
        target.id = entry.id().toString();
        target.userId = entry.userId();
        target.type = entry.type().wireName();
        target.quantity = entry.quantity();
        target.unit = entry.unit();
        target.date = entry.date();
        target.backendId = entry.backendId().orElse(null);
        target.deleted = entry.deleted();
        return target;
    }

    static ProgressEntry toEntry(ProgressEntryJpaEntity e) {
        ProgressType type = ProgressType.parse(e.type).orElseThrow(
                () -> new IllegalStateException("stored entry " + e.id + " has unknown type " + e.type));
        return new ProgressEntry(UUID.fromString(e.id), e.userId, type, e.quantity, e.date,
                Optional.ofNullable(e.backendId), e.deleted);
    }
}
