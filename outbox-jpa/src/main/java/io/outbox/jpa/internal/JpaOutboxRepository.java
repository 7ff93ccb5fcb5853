package io.outbox.jpa.internal;

import io.outbox.OutboxException;
import io.outbox.event.OutboxEvent;
import io.outbox.event.Priority;
import io.outbox.jpa.Dialect;
import io.outbox.repository.ClaimOrder;
import io.outbox.repository.ClaimRequest;
import io.outbox.repository.Completion;
import io.outbox.repository.EventQuery;
import io.outbox.repository.Failure;
import io.outbox.repository.OutboxRepository;
import io.outbox.repository.Scope;
import io.outbox.repository.StoreSnapshot;
import io.outbox.repository.Wait;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The outbox repository on a JPA store. Events are saved and found through their JPA entity;
 * claims, outcome batches and counts are native SQL on the transaction's connection, so they
 * are one statement (or one JDBC batch) each. Every method joins the caller's transaction
 * when one is open. Thread-safe.
 */
public final class JpaOutboxRepository implements OutboxRepository {
    private static final Logger log = LoggerFactory.getLogger(JpaOutboxRepository.class);
    private static final Comparator<OutboxEvent> PRIORITY_ORDER = Comparator.comparingInt(OutboxEvent::priority)
            .reversed().thenComparing(OutboxEvent::createdAt).thenComparing(e -> e.id().toString());
    private static final Comparator<OutboxEvent> CREATION_ORDER = Comparator.comparing(OutboxEvent::createdAt)
            .thenComparing(e -> e.id().toString());

    private final Transactions transactions;
    private final Dialect dialect;
    private final DueQueries due;
    private final StateWrites writes;
    private final PlannerStatistics statistics = new PlannerStatistics();
    private final Consumer<Transactions.Tx> onEventsWritten;

    /** {@code onEventsWritten} runs inside each transaction that wrote events (to notify after commit). */
    public JpaOutboxRepository(Transactions transactions, Dialect dialect, Consumer<Transactions.Tx> onEventsWritten) {
        this.transactions = transactions;
        this.dialect = dialect;
        this.due = new DueQueries(dialect);
        this.writes = new StateWrites(dialect);
        this.onEventsWritten = onEventsWritten;
    }

    /** Records a new event in the caller's transaction; the fast path of the unit of work (one batch per commit). */
    public void insert(Transactions.Tx tx, OutboxEvent event) {
        tx.buffer(EventInserts.KEY, () -> new EventInserts(dialect)).add(event);
        onEventsWritten.accept(tx);
    }



    @Override
    public Optional<OutboxEvent> findById(UUID id) {
        return sql(tx -> select(tx, "SELECT " + EventRows.COLUMNS + " FROM outbox_event e WHERE e.id = ?",
                s -> dialect.bindUuid(s, 1, id))).stream().findFirst();
    }

    @Override
    public List<OutboxEvent> findByEntity(String entityId) {
        return sql(tx -> select(tx, "SELECT " + EventRows.COLUMNS + " FROM outbox_event e WHERE e.entity_id = ?"
                + " ORDER BY e.created_at, e.id", s -> s.setString(1, entityId)));
    }

    @Override
    public List<OutboxEvent> find(EventQuery query) {
        String sql = "SELECT " + EventRows.COLUMNS + " FROM outbox_event e WHERE 1 = 1"
                + (query.userId().isPresent() ? " AND e.user_id = ?" : "")
                + (query.status().isPresent() ? " AND e.status = ?" : "")
                + " ORDER BY e.created_at, e.id";
        return sql(tx -> select(tx, sql, s -> {
            s.setMaxRows(query.limit() == EventQuery.UNLIMITED ? 0 : query.limit());
            int i = 1;
            if (query.userId().isPresent()) {
                s.setString(i++, query.userId().get());
            }
            if (query.status().isPresent()) {
                s.setString(i, query.status().get().wireName());
            }
        }));
    }


    @Override
    public List<OutboxEvent> claim(ClaimRequest request) {
        if (dialect == Dialect.POSTGRESQL && !transactions.inTransaction() && statistics.checkDue(request.now())) {
            refreshStatistics();
        }
        return sql(tx -> dialect == Dialect.POSTGRESQL ? claimOnPostgres(tx, request) : claimOnDerby(tx, request));
    }


    @Override
    public int markCompleted(Collection<Completion> completions) {
        return sql(tx -> writes.complete(tx.connection(), completions));
    }

