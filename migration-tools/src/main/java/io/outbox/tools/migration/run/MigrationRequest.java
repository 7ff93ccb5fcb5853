package io.outbox.tools.migration.run;

import io.outbox.InvalidConfigurationException;
import io.outbox.event.OutboxEvent;
import io.outbox.tools.migration.legacy.LegacyTable;

import java.util.Objects;
import java.util.Optional;

/**
 * One migration, as the options ask for it; every value checked once, each message naming its
 * option and what it accepts. Immutable.
 *
 * @param targetUrl defaults to the source (the usual case: an app upgraded in place)
 * @param batchSize rows per target transaction and per source fetch (500)
 */
public record MigrationRequest(String sourceUrl, String sourceTable, String targetUrl, Optional<String> user,
                               boolean dryRun, int batchSize) {
    public static final int DEFAULT_BATCH_SIZE = 500;
    public static final int MAX_BATCH_SIZE = 10_000;

    public MigrationRequest {
        Objects.requireNonNull(user, "user");
        requireJdbcUrl("--source", sourceUrl);
        requireJdbcUrl("--target", targetUrl);
        requireTable(sourceTable);
        if (user.isPresent() && !OutboxEvent.USER_ID.matcher(user.get()).matches()) {
            throw new InvalidConfigurationException("--user: 1 to 64 of A-Za-z0-9._@-, was '" + user.get() + "'");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new InvalidConfigurationException("--batch-size: a whole number from 1 to " + MAX_BATCH_SIZE
                    + ", was " + batchSize);
        }
    }

    static void requireJdbcUrl(String option, String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
            throw new InvalidConfigurationException(option + ": a JDBC URL (jdbc:derby:DIR or "
                    + "jdbc:postgresql://HOST:PORT/DB?user=...), was '" + url + "'");
        }
    }

    static void requireTable(String table) {
        if (!LegacyTable.isValidName(table)) {
            throw new InvalidConfigurationException("--source-table: an SQL table name (letters, digits and _, "
                    + "optionally schema.table), was '" + table + "'");
        }
    }
}
