package com.lume.legacy;

import io.outbox.OutboxException;
import io.outbox.jpa.Dialect;
import io.outbox.jpa.OutboxStore;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The legacy Lume outbox rows a store may still hold ({@code lume_outbox_v6}, docs/legacy-lume-v6.md),
 * and whether each is accounted for: migrated (an outbox event has its id, trimmed, read as a
 * UUID) or quarantined by migration-tools ({@code lume_legacy_quarantine}, which may not exist).
 * Both tables are looked up in the store's current schema through JDBC metadata, in any case.
 * Reads only; stateless.
 */
public final class LegacyOutbox {
    static final String LEGACY_TABLE = "lume_outbox_v6";
    static final String QUARANTINE_TABLE = "lume_legacy_quarantine";
    private static final int BATCH = 500;
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private LegacyOutbox() {
    }

    /**
     * What a store holds of the legacy outbox.
     *
     * @param legacyTable     whether {@code lume_outbox_v6} exists
     * @param rows            its rows
     * @param unaccounted     its rows neither migrated nor quarantined
     * @param quarantineTable whether {@code lume_legacy_quarantine} exists
     * @param quarantined     rows listed there
     */
    public record Census(boolean legacyTable, long rows, long unaccounted, boolean quarantineTable, long quarantined) {
        static final Census NONE = new Census(false, 0, 0, false, 0);
    }

    public static Census census(OutboxStore store) {
        try (Connection c = store.dataSource().getConnection()) {
            Optional<String> legacy = table(c, LEGACY_TABLE);
            Optional<String> quarantine = table(c, QUARANTINE_TABLE);
            if (legacy.isEmpty() && quarantine.isEmpty()) {
                return Census.NONE;
            }
            Set<String> quarantined = quarantine.isPresent() ? ids(c, quarantine.get(), "legacy_id") : Set.of();
            if (legacy.isEmpty()) {
                return new Census(false, 0, 0, true, quarantined.size());
            }
            Set<String> rows = ids(c, legacy.get(), "id");
            long unaccounted = unaccounted(c, store.dialect(), rows, quarantined);
            return new Census(true, rows.size(), unaccounted, quarantine.isPresent(), quarantined.size());
        } catch (SQLException e) {
            throw new OutboxException("cannot read the legacy outbox of " + store.description() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Refuses a sync while a legacy row is unaccounted for, naming the command that migrates them. */
    public static void requireAccountedFor(OutboxStore store) {
        Census census = census(store);
        if (census.unaccounted() > 0) {
            throw new LegacyRowsNotMigratedException(census.unaccounted() + " legacy outbox row"
                    + (census.unaccounted() == 1 ? " is" : "s are") + " neither migrated nor quarantined; migrate"
                    + " them before syncing: java -jar migration-tools/target/migration-tools.jar migrate --source "
                    + sourceUrl(store));
        }
    }

    /** What {@code outbox stats} adds: the legacy rows' counts, when the store has the tables. */
    public static Map<String, Object> statistics(OutboxStore store) {
        Census census = census(store);
        Map<String, Object> lines = new LinkedHashMap<>();
        if (census.legacyTable()) {
            lines.put("legacy_rows", census.rows());
            lines.put("legacy_rows_not_migrated", census.unaccounted());
        }
        if (census.quarantineTable()) {
            lines.put("legacy_rows_quarantined", census.quarantined());
        }
        return lines;
    }

    /** The store's URL for migration-tools: without Derby's create attribute, passwords redacted. */
    static String sourceUrl(OutboxStore store) {
        return store.description().replace(";create=true", "");
    }

    private static long unaccounted(Connection c, Dialect dialect, Set<String> rows, Set<String> quarantined)
            throws SQLException {
        List<UUID> candidates = new ArrayList<>();
        long unaccounted = 0;
        for (String id : rows) {
            if (quarantined.contains(id)) {
                continue;
            }
            if (UUID_TEXT.matcher(id).matches()) {
                candidates.add(UUID.fromString(id));
            } else {
                unaccounted++; // never an event id: only the quarantine can account for it
            }
        }
        for (int from = 0; from < candidates.size(); from += BATCH) {
            List<UUID> batch = candidates.subList(from, Math.min(candidates.size(), from + BATCH));
            unaccounted += batch.size() - migrated(c, dialect, batch);
        }
        return unaccounted;
    }

    private static int migrated(Connection c, Dialect dialect, List<UUID> ids) throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM outbox_event WHERE id IN (" + marks + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                dialect.bindUuid(s, i + 1, ids.get(i));
            }
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Every value of one column, trimmed, UUIDs lower-cased: ids as both tables may spell them. */
    private static Set<String> ids(Connection c, String table, String column) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
            int index = columnIndex(rows.getMetaData(), column, table);
            while (rows.next()) {
                String id = rows.getString(index);
                if (id != null) {
                    ids.add(normalized(id));
                }
            }
        }
        return ids;
    }

    static String normalized(String id) {
        String trimmed = id.trim();
        return UUID_TEXT.matcher(trimmed).matches() ? trimmed.toLowerCase(Locale.ROOT) : trimmed;
    }

    private static int columnIndex(ResultSetMetaData meta, String column, String table) throws SQLException {
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (meta.getColumnName(i).equalsIgnoreCase(column)) {
                return i;
            }
        }
        throw new SQLException("table " + table + " has no column " + column);
    }

    /** The table's name as the database spells it (Derby upper-cases unquoted names), if it exists. */
    private static Optional<String> table(Connection c, String name) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = c.getSchema();
        String escape = meta.getSearchStringEscape();
        for (String spelling : new String[] {name, name.toUpperCase(Locale.ROOT)}) {
            try (ResultSet tables = meta.getTables(null, pattern(schema, escape), pattern(spelling, escape), null)) {
                while (tables.next()) {
                    String found = tables.getString("TABLE_NAME");
                    if (found.equalsIgnoreCase(name) && (schema == null || schema.equals(tables.getString("TABLE_SCHEM")))) {
                        return Optional.of(found);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A metadata search pattern matching exactly {@code name}: '_' and '%' are wildcards there. */
    private static String pattern(String name, String escape) {
        if (name == null || escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}