    @Override
    public int markFailed(Collection<Failure> failures) {
        return sql(tx -> writes.fail(tx.connection(), failures));
    }

    @Override
    public int release(Collection<UUID> ids, String owner, Instant now) {
        return sql(tx -> writes.release(tx.connection(), ids, owner, now));
    }

    @Override
    public int resetForRetry(Collection<UUID> ids, Instant now) {
        return sql(tx -> writes.resetForRetry(tx.connection(), ids, now));
    }

    @Override
    public int resetAllFailed(Optional<String> userId, Instant now) {
        return sql(tx -> writes.resetAllFailed(tx.connection(), userId, now));
    }

    @Override
    public int releaseExpiredClaims(Instant now) {
        return sql(tx -> writes.orphan(tx.connection(), Optional.of(now), now));
    }

    @Override
    public int recoverAllProcessing(Instant now) {
        return sql(tx -> writes.orphan(tx.connection(), Optional.empty(), now));
    }

    @Override
    public int deleteCompletedBefore(Instant cutoff, Optional<String> userId) {
        return sql(tx -> Jdbc.update(tx.connection(),
                "DELETE FROM outbox_event WHERE status = 'completed' AND completed_at < ?"
                        + (userId.isPresent() ? " AND user_id = ?" : ""), s -> {
                    dialect.bindInstant(s, 1, cutoff);
                    if (userId.isPresent()) {
                        s.setString(2, userId.get());
                    }
                }));
    }


    @Override
    public StoreSnapshot snapshot(Optional<String> userId, Instant staleBefore) {
        return sql(tx -> Snapshots.read(tx.connection(), dialect, userId, staleBefore));
    }

    @Override
    public List<OutboxEvent> findStale(Optional<String> userId, Instant pendingSince, int limit) {
        return sql(tx -> select(tx, "SELECT " + EventRows.COLUMNS + " FROM outbox_event e WHERE e.status = 'pending'"
                + " AND e.created_at < ?" + (userId.isPresent() ? " AND e.user_id = ?" : "")
                + " ORDER BY e.created_at, e.id", s -> {
                    s.setMaxRows(limit);
                    dialect.bindInstant(s, 1, pendingSince);
                    if (userId.isPresent()) {
                        s.setString(2, userId.get());
                    }
                }));
    }

    @Override
    public Optional<Instant> nextDueAt(Scope scope) {
        return sql(tx -> {
            try (PreparedStatement s = tx.connection().prepareStatement(due.nextDue(scope))) {
                DueQueries.bindScope(s, 1, scope);
                try (ResultSet rows = s.executeQuery()) {
                    return rows.next() ? dialect.readInstant(rows, "next_due") : Optional.<Instant>empty();
                }
            }
        });
    }

