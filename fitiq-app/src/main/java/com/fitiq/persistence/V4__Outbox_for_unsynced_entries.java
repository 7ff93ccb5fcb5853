package com.fitiq.persistence;

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
 * backend (no backend id) get a pending create event, so the first sync sends them; entries
 * with a backend id are synced and get none.
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
        try (Statement select = c.createStatement();
             ResultSet rows = select.executeQuery("SELECT id, user_id, type, quantity, unit, entry_date"
                     + " FROM progress_entry WHERE backend_id IS NULL AND deleted = FALSE ORDER BY entry_date, id");
             PreparedStatement insert = c.prepareStatement("INSERT INTO outbox_event (id, event_type, operation,"
                     + " entity_id, user_id, status, priority, created_at, attempt_count, max_attempts, metadata,"
                     + " is_new_record, next_attempt_at) VALUES (?, 'progress_entry', 'create', ?, ?, 'pending', ?,"
                     + " ?, 0, 5, ?, TRUE, ?)")) {
            int n = 0;
            while (rows.next()) {
                dialect.bindUuid(insert, 1, UUID.randomUUID());
                insert.setString(2, rows.getString("id"));
                insert.setString(3, rows.getString("user_id"));
                insert.setInt(4, Priority.USER_ACTION);
                dialect.bindInstant(insert, 5, now.plusNanos(1000L * n++)); // keeps the entries' order
                insert.setString(6, "{\"migrated\":\"from a store made before the outbox\"}");
                dialect.bindInstant(insert, 7, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
