package io.outbox.jpa;

import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.event.Priority;
import io.outbox.jpa.internal.StoreErrors;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The upgrade of an app that kept its entries before it had an outbox: each entry that never
 * reached the backend (no backend id, not deleted) gets a pending create event, so the first
 * sync sends it; entries with a backend id are synced and get none. The events keep the
 * entries' order (by date, then id; tables in the order given) and are written through
 * {@link OutboxWriter}, with the core's defaults. An app subclasses it under its Flyway name
 * ({@code V4__Outbox_for_unsynced_entries}), which gives the version and description.
 *
 * <p>Each table follows the synced-entry shape ({@link SyncedEntryJpaEntity}): {@code id},
 * {@code user_id}, {@code entry_date}, {@code backend_id} and {@code deleted}. The same reading
 * and the same create events serve later repairs ({@link #entries}, {@link #createEvents}): an
 * app's tools find its tables in its schema history through {@link #sources}. Immutable.
 */
public abstract class UnsyncedEntriesBackfill extends BaseJavaMigration {
    private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    /** Events a few apart in time keep the entries' order however the store sorts equal times. */
    private static final long STEP_NANOS = 1000;

    private final Clock clock;
    private final List<Source> sources;

    /** The backfill of the tables in {@code sources}, in that order, its events dated by {@code clock}. */
    protected UnsyncedEntriesBackfill(Clock clock, Source... sources) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sources = List.of(sources);
    }

    /**
     * One table of entries and the events its entries get.
     *
     * @param table     the entries' table, a lower-case SQL identifier
     * @param eventType the type of their create events (the one the app's handler takes)
     * @param metadata  the events' metadata
     */
    public record Source(String table, String eventType, Optional<String> metadata) {
        /** Checks that {@code table} is a lower-case SQL identifier and that the other parts are set. */
        public Source {
            if (!TABLE.matcher(table).matches()) {
                throw new IllegalArgumentException("table must be a lower-case SQL identifier, was " + table);
            }
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(metadata, "metadata");
        }
    }

    /** The tables this backfill reads, in its order, each with the type of its entries' events. */
    public List<Source> sources() {
        return sources;
    }

    /**
     * One stored entry, tombstones included, with what the outbox's checks need of it.
     *
     * @param source  its table and the type of its events
     * @param id      the entry's id (its events' entity id)
     * @param userId  the user whose entry it is
     * @param synced  whether it has a backend id: its create reached the backend
     * @param deleted whether it is a tombstone
     */
    public record StoredEntry(Source source, String id, String userId, boolean synced, boolean deleted) {
        /** Checks that every part is set. */
        public StoredEntry {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(userId, "userId");
        }

        /** Never reached the backend and not deleted: the entry needs a create event. */
        public boolean unsynced() {
            return !synced && !deleted;
        }
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<StoredEntry> unsynced = new ArrayList<>();
        for (Source source : sources) {
            entries(connection, source, Optional.empty()).stream().filter(StoredEntry::unsynced).forEach(unsynced::add);
        }
        OutboxWriter.record(connection, createEvents(unsynced, clock.instant()));
    }

    /**
     * The entries of {@code source}'s table, of one user or of everyone, tombstones included,
     * by date and then id, read on {@code connection}.
     */
    public static List<StoredEntry> entries(Connection connection, Source source, Optional<String> userId)
            throws SQLException {
        List<StoredEntry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, user_id, backend_id, deleted FROM "
                + source.table() + (userId.isPresent() ? " WHERE user_id = ?" : "") + " ORDER BY entry_date, id")) {
            if (userId.isPresent()) {
                select.setString(1, userId.get());
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new StoredEntry(source, rows.getString("id").trim(), rows.getString("user_id"),
                            rows.getString("backend_id") != null, rows.getBoolean("deleted")));
                }
            }
        }
        return entries;
    }

    /**
     * {@link #entries} of {@code userId} in each of {@code sources}' tables on an open store, in
     * the sources' order; a failure comes as the store's {@link io.outbox.OutboxException}.
     */
    public static List<StoredEntry> entriesOf(OutboxStore store, List<Source> sources, String userId) {
        try (Connection connection = store.dataSource().getConnection()) {
            List<StoredEntry> all = new ArrayList<>();
            for (Source source : sources) {
                all.addAll(entries(connection, source, Optional.of(userId)));
            }
            return all;
        } catch (SQLException e) {
            throw StoreErrors.translate(e, store.description());
        }
    }

    /**
     * Records {@link #createEvents} of {@code entries} on an open store, in one transaction, and
     * returns them; a failure writes none and comes as the store's {@link io.outbox.OutboxException}.
     */
    public static List<OutboxEvent> recordCreates(OutboxStore store, List<StoredEntry> entries, Instant now) {
        List<OutboxEvent> events = createEvents(entries, now);
        if (events.isEmpty()) {
            return events;
        }
        try (Connection connection = store.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                OutboxWriter.record(connection, events);
                connection.commit();
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true); // the pool lends it on as it came
            }
            return events;
        } catch (SQLException e) {
            throw StoreErrors.translate(e, store.description());
        }
    }

    /**
     * A pending create event for each entry, of its source's type and metadata, in the order
     * given: the first made at {@code now}, each next a microsecond later, so a store that sorts
     * equal times any way keeps the entries' order.
     */
    public static List<OutboxEvent> createEvents(List<StoredEntry> entries, Instant now) {
        List<OutboxEvent> events = new ArrayList<>();
        for (StoredEntry entry : entries) {
            events.add(OutboxEvent.pending(UUID.randomUUID(), entry.source().eventType(), Operation.CREATE, entry.id(),
                    entry.userId(), Priority.USER_ACTION, entry.source().metadata(),
                    now.plusNanos(STEP_NANOS * events.size())));
        }
        return events;
    }
}
