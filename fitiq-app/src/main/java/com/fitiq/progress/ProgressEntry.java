package com.fitiq.progress;

import io.outbox.sync.SyncedEntry;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One measurement a user logged. Valid by construction: the unit is the type's and the
 * quantity is in the type's range. Immutable.
 */
public record ProgressEntry(UUID id, String userId, ProgressType type, double quantity, Instant date,
                            Optional<String> backendId, boolean deleted)
        implements SyncedEntry<ProgressEntry> {
    public ProgressEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(backendId, "backendId");
        type.rejects(quantity).ifPresent(reason -> {
            throw new InvalidEntryException("--quantity: " + reason);
        });
    }

    public String unit() {
        return type.unit();
    }

    public ProgressEntry withQuantity(double value) {
        return new ProgressEntry(id, userId, type, value, date, backendId, deleted);
    }

    public ProgressEntry withDate(Instant value) {
        return new ProgressEntry(id, userId, type, quantity, value, backendId, deleted);
    }

    @Override
    public ProgressEntry asDeleted() {
        return new ProgressEntry(id, userId, type, quantity, date, backendId, true);
    }
}
