package io.outbox.tools.migration.legacy;

import io.outbox.tools.migration.jdbc.Connections;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A legacy outbox table in a source database, its columns checked: counts its rows, finds ids
 * that several rows share, and streams its rows in primary-key order. Reads only. Not
 * thread-safe: it uses the caller's connection.
 */
public final class LegacyTable {
    public static final String DEFAULT_NAME = "lume_outbox_v6";
    /** The columns of the legacy DDL, in its order. */
    public static final List<String> COLUMNS = List.of("id", "created_at", "event_type", "payload", "status",
            "retry_count", "last_attempt_at", "completed_at", "error_message");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}(\\.[A-Za-z_][A-Za-z0-9_]{0,127})?");

    private final Connection connection;
    private final String name;
    private final String url;
    private final boolean textPayload;

    private LegacyTable(Connection connection, String name, String url, boolean textPayload) {
        this.connection = connection;
        this.name = name;
        this.url = url;
        this.textPayload = textPayload;
    }

    /** Whether {@code name} is a table name this tool accepts: an SQL identifier, optionally schema-qualified. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Checks that {@code name} exists on {@code connection} and has every legacy column. */
    public static LegacyTable open(Connection connection, String name, String url) {
        if (!isValidName(name)) {
            throw new LegacyTableException("--source-table: an SQL table name (letters, digits, _; optionally "
                    + "schema.table), was '" + name + "'");
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM " + name + " WHERE 1 = 0")) {
            return new LegacyTable(connection, name, url, payloadIsText(checkColumns(rows.getMetaData(), name)));
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("42")) {
                throw new LegacyTableException("the source has no table " + name + " (" + firstLine(e)
                        + "); --source-table must name a legacy Lume outbox table with columns "
                        + String.join(", ", COLUMNS), e);
            }
            throw Connections.translate(e, url, "source");
        }
    }

    public String name() {
        return name;
    }

    public long count() {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + name)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw Connections.translate(e, url, "source");
        }
    }

    /**
     * The ids, trimmed of spaces and upper-cased, that more than one row holds ({@code 3F0C...}
     * and {@code 3f0c...}, say). Only the duplicates are returned, so this stays small.
     */
    public List<String> sharedIds() {
        String key = "UPPER(TRIM(id))";
        String sql = "SELECT " + key + " FROM " + name + " GROUP BY " + key + " HAVING COUNT(*) > 1";
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<String> shared = new ArrayList<>();
            while (rows.next()) {
                shared.add(rows.getString(1));
            }
            return List.copyOf(shared);
        } catch (SQLException e) {
            throw Connections.translate(e, url, "source");
        }
    }

    /** A forward-only cursor over every row in primary-key order, {@code fetchSize} rows at a time from the server. */
    public LegacyCursor rows(int fetchSize) {
        String sql = "SELECT " + String.join(", ", COLUMNS) + " FROM " + name + " ORDER BY id";
        try {
            PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            try {
                statement.setFetchSize(fetchSize);
                return new LegacyCursor(statement, statement.executeQuery(), textPayload, url);
            } catch (SQLException e) {
                statement.close();
                throw e;
            }
        } catch (SQLException e) {
            throw Connections.translate(e, url, "source");
        }
    }

    /** The payload column's JDBC type, once every legacy column is known to be there. */
    private static int checkColumns(ResultSetMetaData meta, String name) throws SQLException {
        List<String> found = new ArrayList<>();
        int payloadType = Types.BLOB;
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String column = meta.getColumnName(i).toLowerCase(Locale.ROOT);
            found.add(column);
            if (column.equals("payload")) {
                payloadType = meta.getColumnType(i);
            }
        }
        for (String column : COLUMNS) {
            if (!found.contains(column)) {
                throw new LegacyTableException("table " + name + " has no column " + column
                        + "; a legacy Lume outbox table has " + String.join(", ", COLUMNS));
            }
        }
        return payloadType;
    }

    private static boolean payloadIsText(int type) {
        return type == Types.CHAR || type == Types.VARCHAR || type == Types.LONGVARCHAR || type == Types.CLOB
                || type == Types.NCHAR || type == Types.NVARCHAR || type == Types.LONGNVARCHAR || type == Types.NCLOB;
    }

    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
