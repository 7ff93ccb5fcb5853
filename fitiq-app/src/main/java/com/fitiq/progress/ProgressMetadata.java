package com.fitiq.progress;

import java.time.Instant;
import java.util.Objects;

/**
 * What a progress event records of its change, for people and tools reading the outbox (the
 * handler sends the entry's current state, not this): the type, quantity, unit and date. Stored
 * as JSON by {@link io.outbox.metadata.TypedMetadata}, the same shape FitIQ's events always had, so
 * older events read as this record too. Valid by construction: the unit is the type's and the
 * quantity is in its range. Immutable.
 */
public record ProgressMetadata(ProgressType type, double quantity, String unit, Instant date) {
    /** Refuses what no entry of the type could hold. */
    public ProgressMetadata {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(date, "date");
        if (!type.unit().equals(unit)) {
            throw new IllegalArgumentException("the unit of " + type.wireName() + " is " + type.unit() + ", not "
                    + unit);
        }
        type.rejects(quantity).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
    }

    /** The metadata of a change that left {@code entry} as it is. */
    public static ProgressMetadata of(ProgressEntry entry) {
        return new ProgressMetadata(entry.type(), entry.quantity(), entry.unit(), entry.date());
    }
}
