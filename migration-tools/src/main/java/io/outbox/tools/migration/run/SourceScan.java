package io.outbox.tools.migration.run;

import io.outbox.tools.migration.jdbc.Connections;
import io.outbox.tools.migration.jdbc.DerbyDatabases;
import io.outbox.tools.migration.legacy.LegacyCursor;
import io.outbox.tools.migration.legacy.LegacyRow;
import io.outbox.tools.migration.legacy.LegacyTable;
import io.outbox.tools.migration.mapping.Mapping;
import io.outbox.tools.migration.mapping.RowMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A legacy table opened for reading: checked, counted, its shared ids found, then streamed and
 * mapped a batch at a time. Its connection only reads and never commits. Not thread-safe.
 */
final class SourceScan implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SourceScan.class);

    private final Connection connection;
    private final LegacyTable table;
    private final RowMapper mapper;
    private final long total;
    private final int shared;

    private SourceScan(Connection connection, LegacyTable table, RowMapper mapper, long total, int shared) {
        this.connection = connection;
        this.table = table;
        this.mapper = mapper;
        this.total = total;
        this.shared = shared;
    }

    /** Opens the source as it is: a Derby URL's {@code ;create=true} is dropped, so that a wrong path never becomes a new, empty database. */
    static SourceScan open(String url, String tableName, Optional<String> user) {
        Connection connection = Connections.openReadOnly(DerbyDatabases.withoutCreate(url), "source");
        try {
            LegacyTable table = LegacyTable.open(connection, tableName, url);
            long total = table.count();
            List<String> shared = table.sharedIds();
            return new SourceScan(connection, table, new RowMapper(user, shared), total, shared.size());
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    long total() {
        return total;
    }

    /** Reads every row in primary-key order and hands each batch of {@code size}, and its mappings (same order), to {@code consumer}. */
    void forEachBatch(int size, BiConsumer<List<LegacyRow>, List<Mapping>> consumer) {
        if (shared > 0) {
            // said here, once the run goes ahead: a run refused for its target prints its one line only
            log.warn("{} ids of {} are held by more than one row; those rows are quarantined", shared, table.name());
        }
        try (LegacyCursor cursor = table.rows(size)) {
            for (List<LegacyRow> rows = cursor.next(size); !rows.isEmpty(); rows = cursor.next(size)) {
                consumer.accept(rows, rows.stream().map(mapper::map).toList());
            }
        }
    }

    /** Closes the connection; when the same embedded database was shut down by the target already, there is nothing left to close. */
    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException e) {
            log.debug("closing the source connection reported: {}", e.getMessage());
        }
    }
}
