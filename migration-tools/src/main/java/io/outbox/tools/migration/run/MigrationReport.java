package io.outbox.tools.migration.run;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a migration did (or, dry, would do). Its counts reconcile by construction:
 * read = migrated + already present + quarantined. Immutable.
 *
 * @param entityIdFallback legacy ids migrated by this run whose entity id fell back to the event id
 */
public record MigrationReport(long read, long migrated, long alreadyPresent, List<QuarantineEntry> quarantine,
                              List<String> entityIdFallback, boolean dryRun, String source, String sourceTable,
                              String target, Duration elapsed) {
    public MigrationReport {
        quarantine = List.copyOf(quarantine);
        entityIdFallback = List.copyOf(entityIdFallback);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceTable, "sourceTable");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(elapsed, "elapsed");
        if (read != migrated + alreadyPresent + quarantine.size()) {
            throw new IllegalArgumentException("counts do not reconcile: read " + read + " != migrated " + migrated
                    + " + already present " + alreadyPresent + " + quarantined " + quarantine.size());
        }
    }

    public long quarantined() {
        return quarantine.size();
    }

    /** Rows read per second of the whole run. */
    public double rowsPerSecond() {
        return elapsed.isZero() ? read : read * 1000.0 / Math.max(1, elapsed.toMillis());
    }
}
