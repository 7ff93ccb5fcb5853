package com.fitiq.reliability;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What a FitIQ Derby store on disk holds, read over plain JDBC (no migration, no ORM) while no app
 * process has it open: entries, events, and a dump of every table for "nothing changed" checks.
 * Each read boots the database and shuts it down again, so the next jar process can open it.
 * An immutable snapshot; the static readers are thread-safe as long as no two read one store.
 */
record StoreRows(List<Entry> entries, List<Event> events) {
    StoreRows {
        entries = List.copyOf(entries);
        events = List.copyOf(events);
    }

    /** A row of progress_entry; dates as the app stores them, UTC wall time. */
    record Entry(String id, String userId, String type, double quantity, String unit, Instant date,
                 Optional<String> backendId, boolean deleted) {
    }

    /** A row of outbox_event, the columns the campaigns check. */
    record Event(String id, String entityId, String userId, String operation, String status, int attemptCount,
                 int priority) {
    }

    static StoreRows read(Path dataDir) {
        return withStore(dataDir, c -> new StoreRows(entries(c), events(c)));
    }

    /**
     * Every row of every table of the store (the app's, the outbox's, the schema histories), in a
     * fixed order, as one SHA-256: equal digests mean the store holds exactly the same data.
     */
    static String digest(Path dataDir) {
        String dump = withStore(dataDir, StoreRows::dump);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(dump.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Entry> entriesOf(String user) {
        return entries.stream().filter(e -> e.userId().equals(user)).toList();
    }

    List<Event> eventsOf(String user) {
        return events.stream().filter(e -> e.userId().equals(user)).toList();
    }

    List<Event> eventsWhere(Predicate<Event> condition) {
        return events.stream().filter(condition).toList();
    }

    Optional<Entry> entry(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    Map<String, List<Event>> eventsByEntity() {
        return events.stream().collect(Collectors.groupingBy(Event::entityId));
    }

    private interface Reader<T> {
        T read(Connection connection) throws SQLException;
    }

    private static <T> T withStore(Path dataDir, Reader<T> reader) {
        Path store = dataDir.toAbsolutePath().resolve("store");
        if (!Files.isDirectory(store)) {
            throw new AssertionError("no Derby store at " + store);
        }
        keepDerbyLogInTarget();
        String url = "jdbc:derby:" + store;
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.setReadOnly(true);
            return reader.read(connection);
        } catch (SQLException e) {
            throw new AssertionError("cannot read the store at " + store + ": " + e.getMessage(), e);
        } finally {
            shutDown(url);
        }
    }

    private static void shutDown(String url) {
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException expected) {
            // 08006 is Derby's word for a clean shutdown of one database
            if (!"08006".equals(expected.getSQLState())) {
                throw new AssertionError("shutting down " + url + ": " + expected.getMessage(), expected);
            }
        }
    }

    private static void keepDerbyLogInTarget() {
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", Path.of("target", "derby-reliability.log")
                    .toAbsolutePath().toString());
        }
    }

    private static List<Entry> entries(Connection c) throws SQLException {
        List<Entry> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id, user_id, type, quantity,"
                + " unit, entry_date, backend_id, deleted FROM progress_entry ORDER BY id")) {
            while (r.next()) {
                rows.add(new Entry(r.getString(1), r.getString(2), r.getString(3), r.getDouble(4), r.getString(5),
                        utc(r.getTimestamp(6).toLocalDateTime()), Optional.ofNullable(r.getString(7)),
                        r.getBoolean(8)));
            }
        }
        return rows;
    }

    private static List<Event> events(Connection c) throws SQLException {
        List<Event> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id, entity_id, user_id,"
                + " operation, status, attempt_count, priority FROM outbox_event ORDER BY created_at, id")) {
            while (r.next()) {
                rows.add(new Event(uuid(r.getBytes(1)), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), r.getInt(6), r.getInt(7)));
            }
        }
        return rows;
    }

    private static String dump(Connection c) throws SQLException {
        StringBuilder dump = new StringBuilder();
        DatabaseMetaData meta = c.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet r = meta.getTables(null, "APP", "%", new String[] {"TABLE"})) {
            while (r.next()) {
                tables.add(r.getString("TABLE_NAME"));
            }
        }
        tables.sort(null);
        for (String table : tables) {
            dump.append("== ").append(table).append('\n');
            List<String> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM APP.\""
                    + table.replace("\"", "\"\"") + "\"")) {
                ResultSetMetaData columns = r.getMetaData();
                while (r.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        Object value = r.getObject(i);
                        row.append(columns.getColumnName(i)).append('=').append(text(value)).append('\u0001');
                    }
                    rows.add(row.toString());
                }
            }
            rows.sort(null);
            rows.forEach(row -> dump.append(row).append('\n'));
        }
        return dump.toString();
    }

    private static String text(Object value) throws SQLException {
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (value instanceof java.sql.Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return Objects.toString(value);
    }

    private static Instant utc(LocalDateTime stored) {
        return stored.toInstant(ZoneOffset.UTC);
    }

    private static String uuid(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong()).toString();
    }
}
