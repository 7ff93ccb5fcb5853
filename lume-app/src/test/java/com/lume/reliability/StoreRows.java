package com.lume.reliability;

import com.lume.support.DerbyStore;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every row of every table of the embedded store a jar left in a data directory, as text, sorted:
 * "the store is unchanged" means two equal dumps. Read over plain JDBC in the test JVM, which then
 * releases the store for the next jar process. Stateless.
 */
final class StoreRows {
    private StoreRows() {
    }

    /** Table name to its rows, each row {@code NAME=value|} for each column ({@code |} in values escaped). */
    static TreeMap<String, List<String>> of(Path dataDir) {
        return of(dataDir, Optional.empty());
    }

    /** Only the rows of {@code user} in tables with a user id (entries, events); other tables whole. */
    static TreeMap<String, List<String>> of(Path dataDir, Optional<String> user) {
        TreeMap<String, List<String>> tables = new TreeMap<>();
        try (Connection connection = DerbyStore.connect(dataDir)) {
            for (String table : tables(connection)) {
                tables.put(table, rows(connection, table, user));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store in " + dataDir + ": " + e.getMessage(), e);
        } finally {
            DerbyStore.shutDown(dataDir);
        }
        return tables;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rows = meta.getTables(null, "APP", "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                names.add(rows.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    private static List<String> rows(Connection connection, String table, Optional<String> user) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
            ResultSetMetaData meta = result.getMetaData();
            int userColumn = userColumn(meta);
            while (result.next()) {
                if (user.isPresent() && userColumn > 0 && !user.get().equals(result.getString(userColumn))) {
                    continue;
                }
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    row.append(meta.getColumnName(column)).append('=').append(escape(result.getString(column)))
                            .append('|');
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }

    private static int userColumn(ResultSetMetaData meta) throws SQLException {
        for (int column = 1; column <= meta.getColumnCount(); column++) {
            if ("USER_ID".equalsIgnoreCase(meta.getColumnName(column))) {
                return column;
            }
        }
        return 0;
    }

    /** The value of {@code column} in a row of {@link #of}, as {@code getString} read it (null for SQL NULL). */
    static String cell(String row, String column) {
        for (String part : row.split("\\|")) {
            if (part.startsWith(column + "=")) {
                String value = part.substring(column.length() + 1);
                return value.equals("\\0") ? null : unescape(value);
            }
        }
        throw new IllegalArgumentException("no column " + column + " in " + row);
    }

    private static String escape(String value) {
        return value == null ? "\\0" : value.replace("\\", "\\\\").replace("|", "\\p");
    }

    private static String unescape(String value) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                text.append(next == 'p' ? '|' : next);
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
