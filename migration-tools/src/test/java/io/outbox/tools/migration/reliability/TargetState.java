package io.outbox.tools.migration.reliability;

import io.outbox.jpa.Dialect;
import io.outbox.tools.migration.jdbc.DerbyDatabases;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a target holds, read with plain JDBC so that looking never creates or upgrades a schema:
 * the event ids with their status and claim, and the quarantine records. A table that is not
 * there holds nothing; a Derby target that was never created is empty. Immutable.
 *
 * @param events      every event row: id to status (a repeated id would show as a second entry of {@code eventRows})
 * @param eventRows   the number of event rows (equal to {@code events.size()} unless an id repeats)
 * @param claimed     event rows left {@code processing} or holding a claim
 * @param quarantined legacy id to reason, from {@code lume_legacy_quarantine}
 */
record TargetState(Map<UUID, String> events, long eventRows, long claimed, Map<String, String> quarantined) {
    static final TargetState EMPTY = new TargetState(Map.of(), 0, 0, Map.of());

    /** Reads the target at {@code url} (its {@code ;create=true} dropped) and, for Derby, shuts it down again. */
    static TargetState read(String url) {
        String readUrl = DerbyDatabases.withoutCreate(url);
        Dialect dialect = Dialect.of(url).orElseThrow();
        try (Connection c = DriverManager.getConnection(readUrl)) {
            Map<UUID, String> events = new HashMap<>();
            long rows = 0;
            long claimed = 0;
            if (exists(c, "outbox_event")) {
                // a run killed between the outbox schema's first and second version leaves no claim column yet
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM outbox_event")) {
                    boolean claims = hasColumn(r.getMetaData(), "claim_owner");
                    while (r.next()) {
                        rows++;
                        String status = r.getString("status");
                        events.put(dialect.readUuid(r, "id"), status);
                        if ("processing".equalsIgnoreCase(status) || (claims && r.getString("claim_owner") != null)) {
                            claimed++;
                        }
                    }
                }
            }
            Map<String, String> quarantined = new HashMap<>();
            if (exists(c, "lume_legacy_quarantine")) {
                try (Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT legacy_id, reason FROM lume_legacy_quarantine")) {
                    while (r.next()) {
                        quarantined.put(r.getString(1), r.getString(2));
                    }
                }
            }
            return new TargetState(Map.copyOf(events), rows, claimed, Map.copyOf(quarantined));
        } catch (SQLException e) {
            if ("XJ004".equals(e.getSQLState())) {
                return EMPTY; // a Derby target killed before it was created
            }
            throw new IllegalStateException("cannot read the target " + readUrl + ": " + e.getMessage(), e);
        } finally {
            DerbyDatabases.shutDown(readUrl);
        }
    }

    /** The tables of the connection's schema, lower case. */
    static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet r = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (r.next()) {
                names.add(r.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        }
        return names;
    }

    private static boolean hasColumn(java.sql.ResultSetMetaData meta, String column) throws SQLException {
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (meta.getColumnName(i).equalsIgnoreCase(column)) {
                return true;
            }
        }
        return false;
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        return tables(c).contains(table);
    }

    Optional<String> status(UUID id) {
        return Optional.ofNullable(events.get(id));
    }
}
