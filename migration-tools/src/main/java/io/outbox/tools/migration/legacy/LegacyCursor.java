package io.outbox.tools.migration.legacy;

import io.outbox.tools.migration.jdbc.Connections;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

/**
 * Streams a legacy table's rows a batch at a time; only the current batch is held. Legacy
 * {@code TIMESTAMP} values are read as UTC whatever the JVM's zone. Not thread-safe.
 */
public final class LegacyCursor implements AutoCloseable {
    private static final byte[] NO_BYTES = new byte[0];

    private final PreparedStatement statement;
    private final ResultSet rows;
    private final boolean textPayload;
    private final String url;
    private final Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    private boolean exhausted;

    LegacyCursor(PreparedStatement statement, ResultSet rows, boolean textPayload, String url) {
        this.statement = statement;
        this.rows = rows;
        this.textPayload = textPayload;
        this.url = url;
    }

    /** Up to {@code max} next rows; empty once the table is read. */
    public List<LegacyRow> next(int max) {
        List<LegacyRow> batch = new ArrayList<>(Math.min(max, 1024));
        try {
            while (!exhausted && batch.size() < max) {
                if (rows.next()) {
                    batch.add(read());
                } else {
                    exhausted = true;
                }
            }
            return batch;
        } catch (SQLException e) {
            throw Connections.translate(e, url, "source");
        }
    }

    /** Columns by position, in the order of {@link LegacyTable#COLUMNS} (Derby looks names up slowly). */
    private LegacyRow read() throws SQLException {
        return new LegacyRow(orEmpty(rows.getString(1)), instant(2), orEmpty(rows.getString(3)), payload(),
                orEmpty(rows.getString(5)), rows.getInt(6), instant(7), instant(8), Optional.ofNullable(rows.getString(9)));
    }

    private byte[] payload() throws SQLException {
        if (textPayload) {
            String text = rows.getString(4);
            return text == null ? NO_BYTES : text.getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = rows.getBytes(4);
        return bytes == null ? NO_BYTES : bytes;
    }

    private Optional<Instant> instant(int column) throws SQLException {
        Timestamp value = rows.getTimestamp(column, utc);
        return value == null ? Optional.empty() : Optional.of(value.toInstant());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public void close() {
        try {
            rows.close();
            statement.close();
        } catch (SQLException e) {
            throw Connections.translate(e, url, "source");
        }
    }
}
