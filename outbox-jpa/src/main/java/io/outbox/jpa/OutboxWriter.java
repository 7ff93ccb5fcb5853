package io.outbox.jpa;

import io.outbox.event.OutboxEvent;
import io.outbox.jpa.internal.EventInserts;
import io.outbox.jpa.internal.StoreErrors;
import jakarta.persistence.EntityManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * Records outbox events in the caller's own transaction, for code that writes its entities
 * without {@link OutboxStore#unitOfWork()}: a service with its own persistence unit, a Flyway
 * Java migration, plain JDBC. The rows are inserted at once, on the caller's connection, and
 * commit or roll back with everything else the transaction wrote; nothing here commits. The
 * schema must be the outbox's (opened once by an {@link OutboxStore}, which migrates it).
 *
 * <p>Processors are woken by the insert trigger of outbox migration V3 when the transaction
 * commits: on PostgreSQL every store listening on the schema, except the one whose own pool
 * lent the connection ({@link OutboxStore#dataSource()}: the trigger names that store, which
 * takes the commit for one it has already announced); on Derby a store that is shared
 * ({@link SharedStores}) or on a caller's DataSource. Any other processor finds the events at
 * its next poll, or at once when told ({@code processor.trigger()}).
 *
 * <p>Stateless and thread-safe; a connection or entity manager is used on the calling thread only.
 */
public final class OutboxWriter {
    private OutboxWriter() {
    }

    /**
     * Inserts {@code events} on {@code connection}, inside the transaction it has open, and
     * commits nothing. The database is told by the connection's URL (Derby or PostgreSQL).
     *
     * @throws IllegalStateException when the connection is in auto-commit mode: each row would
     *                               commit alone, apart from the caller's writes
     * @throws io.outbox.StoreUnavailableException when the connection is to a database this
     *                               library does not support
     * @throws io.outbox.OutboxException when the insert fails (its subclass says why: a full
     *                               disk, a lost server, ...); the caller's transaction should
     *                               then be rolled back
     */
    public static void record(Connection connection, List<OutboxEvent> events) {
        Objects.requireNonNull(connection, "connection");
        List<OutboxEvent> all = List.copyOf(events);
        if (all.isEmpty()) {
            return;
        }
        String url = "a connection";
        try {
            url = connection.getMetaData().getURL();
            Dialect dialect = Dialect.supported(url, "the connection");
            if (connection.getAutoCommit()) {
                throw new IllegalStateException("OutboxWriter records events in the caller's transaction, but the "
                        + "connection is in auto-commit mode, where each row would commit alone; call "
                        + "setAutoCommit(false) first, and commit when the rest of the change is written");
            }
            EventInserts.insertAll(connection, dialect, all);
        } catch (SQLException e) {
            throw StoreErrors.translate(e, StoreConfig.redact(url));
        }
    }

    /** As {@link #record(Connection, List)}, for one event or a few. */
    public static void record(Connection connection, OutboxEvent... events) {
        record(connection, List.of(events));
    }

    /**
     * Joins the transaction of {@code entityManager}: flushes it, so that the entities it holds
     * are written before the events (the outbox has no foreign keys, so this is for readers of
     * the statement log, not for the database), and inserts the events on its connection. They
     * commit when that transaction commits. A transaction must be active: outside one the
     * entity manager has no connection of its own, and the events would belong to no change.
     * The entity manager must be EclipseLink's (or any provider's that unwraps to a
     * {@link Connection} inside a transaction). A failure to flush the caller's own entities is
     * thrown as the provider threw it.
     *
     * @throws IllegalStateException when no transaction is active, or the entity manager gives no connection
     * @see #record(Connection, List)
     */
    public static void record(EntityManager entityManager, List<OutboxEvent> events) {
        Objects.requireNonNull(entityManager, "entityManager");
        List<OutboxEvent> all = List.copyOf(events);
        if (!entityManager.isJoinedToTransaction()) {
            throw new IllegalStateException("OutboxWriter records events in the entity manager's transaction, but "
                    + "none is active; call entityManager.getTransaction().begin() first, and commit after writing "
                    + "the entities");
        }
        if (all.isEmpty()) {
            return;
        }
        entityManager.flush();
        Connection connection = entityManager.unwrap(Connection.class);
        if (connection == null) {
            throw new IllegalStateException("the entity manager (" + entityManager.getClass().getName() + ") gives "
                    + "no JDBC connection inside its transaction; record on that connection instead");
        }
        record(connection, all);
    }

    /** As {@link #record(EntityManager, List)}, for one event or a few. */
    public static void record(EntityManager entityManager, OutboxEvent... events) {
        record(entityManager, List.of(events));
    }
}
