package io.outbox.tools.migration.run;

import io.outbox.event.OutboxEvent;
import io.outbox.tools.migration.jdbc.Connections;
import io.outbox.tools.migration.jdbc.DerbyDatabases;
import io.outbox.tools.migration.mapping.Mapping;
import io.outbox.tools.migration.target.DryRunTarget;
import io.outbox.tools.migration.target.EventTarget;
import io.outbox.tools.migration.target.StoreTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The migration use case: streams the legacy rows in primary-key order, maps each, and writes
 * every batch's new events in one target transaction after asking which ids the target holds
 * already. The source table is checked before the target is opened, so bad input writes
 * nothing. Legacy rows are only read. Stateless; each call is one run.
 */
public final class Migration {
    private static final Logger log = LoggerFactory.getLogger(Migration.class);

    private Migration() {
    }

    public static MigrationReport run(MigrationRequest request, ProgressListener progress, Clock clock) {
        Instant started = clock.instant();
        Tally tally;
        String target;
        try (SourceScan source = SourceScan.open(request.sourceUrl(), request.sourceTable(), request.user())) {
            tally = new Tally(source.total());
            progress.started(source.total());
            try (EventTarget events = request.dryRun() ? DryRunTarget.open(request.targetUrl())
                    : StoreTarget.open(request.targetUrl())) {
                target = events.description();
                source.forEachBatch(request.batchSize(), (rows, batch) -> migrate(batch, events, tally, progress));
            }
        } finally {
            DerbyDatabases.shutDown(request.sourceUrl());
        }
        progress.finished(tally.progress());
        MigrationReport report = tally.report(request, Connections.redacted(request.sourceUrl()), target,
                Duration.between(started, clock.instant()));
        log.info("migrated {}, already present {}, quarantined {} of {} rows", report.migrated(),
                report.alreadyPresent(), report.quarantined(), report.read());
        return report;
    }

    private static void migrate(List<Mapping> batch, EventTarget target, Tally tally, ProgressListener progress) {
        List<Mapping.Migrate> candidates = batch.stream()
                .filter(Mapping.Migrate.class::isInstance).map(Mapping.Migrate.class::cast).toList();
        Set<UUID> present = target.present(candidates.stream().map(m -> m.event().id()).toList());
        List<OutboxEvent> fresh = candidates.stream().map(Mapping.Migrate::event)
                .filter(event -> !present.contains(event.id())).toList();
        target.write(fresh);
        java.util.Map<String, String> quarantined = new java.util.LinkedHashMap<>();
        batch.stream().filter(Mapping.Quarantine.class::isInstance).map(Mapping.Quarantine.class::cast)
                .forEach(q -> quarantined.put(q.legacyId().trim(), q.reason().wireName()));
        target.recordQuarantine(quarantined);
        tally.add(batch, present);
        log.debug("batch of {} rows: {} written, {} already present", batch.size(), fresh.size(), present.size());
        progress.advanced(tally.progress());
    }
}
