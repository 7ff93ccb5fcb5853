package io.outbox.tools.migration.legacy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a legacy Lume outbox table as read, untouched. A SQL NULL in a column the legacy
 * DDL declares NOT NULL (possible in a copied store) reads as an empty string, no payload
 * bytes, a retry count of 0, or no creation time. Immutable.
 *
 * @param id the id exactly as stored (a {@code CHAR(36)} comes back padded with spaces)
 */
public record LegacyRow(String id, Optional<Instant> createdAt, String eventType, byte[] payload, String status,
                        int retryCount, Optional<Instant> lastAttemptAt, Optional<Instant> completedAt,
                        Optional<String> errorMessage) {

    public LegacyRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastAttemptAt, "lastAttemptAt");
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(errorMessage, "errorMessage");
        payload = payload.clone();
    }

    /** A copy of the payload bytes. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LegacyRow row && id.equals(row.id) && createdAt.equals(row.createdAt)
                && eventType.equals(row.eventType) && java.util.Arrays.equals(payload, row.payload)
                && status.equals(row.status) && retryCount == row.retryCount
                && lastAttemptAt.equals(row.lastAttemptAt) && completedAt.equals(row.completedAt)
                && errorMessage.equals(row.errorMessage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, createdAt, eventType, java.util.Arrays.hashCode(payload), status, retryCount);
    }

    @Override
    public String toString() {
        return "LegacyRow[id=" + id + ", eventType=" + eventType + ", status=" + status + ", payload="
                + payload.length + " bytes]";
    }
}
