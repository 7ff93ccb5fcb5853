package io.outbox.jpa.internal;

import io.outbox.event.Claim;
import io.outbox.event.OutboxEvent;
import io.outbox.jpa.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The new events a unit of work records, inserted as one JDBC batch when its SQL or its commit
 * needs them. Plain JDBC rather than the JPA entity: the unit of work writes rows it never
 * reads back, and EclipseLink's per-object bookkeeping (registering, cloning, computing change
 * sets) cost more than the insert itself. {@link #insertAll} is the one place an event becomes
 * a row by plain JDBC, for the unit of work and {@code OutboxWriter} alike. Confined to its
 * transaction's thread.
 */
public final class EventInserts implements Transactions.Buffered {
    static final String KEY = "outbox-event-inserts";
    private static final String INSERT = "INSERT INTO outbox_event (" + EventRows.COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Dialect dialect;
    private final List<OutboxEvent> held = new ArrayList<>();

    EventInserts(Dialect dialect) {
        this.dialect = dialect;
    }

    void add(OutboxEvent event) {
        held.add(event);
    }

    @Override
    public void flush(Connection connection) throws SQLException {
        try {
            insertAll(connection, dialect, held);
        } finally {
            held.clear(); // sent or failed: a failure rolls the whole transaction back
        }
    }

    /**
     * Inserts {@code events} on {@code connection}, in its transaction (one statement, or one
     * JDBC batch for several), and commits nothing; the caller translates the failure.
     */
    public static void insertAll(Connection connection, Dialect dialect, List<OutboxEvent> events)
            throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(INSERT)) {
            if (events.size() == 1) {
                bind(s, dialect, events.get(0));
                s.executeUpdate();
            } else {
                for (OutboxEvent event : events) {
                    bind(s, dialect, event);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
    }

    /** Binds the columns in {@link EventRows#COLUMNS} order, as the JPA mapper would write them. */
    private static void bind(PreparedStatement s, Dialect dialect, OutboxEvent e) throws SQLException {
        dialect.bindUuid(s, 1, e.id());
        s.setString(2, e.eventType());
        s.setString(3, e.operation().wireName());
        s.setString(4, e.entityId());
        s.setString(5, e.userId());
        s.setString(6, e.status().wireName());
        s.setInt(7, e.priority());
        dialect.bindInstant(s, 8, e.createdAt());
        dialect.bindInstant(s, 9, e.lastAttemptAt().orElse(null));
        s.setInt(10, e.attemptCount());
        s.setInt(11, e.maxAttempts());
        s.setString(12, e.errorMessage().orElse(null));
        dialect.bindInstant(s, 13, e.completedAt().orElse(null));
        s.setString(14, e.metadata().orElse(null));
        s.setBoolean(15, e.newRecord());
        dialect.bindInstant(s, 16, e.nextAttemptAt().orElse((Instant) null));
        s.setString(17, e.claim().map(Claim::owner).orElse(null));
        dialect.bindInstant(s, 18, e.claim().map(Claim::leaseExpiresAt).orElse(null));
        s.setString(19, e.result().orElse(null));
        Waits.bindOptionalUuid(s, dialect, 20, e.waitsFor());
    }
}
