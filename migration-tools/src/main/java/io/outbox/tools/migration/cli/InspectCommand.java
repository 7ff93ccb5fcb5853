package io.outbox.tools.migration.cli;

import io.outbox.tools.migration.legacy.LegacyTable;
import io.outbox.tools.migration.run.Inspection;
import io.outbox.tools.migration.run.InspectionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code inspect}: what a legacy table holds and what migrate would make of it. One run per instance. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Count a legacy Lume outbox table's rows by type, status and payload shape, and what migrate would do.")
final class InspectCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--source", required = true, paramLabel = "JDBC_URL", description = "The database holding the legacy table.")
    String source;

    @Option(names = "--source-table", paramLabel = "TABLE", defaultValue = LegacyTable.DEFAULT_NAME,
            description = "The legacy table (default: ${DEFAULT-VALUE}).")
    String sourceTable;

    @Option(names = "--user", paramLabel = "ID", description = "The user migrate would use for rows whose payload names none.")
    String user;

    @Option(names = "--json", arity = "0", description = "Print one JSON object instead of text.")
    boolean json;

    @Mixin
    VerboseOption verbosity;

    InspectCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        MigrateCommand.requireUser(user);
        InspectionReport report = Inspection.run(source, sourceTable, Optional.ofNullable(user),
                new StderrProgress(io.err(), io.terminal(), io.clock(), "inspect", true));
        io.out().print(json ? ReportJson.inspection(report) + System.lineSeparator() : InspectionText.render(report));
        io.out().flush();
        return ExitCode.DONE;
    }
}
