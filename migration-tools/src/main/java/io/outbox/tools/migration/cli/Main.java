package io.outbox.tools.migration.cli;

import io.outbox.cli.BuildVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.TimeZone;
import java.util.stream.Collectors;

/** Entry point of migration-tools: {@code inspect} and {@code migrate} (docs/cli.md), their exit codes and one-line errors. */
@Command(name = "migration-tools", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Turn legacy Lume outbox rows (schema V6) into unified outbox events.")
public final class Main implements Runnable {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        if (verbose) {
            System.setProperty("migration.log.level", "DEBUG");
            System.setProperty("migration.log.exceptions", "%ex");
        }
        // Legacy TIMESTAMPs are UTC and Derby binds instants through the JVM's zone: UTC avoids any DST gap.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int code;
        try {
            code = run(args, new Io(out, System.err, System.console() != null, Clock.systemUTC()));
        } catch (OutOfMemoryError e) {
            // uncaught, the JVM would print a stack trace and exit 1, which says "finished, rows quarantined"
            System.err.println("migration-tools: out of memory (" + e.getMessage() + "); what was committed stays and "
                    + "a rerun skips it: give Java more heap (java -Xmx...) or a smaller --batch-size");
            code = ExitCode.STORE;
        }
        System.exit(code);
    }

    /** Runs one command line; returns its exit code. */
    static int run(String[] args, Io io) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand("inspect", new InspectCommand(io));
        cli.addSubcommand("migrate", new MigrateCommand(io));
        cli.setOut(new PrintWriter(io.out(), true));
        cli.setErr(new PrintWriter(io.err(), true));
        cli.setParameterExceptionHandler((failure, ignored) -> {
            io.err().println(usageLine(failure));
            return ExitCode.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((failure, command, parsed) ->
                Failures.report(command.getCommandName(), failure, io.err(), verbose));
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is needed: inspect or migrate (see --help)");
    }

    /** One line: picocli's message, and for an unknown option the options the command accepts. */
    private static String usageLine(ParameterException failure) {
        String line = failure.getCommandLine().getCommandName() + ": " + Failures.firstLine(failure.getMessage());
        if (failure instanceof UnmatchedArgumentException) {
            String accepted = failure.getCommandLine().getCommandSpec().options().stream()
                    .map(OptionSpec::longestName).sorted().collect(Collectors.joining(", "));
            line += "; accepted: " + accepted;
            if (failure.getCommandLine().getCommandSpec().subcommands().size() > 0) {
                line += "; commands: " + String.join(", ", failure.getCommandLine().getSubcommands().keySet());
            }
        }
        return line;
    }
}
