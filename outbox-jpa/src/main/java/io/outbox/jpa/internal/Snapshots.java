package io.outbox.jpa.internal;

import io.outbox.jpa.Dialect;
import io.outbox.repository.StoreSnapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads the counts and times behind the statistics in one transaction: four aggregate queries. Stateless. */
final class Snapshots {
    private static final String FAILED_FOR_GOOD = "status = 'failed' AND next_attempt_at IS NULL";

    private Snapshots() {
    }

    static StoreSnapshot read(Connection connection, Dialect dialect, Optional<String> userId, Instant staleBefore)
            throws SQLException {
        String user = userId.isPresent() ? " AND e.user_id = ?" : "";
        Map<String, Long> byStatus = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT e.status, COUNT(*) AS n FROM outbox_event e WHERE 1 = 1" + user + " GROUP BY e.status")) {
            bindUser(s, 1, userId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    byStatus.merge(rows.getString("status").trim().toLowerCase(java.util.Locale.ROOT),
                            rows.getLong("n"), Long::sum);
                }
            }
        }
        long failedForGood;
        long stale;
        Optional<Instant> oldest;
        Optional<Instant> newestCompleted;
        try (PreparedStatement s = connection.prepareStatement("SELECT"
                + " SUM(CASE WHEN " + FAILED_FOR_GOOD + " THEN 1 ELSE 0 END) AS dead,"
                + " SUM(CASE WHEN status = 'pending' AND created_at < ? THEN 1 ELSE 0 END) AS stale,"
                + " MIN(CASE WHEN status = 'pending' THEN created_at END) AS oldest,"
                + " MAX(CASE WHEN status = 'completed' THEN completed_at END) AS newest_completed"
                + " FROM outbox_event e WHERE 1 = 1" + user)) {
            dialect.bindInstant(s, 1, staleBefore);
            bindUser(s, 2, userId);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                failedForGood = rows.getLong("dead");
                stale = rows.getLong("stale");
                oldest = dialect.readInstant(rows, "oldest");
                newestCompleted = dialect.readInstant(rows, "newest_completed");
            }
        }
        Map<String, Long> pendingByType = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT e.event_type, COUNT(*) AS n FROM outbox_event e"
                + " WHERE e.status = 'pending'" + user + " GROUP BY e.event_type")) {
            bindUser(s, 1, userId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    pendingByType.put(rows.getString("event_type"), rows.getLong("n"));
                }
            }
        }
        long blocked;
        try (PreparedStatement s = connection.prepareStatement("SELECT COUNT(*) AS n FROM outbox_event e"
                + " WHERE e.status <> 'completed' AND NOT (e." + FAILED_FOR_GOOD.replace(" AND ", " AND e.") + ")" + user
                + " AND EXISTS (SELECT 1 FROM outbox_event p WHERE p.entity_id = e.entity_id"
                + " AND p.status = 'failed' AND p.next_attempt_at IS NULL AND p.created_at < e.created_at)")) {
            bindUser(s, 1, userId);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                blocked = rows.getLong("n");
            }
        }
        return new StoreSnapshot(byStatus.getOrDefault("pending", 0L), byStatus.getOrDefault("processing", 0L),
                byStatus.getOrDefault("completed", 0L), byStatus.getOrDefault("failed", 0L), failedForGood, stale,
                oldest, pendingByType, blocked, newestCompleted);
    }

    private static void bindUser(PreparedStatement s, int index, Optional<String> userId) throws SQLException {
        if (userId.isPresent()) {
            s.setString(index, userId.get());
        }
    }
}
