package io.outbox.tools.migration.cli;

import io.outbox.InvalidConfigurationException;
import io.outbox.event.OutboxEvent;
import io.outbox.tools.migration.legacy.LegacyTable;
import io.outbox.tools.migration.run.Migration;
import io.outbox.tools.migration.run.MigrationReport;
import io.outbox.tools.migration.run.MigrationRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code migrate}: every legacy row becomes a unified event or a quarantine entry of the report. One run per instance. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Turn legacy Lume outbox rows into unified outbox events; exit 1 when rows were quarantined.")
final class MigrateCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--source", required = true, paramLabel = "JDBC_URL", description = "The database holding the legacy table.")
    String source;

    @Option(names = "--source-table", paramLabel = "TABLE", defaultValue = LegacyTable.DEFAULT_NAME,
            description = "The legacy table (default: ${DEFAULT-VALUE}).")
    String sourceTable;

    @Option(names = "--target", paramLabel = "JDBC_URL", description = "The outbox store to write (default: the source).")
    String target;

    @Option(names = "--user", paramLabel = "ID", description = "The user of rows whose payload names none.")
    String user;

    // arity 0: picocli would read "--dry-run=" as false and run for real
    @Option(names = "--dry-run", arity = "0", description = "Report what would happen; write to no database.")
    boolean dryRun;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the JSON report here instead of stdout.")
    Path report;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + MigrationRequest.DEFAULT_BATCH_SIZE,
            description = "Rows per target transaction (default: ${DEFAULT-VALUE}, at most 10000).")
    int batchSize;

    @Mixin
    VerboseOption verbosity;

    MigrateCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        MigrationRequest request = new MigrationRequest(source, sourceTable, target == null ? source : target,
                Optional.ofNullable(user), dryRun, batchSize);
        ReportFile.require(report, java.util.List.of(request.sourceUrl(), request.targetUrl()));
        HeapWatch heap = new HeapWatch(new StderrProgress(io.err(), io.terminal(), io.clock(), "migrate", dryRun));
        MigrationReport result = Migration.run(request, heap, io.clock());
        if (report == null) {
            ReportJson.printMigration(result, heap.peakBytes(), io.out());
        } else {
            ReportJson.writeMigration(result, heap.peakBytes(), report);
        }
        return result.quarantined() > 0 ? ExitCode.LEFT_UNDONE : ExitCode.DONE;
    }

    static void requireUser(String user) {
        if (user != null && !OutboxEvent.USER_ID.matcher(user).matches()) {
            throw new InvalidConfigurationException("--user: 1 to 64 of A-Za-z0-9._@-, was '" + user + "'");
        }
    }
}
