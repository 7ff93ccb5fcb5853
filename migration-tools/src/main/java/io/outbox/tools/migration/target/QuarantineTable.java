package io.outbox.tools.migration.target;

import io.outbox.jpa.Dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The record of quarantined legacy rows in the target, {@code lume_legacy_quarantine}: the Lume
 * app reads it to know which legacy rows are accounted for. Created when missing; a row already
 * recorded keeps its first reason, so runs can repeat. Stateless.
 */
final class QuarantineTable {
    static final String NAME = "lume_legacy_quarantine";

    private QuarantineTable() {
    }

    static void record(Connection c, Dialect dialect, Map<String, String> reasons, Instant now) throws SQLException {
        createIfMissing(c);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM " + NAME + " WHERE legacy_id = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO " + NAME
                     + " (legacy_id, reason, quarantined_at) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> entry : reasons.entrySet()) {
                exists.setString(1, entry.getKey());
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        continue;
                    }
                }
                insert.setString(1, entry.getKey());
                insert.setString(2, entry.getValue());
                dialect.bindInstant(insert, 3, now);
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static void createIfMissing(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String name : new String[]{NAME, NAME.toUpperCase(Locale.ROOT)}) {
            try (ResultSet tables = meta.getTables(null, c.getSchema(), name, null)) {
                if (tables.next()) {
                    return;
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + NAME + " (legacy_id VARCHAR(64) NOT NULL PRIMARY KEY,"
                    + " reason VARCHAR(2000) NOT NULL, quarantined_at TIMESTAMP NOT NULL)");
        }
    }
}
