package com.fitiq.persistence;

import com.fitiq.progress.ProgressEntry;
import com.fitiq.progress.ProgressType;
import io.outbox.jpa.EntryMapping;

/** Converts between a progress entry and its stored form. */
final class ProgressEntryMapper implements EntryMapping<ProgressEntryJpaEntity, ProgressEntry> {
    @Override
    public ProgressEntryJpaEntity toEntity(ProgressEntry entry, ProgressEntryJpaEntity target) {
        target.setSynced(entry.id(), entry.userId(), entry.date(), entry.backendId(), entry.deleted());
        target.type = entry.type().wireName();
        target.quantity = entry.quantity();
        target.unit = entry.unit();
        return target;
    }

    @Override
    public ProgressEntry toEntry(ProgressEntryJpaEntity e) {
        ProgressType type = ProgressType.parse(e.type).orElseThrow(
                () -> new IllegalStateException("stored entry " + e.entryId() + " has unknown type " + e.type));
        return new ProgressEntry(e.entryId(), e.userId(), type, e.quantity, e.date(), e.backendId(), e.deleted());
    }
}
