package io.outbox.jpa.internal;

import io.outbox.event.OutboxEvent;
import io.outbox.jpa.Dialect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads outbox rows from native queries. A row the core cannot represent is not returned
 * but reported, so the caller can set it aside as failed for good and go on. Stateless.
 */
final class EventRows {
    static final String COLUMNS = "id, event_type, operation, entity_id, user_id, status, priority, created_at, "
            + "last_attempt_at, attempt_count, max_attempts, error_message, completed_at, metadata, is_new_record, "
            + "next_attempt_at, claim_owner, lease_expires_at, result, waits_for";

    private EventRows() {
    }

    /** The columns, each qualified by {@code alias}. */
    static String columns(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    /** Readable events and the rows that were not. */
    record Batch(List<OutboxEvent> events, List<UnreadableEventException> unreadable) {
    }

    static Batch readAll(ResultSet rows, Dialect dialect) throws SQLException {
        List<OutboxEvent> events = new ArrayList<>();
        List<UnreadableEventException> unreadable = new ArrayList<>();
        while (rows.next()) {
            try {
                events.add(read(rows, dialect));
            } catch (UnreadableEventException e) {
                unreadable.add(e);
            }
        }
        return new Batch(events, unreadable);
    }

    static OutboxEvent read(ResultSet rows, Dialect dialect) throws SQLException {
        UUID id = dialect.readUuid(rows, "id");
        return OutboxEventMapper.event(id, rows.getString("event_type"), rows.getString("operation"),
                rows.getString("entity_id"), rows.getString("user_id"), rows.getString("status"),
                rows.getInt("priority"), dialect.readInstant(rows, "created_at").orElse(null),
                dialect.readInstant(rows, "last_attempt_at"), rows.getInt("attempt_count"),
                rows.getInt("max_attempts"), Optional.ofNullable(rows.getString("error_message")),
                dialect.readInstant(rows, "completed_at"), Optional.ofNullable(rows.getString("metadata")),
                rows.getBoolean("is_new_record"), dialect.readInstant(rows, "next_attempt_at"),
                Optional.ofNullable(rows.getString("claim_owner")), dialect.readInstant(rows, "lease_expires_at"),
                Optional.ofNullable(rows.getString("result")), Optional.ofNullable(dialect.readUuid(rows, "waits_for")));
    }
}
