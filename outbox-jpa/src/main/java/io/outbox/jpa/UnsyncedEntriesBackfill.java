package io.outbox.jpa;

import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.event.Priority;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * {@code user_id}, {@code entry_date}, {@code backend_id} and {@code deleted}. Immutable.
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

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        Instant now = clock.instant();
        List<OutboxEvent> events = new ArrayList<>();
        for (Source source : sources) {
            try (Statement select = connection.createStatement();
                 ResultSet rows = select.executeQuery("SELECT id, user_id FROM " + source.table()
                         + " WHERE backend_id IS NULL AND deleted = FALSE ORDER BY entry_date, id")) {
                while (rows.next()) {
                    events.add(OutboxEvent.pending(UUID.randomUUID(), source.eventType(), Operation.CREATE,
                            rows.getString("id"), rows.getString("user_id"), Priority.USER_ACTION, source.metadata(),
                            now.plusNanos(STEP_NANOS * events.size())));
                }
            }
        }
        OutboxWriter.record(connection, events);
    }
}
