package com.lume.persistence;

import com.lume.wellness.WellnessEvents;
import io.outbox.event.Priority;
import io.outbox.jpa.Dialect;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The upgrade to the unified outbox: entries a store made before it that never reached the
 * backend (no backend id, not deleted) get a pending create event, moods before journals, so the
 * first sync sends them; entries with a backend id are synced and get none. An entry that also
 * has a legacy outbox row is sent once all the same: migration-tools keeps the legacy events'
 * older times, so the legacy create goes first and stores the backend id, and this event then
 * finds it and sends nothing.
 */
public final class V4__Outbox_for_unsynced_entries extends BaseJavaMigration {
    private final Clock clock;

    public V4__Outbox_for_unsynced_entries(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        String url = c.getMetaData().getURL();
        Dialect dialect = Dialect.of(url).orElseThrow(() -> new SQLException("not a supported store: " + url));
        Instant now = clock.instant();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO outbox_event (id, event_type, operation,"
                + " entity_id, user_id, status, priority, created_at, attempt_count, max_attempts, metadata,"
                + " is_new_record, next_attempt_at) VALUES (?, ?, 'create', ?, ?, 'pending', ?, ?, 0, 5, ?, TRUE, ?)")) {
            int n = addEvents(insert, dialect, c, "mood_entry", WellnessEvents.MOOD, now, 0);
            addEvents(insert, dialect, c, "journal_entry", WellnessEvents.JOURNAL, now, n);
            insert.executeBatch();
        }
    }

    private static int addEvents(PreparedStatement insert, Dialect dialect, Connection c, String table, String type,
                                 Instant now, int first) throws SQLException {
        int n = first;
        try (Statement select = c.createStatement();
             ResultSet rows = select.executeQuery("SELECT id, user_id FROM " + table
                     + " WHERE backend_id IS NULL AND deleted = FALSE ORDER BY entry_date, id")) {
            while (rows.next()) {
                dialect.bindUuid(insert, 1, UUID.randomUUID());
                insert.setString(2, type);
                insert.setString(3, rows.getString("id"));
                insert.setString(4, rows.getString("user_id"));
                insert.setInt(5, Priority.USER_ACTION);
                dialect.bindInstant(insert, 6, now.plusNanos(1000L * n++)); // keeps the entries' order
                insert.setString(7, WellnessEvents.OWN_METADATA);
                dialect.bindInstant(insert, 8, now);
                insert.addBatch();
            }
        }
        return n;
    }
}
