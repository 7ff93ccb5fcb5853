package io.outbox.tools.migration.run;

import io.outbox.tools.migration.jdbc.Connections;
import io.outbox.tools.migration.jdbc.DerbyDatabases;
import io.outbox.tools.migration.legacy.LegacyRow;
import io.outbox.tools.migration.mapping.Mapping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The inspect use case: reads a legacy table through the same mapping as a migration, and counts. Stateless; each call is one run. */
public final class Inspection {
    private static final int BATCH = 500;

    private Inspection() {
    }

    public static InspectionReport run(String sourceUrl, String sourceTable, Optional<String> user,
                                       ProgressListener progress) {
        MigrationRequest.requireJdbcUrl("--source", sourceUrl);
        MigrationRequest.requireTable(sourceTable);
        Counts counts = new Counts();
        try (SourceScan source = SourceScan.open(sourceUrl, sourceTable, user)) {
            progress.started(source.total());
            source.forEachBatch(BATCH, (rows, batch) -> {
                counts.add(rows, batch);
                progress.advanced(new Progress(source.total(), counts.rows, counts.migrate, 0, counts.quarantined()));
            });
        } finally {
            DerbyDatabases.shutDown(sourceUrl);
        }
        progress.finished(new Progress(counts.rows, counts.rows, counts.migrate, 0, counts.quarantined()));
        return new InspectionReport(Connections.redacted(sourceUrl), sourceTable, user, counts.rows, counts.types,
                counts.statuses, counts.shapes, counts.bom, counts.noEntity, counts.noUser, counts.migrate,
                counts.fallBack, counts.quarantine);
    }

    /** The running counts of one inspection. Not thread-safe. */
    private static final class Counts {
        private final Map<String, Long> types = new HashMap<>();
        private final Map<String, Long> statuses = new HashMap<>();
        private final Map<String, Long> shapes = new HashMap<>();
        private final Map<String, Long> quarantine = new HashMap<>();
        private long rows;
        private long bom;
        private long noEntity;
        private long noUser;
        private long migrate;
        private long fallBack;

        void add(List<LegacyRow> read, List<Mapping> batch) {
            for (int i = 0; i < batch.size(); i++) {
                Mapping mapping = batch.get(i);
                rows++;
                types.merge(read.get(i).eventType(), 1L, Long::sum);
                statuses.merge(read.get(i).status(), 1L, Long::sum);
                shapes.merge(mapping.facts().shape().wireName(), 1L, Long::sum);
                bom += mapping.facts().byteOrderMark() ? 1 : 0;
                noEntity += mapping.facts().entityIdInPayload() ? 0 : 1;
                noUser += mapping.facts().userIdInPayload() ? 0 : 1;
                if (mapping instanceof Mapping.Migrate m) {
                    migrate++;
                    fallBack += m.entityIdFellBack() ? 1 : 0;
                } else if (mapping instanceof Mapping.Quarantine q) {
                    quarantine.merge(q.reason().wireName(), 1L, Long::sum);
                }
            }
        }

        long quarantined() {
            return quarantine.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
