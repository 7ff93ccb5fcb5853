package io.outbox.benchmarks.baseline;

import io.outbox.benchmarks.harness.BenchmarkException;
import io.outbox.benchmarks.store.BenchStore;
import io.outbox.benchmarks.store.Notes;
import io.outbox.event.OutboxEvent;
import io.outbox.jpa.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The enqueue baseline: plain JDBC writing the note row and its outbox row (every column of
 * {@code outbox_event}, as the library writes them) in one transaction; several per
 * transaction go as one JDBC batch per table. Optionally sends a NOTIFY in the transaction,
 * as a cross-process wake-up needs. Thread-safe; each call uses its own pooled connection.
 */
public final class RawEnqueue {
    static final String EVENT_COLUMNS = "id, event_type, operation, entity_id, user_id, status, priority, created_at,"
            + " last_attempt_at, attempt_count, max_attempts, error_message, completed_at, metadata, is_new_record,"
            + " next_attempt_at, claim_owner, lease_expires_at, result";
    private static final String INSERT_NOTE = "INSERT INTO bench_note (id, user_id, body, written_at) VALUES (?, ?, ?, ?)";
    private static final String INSERT_EVENT = "INSERT INTO outbox_event (" + EVENT_COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final BenchStore store;
    private final Dialect dialect;

    public RawEnqueue(BenchStore store) {
        this.store = store;
        this.dialect = store.dialect();
    }

    /** One note and its event, one per entry of {@code events}, in one transaction. */
    public void write(List<OutboxEvent> events) {
        write(events, null);
    }

    /** As {@link #write(List)}, with {@code pg_notify(channel, '')} in the transaction (PostgreSQL). */
    public void write(List<OutboxEvent> events, String notifyChannel) {
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement notes = c.prepareStatement(INSERT_NOTE);
                 PreparedStatement outbox = c.prepareStatement(INSERT_EVENT)) {
                boolean batch = events.size() > 1;
                for (OutboxEvent event : events) {
                    bindNote(notes, event);
                    bindEvent(outbox, event);
                    if (batch) {
                        notes.addBatch();
                        outbox.addBatch();
                    } else {
                        notes.executeUpdate();
                        outbox.executeUpdate();
                    }
                }
                if (batch) {
                    notes.executeBatch();
                    outbox.executeBatch();
                }
                if (notifyChannel != null) {
                    try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, '')")) {
                        notify.setString(1, notifyChannel);
                        notify.execute();
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new BenchmarkException("raw enqueue failed: " + e.getMessage(), e);
        }
    }

    private void bindNote(PreparedStatement s, OutboxEvent event) throws SQLException {
        s.setString(1, event.entityId());
        s.setString(2, Notes.USER);
        s.setString(3, Notes.BODY);
        dialect.bindInstant(s, 4, event.createdAt());
    }

    private void bindEvent(PreparedStatement s, OutboxEvent e) throws SQLException {
        dialect.bindUuid(s, 1, e.id());
        s.setString(2, e.eventType());
        s.setString(3, e.operation().wireName());
        s.setString(4, e.entityId());
        s.setString(5, e.userId());
        s.setString(6, e.status().wireName());
        s.setInt(7, e.priority());
        dialect.bindInstant(s, 8, e.createdAt());
        dialect.bindInstant(s, 9, null);
        s.setInt(10, e.attemptCount());
        s.setInt(11, e.maxAttempts());
        s.setString(12, null);
        dialect.bindInstant(s, 13, null);
        s.setString(14, e.metadata().orElse(null));
        s.setBoolean(15, e.newRecord());
        dialect.bindInstant(s, 16, e.nextAttemptAt().orElse((Instant) null));
        s.setString(17, null);
        dialect.bindInstant(s, 18, null);
        s.setString(19, null);
    }
}
