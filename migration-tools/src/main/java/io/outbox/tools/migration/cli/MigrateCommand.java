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

import java.nio.file.Files;
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

    @Option(names = "--dry-run", description = "Report what would happen; write to no database.")
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
        requireWritable(report);
        HeapWatch heap = new HeapWatch(new StderrProgress(io.err(), io.terminal(), io.clock(), "migrate", dryRun));
        MigrationReport result = Migration.run(request, heap, io.clock());
        String json = ReportJson.migration(result, heap.peakBytes());
        if (report == null) {
            io.out().println(json);
            io.out().flush();
        } else {
            ReportJson.write(json, report);
        }
        return result.quarantined() > 0 ? ExitCode.LEFT_UNDONE : ExitCode.DONE;
    }

    static void requireUser(String user) {
        if (user != null && !OutboxEvent.USER_ID.matcher(user).matches()) {
            throw new InvalidConfigurationException("--user: 1 to 64 of A-Za-z0-9._@-, was '" + user + "'");
        }
    }

    /** Checked before anything runs, so a report that cannot be written is bad usage, not a lost run. */
    private static void requireWritable(Path file) {
        if (file == null) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new InvalidConfigurationException("--report: a file in an existing, writable folder, was '" + file + "'");
        }
        if (Files.isDirectory(file)) {
            throw new InvalidConfigurationException("--report: a file, not a folder, was '" + file + "'");
        }
    }
}
