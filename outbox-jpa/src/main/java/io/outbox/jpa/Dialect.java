package io.outbox.jpa;

import io.outbox.StoreUnavailableException;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What differs between the supported stores, kept as data: how ids and instants are bound
 * and read, where the migrations live, which EclipseLink platform applies. Instants are
 * always stored in UTC, whatever the JVM's time zone. Immutable.
 */
public enum Dialect {
    /** Embedded Derby: one process owns the store; UUIDs as {@code CHAR(16) FOR BIT DATA}, UTC wall-clock timestamps. */
    DERBY("jdbc:derby:", "derby", "org.eclipse.persistence.platform.database.DerbyPlatform", true),
    /** PostgreSQL: shared by several processes; {@code uuid} and {@code timestamptz}. */
    POSTGRESQL("jdbc:postgresql:", "postgresql", "org.eclipse.persistence.platform.database.PostgreSQLPlatform", false);

    private final String urlPrefix;
    private final String folder;
    private final String eclipseLinkPlatform;
    private final boolean embedded;

    Dialect(String urlPrefix, String folder, String eclipseLinkPlatform, boolean embedded) {
        this.urlPrefix = urlPrefix;
        this.folder = folder;
        this.eclipseLinkPlatform = eclipseLinkPlatform;
        this.embedded = embedded;
    }

    /** The dialect of a JDBC URL, if it is one this library supports. */
    public static Optional<Dialect> of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        for (Dialect dialect : values()) {
            if (url.startsWith(dialect.urlPrefix)) {
                return Optional.of(dialect);
            }
        }
        return Optional.empty();
    }

    /**
     * The dialect of {@code jdbcUrl}, the URL of {@code what} (a connection, a DataSource), or a
     * {@link StoreUnavailableException} that names it without its password and what is supported.
     */
    static Dialect supported(String jdbcUrl, String what) {
        return of(jdbcUrl).orElseThrow(() -> new StoreUnavailableException(what + " is on "
                + StoreConfig.redact(jdbcUrl) + ", a database this library does not support; supported: Derby "
                + "(jdbc:derby:...) and PostgreSQL (jdbc:postgresql:...)", null));
    }

    /** The folder name under a migration root: {@code db/outbox/derby}, say. */
    public String folder() {
        return folder;
    }

    /** EclipseLink's target-database class for this store. */
    public String eclipseLinkPlatform() {
        return eclipseLinkPlatform;
    }

    /** An embedded store is owned by one process, which may therefore recover every processing event at once. */
    public boolean embedded() {
        return embedded;
    }

    /** Binds an id as the store keeps it: 16 bytes on Derby, a {@code uuid} on PostgreSQL. */
    public void bindUuid(PreparedStatement statement, int index, UUID id) throws SQLException {
        if (this == DERBY) {
            statement.setBytes(index, toBytes(id));
        } else {
            statement.setObject(index, id);
        }
    }

    /** Reads an id bound by {@link #bindUuid}; null for SQL NULL. */
    public UUID readUuid(ResultSet rows, String column) throws SQLException {
        if (this == DERBY) {
            byte[] bytes = rows.getBytes(column);
            return bytes == null ? null : fromBytes(bytes);
        }
        return rows.getObject(column, UUID.class);
    }

    /** Binds an instant (or SQL NULL for null) as UTC, whatever the JVM's zone. */
    public void bindInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, java.sql.Types.TIMESTAMP);
        } else if (this == DERBY) {
            // with a UTC calendar the driver writes UTC wall-clock fields, whatever the JVM's zone and its DST gaps
            statement.setTimestamp(index, Timestamp.from(instant), utc());
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    /** Reads an instant bound by {@link #bindInstant}; empty for SQL NULL. */
    public Optional<Instant> readInstant(ResultSet rows, String column) throws SQLException {
        if (this == DERBY) {
            Timestamp value = rows.getTimestamp(column, utc());
            return value == null ? Optional.empty() : Optional.of(value.toInstant());
        }
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
    }

    /**
     * UTC, proleptic Gregorian: the calendar of {@code java.time}, which the JPA path writes with.
     * The default Calendar switches to the Julian calendar before 1582-10-15, which read
     * 0001-01-01 back as 0000-12-30 (found by the migrate fuzz campaign).
     */
    private static java.util.Calendar utc() {
        java.util.GregorianCalendar calendar = new java.util.GregorianCalendar(
                java.util.TimeZone.getTimeZone(ZoneOffset.UTC));
        calendar.setGregorianChange(new java.util.Date(Long.MIN_VALUE));
        return calendar;
    }

    static byte[] toBytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    static UUID fromBytes(byte[] bytes) {
        if (bytes.length != 16) {
            throw new IllegalArgumentException("a UUID takes 16 bytes, found " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
