package io.outbox.jpa.reliability;

import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.event.Priority;
import io.outbox.jpa.OutboxStore;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The campaigns' outbox: a backlog of create events, one entity each, written beforehand,
 * and plain-SQL reads of where the drain stands (PostgreSQL). Stateless.
 */
final class Backlog {
    static final String TYPE = "reliability.entry";
    private static final int PER_TRANSACTION = 2_000;
    /**
     * The stand-in looks a client id up among all its collection's entries on every create, so
     * 100,000 entries in one collection would make it the bottleneck; 256 collections keep each small.
     */
    private static final int COLLECTIONS = 256;

    private Backlog() {
    }

    /** Where the entity's create goes: {@code /api/v1/reliability/cN}. */
    static String collectionOf(String entityId) {
        return "/api/v1/reliability/c" + Math.floorMod(entityId.hashCode(), COLLECTIONS);
    }

    /** Writes {@code total} pending creates through the unit of work, in large transactions; returns their entity ids. */
    static List<String> write(OutboxStore store, int total) {
        List<String> entities = new ArrayList<>(total);
        Instant start = Instant.now().minusSeconds(60);
        for (int from = 0; from < total; from += PER_TRANSACTION) {
            int first = from;
            int last = Math.min(total, from + PER_TRANSACTION);
            List<OutboxEvent> events = new ArrayList<>(last - first);
            for (int i = first; i < last; i++) {
                events.add(OutboxEvent.pending(UUID.randomUUID(), TYPE, Operation.CREATE, UUID.randomUUID().toString(),
                        "user-" + (i % 7), i % 3 == 0 ? Priority.BACKGROUND : Priority.USER_ACTION, Optional.empty(),
                        start.plusMillis(i)));
            }
            store.unitOfWork().write(work -> events.forEach(work::record));
            events.forEach(e -> entities.add(e.entityId()));
        }
        return entities;
    }

    /** Events per status. */
    static Map<String, Long> statuses(OutboxStore store) {
        Map<String, Long> counts = new HashMap<>();
        query(store, "SELECT status, count(*) FROM outbox_event GROUP BY status", s -> { }, rows -> {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
            return null;
        });
        return counts;
    }

    static long completed(OutboxStore store) {
        return query(store, "SELECT count(*) FROM outbox_event WHERE status = 'completed'", s -> { }, rows -> {
            rows.next();
            return rows.getLong(1);
        });
    }

    /** Ids of events claimed before {@code before} and still processing: claims a failure left stranded. */
    static Set<UUID> processingClaimedBefore(OutboxStore store, Instant before) {
        return ids(store, "SELECT id FROM outbox_event WHERE status = 'processing' AND last_attempt_at < ?",
                s -> s.setObject(1, before.atOffset(ZoneOffset.UTC)));
    }

    /** Ids of events {@code owner} holds as processing. */
    static Set<UUID> claimedBy(OutboxStore store, String owner) {
        return ids(store, "SELECT id FROM outbox_event WHERE status = 'processing' AND claim_owner = ?",
                s -> s.setString(1, owner));
    }

    /** How many of {@code ids} are not completed yet. */
    static long notCompleted(OutboxStore store, Set<UUID> ids) {
        return query(store, "SELECT count(*) FROM outbox_event WHERE id = ANY(?) AND status <> 'completed'",
                s -> s.setArray(1, uuids(s.getConnection(), ids)), rows -> {
                    rows.next();
                    return rows.getLong(1);
                });
    }

    /** The latest completion among {@code ids}, all completed. */
    static Instant lastCompletion(OutboxStore store, Set<UUID> ids) {
        return query(store, "SELECT max(completed_at) FROM outbox_event WHERE id = ANY(?)",
                s -> s.setArray(1, uuids(s.getConnection(), ids)), rows -> {
                    rows.next();
                    return rows.getObject(1, OffsetDateTime.class).toInstant();
                });
    }

    private static Array uuids(Connection connection, Set<UUID> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.toArray());
    }

    private static Set<UUID> ids(OutboxStore store, String sql, Binder binder) {
        return query(store, sql, binder, rows -> {
            Set<UUID> ids = new HashSet<>();
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
            return ids;
        });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static <T> T query(OutboxStore store, String sql, Binder binder, Reader<T> reader) {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rows = s.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the outbox failed: " + e.getMessage(), e);
        }
    }
}
