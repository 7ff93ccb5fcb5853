package io.outbox.tools.migration.run;

import java.util.Objects;

/**
 * A legacy row that was not migrated, and why. Immutable.
 *
 * @param id     the legacy id exactly as stored
 * @param reason the first reason's wire name ({@code unknown_event_type}, say)
 * @param detail every reason, in words
 */
public record QuarantineEntry(String id, String reason, String detail) {
    public QuarantineEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