    @Override
    public Set<UUID> renewClaims(Collection<UUID> ids, String owner, Instant leaseUntil) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<UUID> ordered = List.copyOf(ids);
        return sql(tx -> writes.renew(tx.connection(), ordered, owner, leaseUntil));
    }

    @Override
    public int park(Collection<Wait> waits) {
        return sql(tx -> writes.park(tx.connection(), waits));
    }

    @Override
    public int deleteAllEvents(String userId) {
        return sql(tx -> Jdbc.update(tx.connection(),
                "DELETE FROM outbox_event WHERE user_id = ? AND status <> 'processing'", s -> s.setString(1, userId)));
    }

    @Override
    public int deleteEvents(String userId, Collection<UUID> ids) {
        return sql(tx -> {
            try (PreparedStatement s = tx.connection().prepareStatement(
                    "DELETE FROM outbox_event WHERE id = ? AND user_id = ? AND status <> 'processing'")) {
                for (UUID id : java.util.Set.copyOf(ids)) {
                    dialect.bindUuid(s, 1, id);
                    s.setString(2, userId);
                    s.addBatch();
                }
                return ids.isEmpty() ? 0 : Jdbc.sum(s.executeBatch());
            }
        });
    }

    /** A failed refresh only costs speed: the claim itself reports a store that is down. */
    private void refreshStatistics() {
        try {
            if (sql(tx -> statistics.refreshIfStale(tx.connection()))) {
                log.debug("analyzed outbox_event: its planner statistics were stale");
            }
        } catch (OutboxException e) {
            log.debug("could not refresh the planner statistics of outbox_event: {}", e.getMessage());
        }
    }

    private List<OutboxEvent> claimOnPostgres(Transactions.Tx tx, ClaimRequest request) throws SQLException {
        try (PreparedStatement s = tx.connection().prepareStatement(due.postgresClaim(request.scope(), request.order()))) {
            dialect.bindInstant(s, 1, request.now());
            int i = DueQueries.bindScope(s, 2, request.scope());
            s.setInt(i++, request.limit());
            s.setString(i++, request.owner());
            dialect.bindInstant(s, i++, request.leaseExpiresAt());
            dialect.bindInstant(s, i, request.now());
            try (ResultSet rows = s.executeQuery()) {
                List<OutboxEvent> claimed = new ArrayList<>(readable(tx, EventRows.readAll(rows, dialect)));
                claimed.sort(request.order() == ClaimOrder.OLDEST_FIRST ? CREATION_ORDER : PRIORITY_ORDER);
                return List.copyOf(claimed);
            }
        }
    }

    private List<OutboxEvent> claimOnDerby(Transactions.Tx tx, ClaimRequest request) throws SQLException {
        List<OutboxEvent> candidates = dueCandidates(tx, request.scope(), request.now(), request.limit(),
                request.order());
        return writes.claimEach(tx.connection(), candidates, request.owner(), request.now(), request.leaseExpiresAt());
    }

    private List<OutboxEvent> dueCandidates(Transactions.Tx tx, Scope scope, Instant now, int limit, ClaimOrder order)
            throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            return select(tx, due.postgresDue(scope, order), s -> {
                dialect.bindInstant(s, 1, now);
                int i = DueQueries.bindScope(s, 2, scope);
                s.setInt(i, limit);
            });
        }
        List<OutboxEvent> all = new ArrayList<>();
        for (String status : DueQueries.statusesInClaimOrder()) {
            if (order == ClaimOrder.OLDEST_FIRST) {
                String sql = due.derbyDueOfLevel(scope);
                for (int priority : priorities(tx, status)) {
                    all.addAll(select(tx, sql, s -> {
                        s.setString(1, status);
                        s.setInt(2, priority);
                        dialect.bindInstant(s, 3, now);
                        s.setInt(DueQueries.bindScope(s, 4, scope), limit);
                    }));
                }
            } else {
                all.addAll(select(tx, due.derbyDueOfStatus(scope), s -> {
                    s.setString(1, status);
                    dialect.bindInstant(s, 2, now);
                    s.setInt(DueQueries.bindScope(s, 3, scope), limit);
                }));
            }
        }
        all.sort(order == ClaimOrder.OLDEST_FIRST ? CREATION_ORDER : PRIORITY_ORDER);
        return all.size() <= limit ? all : List.copyOf(all.subList(0, limit));
    }

    /** Derby: the priorities events of {@code status} have, highest first: one index probe each, and one more. */
    private List<Integer> priorities(Transactions.Tx tx, String status) throws SQLException {
        List<Integer> levels = new ArrayList<>();
        try (PreparedStatement s = tx.connection().prepareStatement(DueQueries.DERBY_NEXT_LOWER_PRIORITY)) {
            int below = Priority.MAX + 1;
            while (below > Priority.MIN) {
                s.setString(1, status);
                s.setInt(2, below);
                try (ResultSet rows = s.executeQuery()) {
                    if (!rows.next()) {
                        break;
                    }
                    below = rows.getInt(1);
                    levels.add(below);
                }
            }
        }
        return levels;
    }

    private List<OutboxEvent> select(Transactions.Tx tx, String sql, Jdbc.Binder binder) throws SQLException {
        try (PreparedStatement s = tx.connection().prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rows = s.executeQuery()) {
                return readable(tx, EventRows.readAll(rows, dialect));
            }
        }
    }

    /** Sets unreadable rows aside as failed for good, in the same transaction, and returns the rest. */
    private List<OutboxEvent> readable(Transactions.Tx tx, EventRows.Batch batch) throws SQLException {
        if (!batch.unreadable().isEmpty()) {
            int marked = writes.setAside(tx.connection(), batch.unreadable());
            log.warn("set aside {} unreadable outbox rows as failed for good, first: {}", marked,
                    batch.unreadable().get(0).getMessage());
        }
        return batch.events();
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Transactions.Tx tx) throws SQLException;
    }

    private <T> T sql(SqlWork<T> work) {
        return transactions.run(tx -> {
            try {
                return work.run(tx);
            } catch (SQLException e) {
                throw new SqlFailure(e);
            }
        });
    }

    /** Carries a checked SQL failure out of a transaction body; translated by {@link Transactions}. */
    static final class SqlFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SqlFailure(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

}
