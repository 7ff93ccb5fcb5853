package io.outbox.jpa.internal;

import io.outbox.jpa.Dialect;
import io.outbox.repository.ClaimOrder;
import io.outbox.repository.Scope;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The SQL that finds due events, per store. Only the head of each entity's queue qualifies:
 * no earlier event of the entity may be undelivered. On PostgreSQL one statement claims
 * ({@code FOR UPDATE SKIP LOCKED}, {@code RETURNING}); on Derby a hinted, index-ordered read
 * per status is followed by a conditional update per row. Immutable.
 */
final class DueQueries {
    /** An earlier event of the same entity that is not delivered yet. */
    private static final String EARLIER_UNDELIVERED = "SELECT 1 FROM outbox_event p WHERE p.entity_id = e.entity_id"
            + " AND p.status <> 'completed'"
            + " AND (p.created_at < e.created_at OR (p.created_at = e.created_at AND p.id < e.id))";

    private final Dialect dialect;

    DueQueries(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Filters of a scope, as SQL after {@code AND}; bind them with {@link #bindScope}. */
    static String scopeFilter(Scope scope) {
        StringBuilder sql = new StringBuilder();
        if (!scope.eventTypes().isEmpty()) {
            sql.append(" AND e.event_type IN (").append(Jdbc.placeholders(scope.eventTypes().size())).append(')');
        }
        if (scope.userId().isPresent()) {
            sql.append(" AND e.user_id = ?");
        }
        return sql.toString();
    }

    static int bindScope(PreparedStatement statement, int index, Scope scope) throws SQLException {
        int i = index;
        for (String type : scope.eventTypes().stream().sorted().toList()) {
            statement.setString(i++, type);
        }
        if (scope.userId().isPresent()) {
            statement.setString(i++, scope.userId().get());
        }
        return i;
    }

    private static String orderBy(ClaimOrder order) {
        return order == ClaimOrder.OLDEST_FIRST ? " ORDER BY e.created_at, e.id"
                : " ORDER BY e.priority DESC, e.created_at, e.id";
    }

    /**
     * Derby: due events of one status, highest priority first, read in the due index's order so
     * neither the completed history nor the rest of the backlog is sorted. Parameters: status,
     * now, scope..., limit.
     */
    String derbyDueOfStatus(Scope scope) {
        return "SELECT " + EventRows.columns("e") + " FROM outbox_event e --DERBY-PROPERTIES index=OUTBOX_EVENT_DUE_IDX\n"
                + " WHERE e.status = ? AND e.next_attempt_at <= ?" + scopeFilter(scope)
                + " AND NOT EXISTS (" + EARLIER_UNDELIVERED + ")"
                + orderBy(ClaimOrder.PRIORITY_FIRST) + " FETCH FIRST ? ROWS ONLY";
    }

    /**
     * Derby: due events of one status and one priority, oldest first, read in the due index's
     * order (within a priority it is by age), so the oldest-first share needs no index of its own
     * that every state change would move (schema V5). Parameters: status, priority, now,
     * scope..., limit.
     */
    String derbyDueOfLevel(Scope scope) {
        return "SELECT " + EventRows.columns("e") + " FROM outbox_event e --DERBY-PROPERTIES index=OUTBOX_EVENT_DUE_IDX\n"
                + " WHERE e.status = ? AND e.priority = ? AND e.next_attempt_at <= ?" + scopeFilter(scope)
                + " AND NOT EXISTS (" + EARLIER_UNDELIVERED + ")"
                + " ORDER BY e.status, e.priority DESC, e.created_at, e.id FETCH FIRST ? ROWS ONLY";
    }

    /**
     * Derby: the highest priority below a bound that events of a status have, one index probe;
     * walking it down lists the few priorities in use. Parameters: status, bound.
     */
    static final String DERBY_NEXT_LOWER_PRIORITY = "SELECT priority FROM outbox_event"
            + " --DERBY-PROPERTIES index=OUTBOX_EVENT_DUE_IDX\n WHERE status = ? AND priority < ?"
            + " ORDER BY status, priority DESC FETCH FIRST 1 ROWS ONLY";

    /** Derby: the conditional update that makes a read candidate ours. Parameters: owner, lease, now, id, status, now. */
    static final String DERBY_CLAIM_ONE = "UPDATE outbox_event SET status = 'processing', claim_owner = ?,"
            + " lease_expires_at = ?, attempt_count = attempt_count + 1, last_attempt_at = ?"
            + " WHERE id = ? AND status = ? AND next_attempt_at <= ?";

    /** PostgreSQL: due events, without claiming. Parameters: now, scope..., limit. */
    String postgresDue(Scope scope, ClaimOrder order) {
        return "SELECT " + EventRows.columns("e") + " FROM outbox_event e"
                + " WHERE e.status IN ('pending', 'failed') AND e.next_attempt_at IS NOT NULL"
                + " AND e.next_attempt_at <= ?" + scopeFilter(scope)
                + " AND NOT EXISTS (" + EARLIER_UNDELIVERED + ")"
                + orderBy(order) + " LIMIT ?";
    }

    /** PostgreSQL: claim in one statement. Parameters: now, scope..., limit, owner, lease, now. */
    String postgresClaim(Scope scope, ClaimOrder order) {
        return "WITH picked AS (SELECT e.id FROM outbox_event e"
                + " WHERE e.status IN ('pending', 'failed') AND e.next_attempt_at IS NOT NULL"
                + " AND e.next_attempt_at <= ?" + scopeFilter(scope)
                + " AND NOT EXISTS (" + EARLIER_UNDELIVERED + ")"
                + orderBy(order) + " LIMIT ? FOR UPDATE OF e SKIP LOCKED)"
                + " UPDATE outbox_event o SET status = 'processing', claim_owner = ?, lease_expires_at = ?,"
                + " attempt_count = o.attempt_count + 1, last_attempt_at = ?"
                + " FROM picked WHERE o.id = picked.id RETURNING " + EventRows.columns("o");
    }

    /** The earliest next attempt among queue heads in scope. Parameters: scope... */
    String nextDue(Scope scope) {
        return "SELECT MIN(e.next_attempt_at) AS next_due FROM outbox_event e"
                + " WHERE e.status IN ('pending', 'failed') AND e.next_attempt_at IS NOT NULL" + scopeFilter(scope)
                + " AND NOT EXISTS (" + EARLIER_UNDELIVERED + ")";
    }

    static List<String> statusesInClaimOrder() {
        return List.of("pending", "failed");
    }
}
