package io.outbox.tools.migration.run;

import io.outbox.tools.migration.mapping.Mapping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Counts a migration as its batches commit; only quarantined and fallen-back ids are kept. Not thread-safe. */
final class Tally {
    private final long total;
    private long read;
    private long migrated;
    private long alreadyPresent;
    private final List<QuarantineEntry> quarantine = new ArrayList<>();
    private final List<String> entityIdFallback = new ArrayList<>();

    Tally(long total) {
        this.total = total;
    }

    /** Counts a committed batch; {@code present} are the ids the target held before it. */
    void add(List<Mapping> batch, Set<UUID> present) {
        for (Mapping mapping : batch) {
            read++;
            if (mapping instanceof Mapping.Quarantine q) {
                quarantine.add(new QuarantineEntry(q.legacyId(), q.reason().wireName(), q.detail()));
            } else if (mapping instanceof Mapping.Migrate m) {
                if (present.contains(m.event().id())) {
                    alreadyPresent++;
                } else {
                    migrated++;
                    if (m.entityIdFellBack()) {
                        entityIdFallback.add(m.legacyId());
                    }
                }
            }
        }
    }

    Progress progress() {
        return new Progress(Math.max(total, read), read, migrated, alreadyPresent, quarantine.size());
    }

    MigrationReport report(MigrationRequest request, String source, String target, Duration elapsed) {
        return new MigrationReport(read, migrated, alreadyPresent, quarantine, entityIdFallback, request.dryRun(),
                source, request.sourceTable(), target, elapsed);
    }
}
