package io.outbox.cli;

import io.outbox.OutboxException;
import io.outbox.jpa.SharedStores;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs an app's command line: parses, executes, and turns every failure into one line on
 * stderr and the exit code of docs/cli.md (2 bad input, 3 store, 1 unexpected). Stack traces
 * only with {@code --verbose}.
 */
public final class CliRunner {
    private static final String PICOCLI_TRACE = "picocli.trace";
    private static final String GUICE_BYTECODE = "guice_bytecode_gen_option";
    private static final int MAX_LINE = 260;
    private final OutboxApp app;
    private final GlobalOptions options;
    private final Output output;

    /** A runner of the app's command lines, printing refusals to {@code output}. */
    public CliRunner(OutboxApp app, GlobalOptions options, Output output) {
        this.app = app;
        this.options = options;
        this.output = output;
    }

    /**
     * What an app's {@code main} does before its command, in a process of its own: runs the
     * command in a quick-start child JVM when it can and returns that exit code; otherwise makes
     * this process serve its embedded store to the app's other processes or reach it through the
     * one that does ({@link SharedStores}), lets Guice skip bytecode generation (nothing here
     * binds interceptors; about 40 ms a command), and returns empty: run the command here. In the
     * training run of {@link QuickStart} it runs {@code training} instead and returns its exit code.
     */
    public static OptionalInt startProcess(String appName, String[] args, QuickStart.Training training) {
        OptionalInt child = QuickStart.run(appName, args);
        if (child.isPresent()) {
            return child;
        }
        SharedStores.enable();
        if (System.getProperty(GUICE_BYTECODE) == null) {
            System.setProperty(GUICE_BYTECODE, "DISABLED");
        }
        Optional<java.nio.file.Path> rehearsal = QuickStart.rehearsal();
        return rehearsal.isPresent() ? OptionalInt.of(training.rehearse(rehearsal.get())) : OptionalInt.empty();
    }

    /**
     * Runs {@code args} against the root command and its {@code subcommands} (in help's order);
     * {@code factory} creates the commands (Guice in the apps).
     */
    public int run(Class<?> rootCommand, List<Class<?>> subcommands, CommandLine.IFactory factory, Session session,
                   String[] args) {
        Optional<BadInputException> mangled = CommandLineText.firstMangled(args);
        if (mangled.isPresent()) {
            session.close();
            return report(mangled.get());
        }
        // picocli's own tracer prints "[picocli WARN] ..." lines (unbalanced quotes in a split value, found
        // by the Lume hostile-input campaign, seed 7933955102517796309); every refusal must stay one line
        if (System.getProperty(PICOCLI_TRACE) == null) {
            System.setProperty(PICOCLI_TRACE, "OFF");
        }
        // --help names this app's own directory (~/.fitiq) and variable, which one annotation cannot spell for every app
        System.setProperty(GlobalOptions.APP_NAME, app.name());
        System.setProperty(GlobalOptions.ENV_PREFIX, app.envPrefix());
        CommandLine line = new CommandLine(rootCommand, factory);
        for (Class<?> subcommand : branch(line.getCommandSpec(), subcommands, args)) {
            line.addSubcommand(subcommand); // before the settings below, which reach the subcommands added so far
        }
        line.getSubcommands().values().forEach(sub -> {
            if (sub.getCommand() instanceof EntryGroup<?, ?> group) {
                group.describe(sub.getCommandSpec());
            }
        });
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setOut(new java.io.PrintWriter(output.out(), true));
        line.setParameterExceptionHandler((e, given) -> {
            output.error(prefix() + oneLine(e.getMessage()) + hint(e.getCommandLine()));
            return ExitCodes.BAD_INPUT;
        });
        line.setExecutionExceptionHandler((e, commandLine, parsed) -> report(e));
        try {
            return line.execute(args);
        } finally {
            try {
                session.close();
            } catch (RuntimeException e) {
                output.error(prefix() + "closing the store failed: " + e.getMessage());
            }
        }
    }

    /**
     * The subcommand {@code args} name, alone, or all of them when it is unclear (no subcommand, a
     * word none has, help or version asked of the root, an argument file). Picocli reads every
     * command's annotations when it is added (a sixth of a short command's work for the whole
     * tree), and one command line runs one branch; what it prints is the same either way, since
     * the branch comes whole and anything else gets every subcommand.
     */
    private static List<Class<?>> branch(CommandSpec root, List<Class<?>> subcommands, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--") || arg.startsWith("@")) {
                return subcommands;
            }
            if (arg.startsWith("-")) {
                int equals = arg.indexOf('=');
                OptionSpec option = root.findOption(equals < 0 ? arg : arg.substring(0, equals));
                if (option != null && (option.usageHelp() || option.versionHelp())) {
                    return subcommands;
                }
                if (option != null && equals < 0 && option.arity().min() > 0) {
                    i++; // its value
                }
                continue;
            }
            for (Class<?> subcommand : subcommands) {
                Command command = subcommand.getAnnotation(Command.class);
                if (command != null && (command.name().equals(arg) || Arrays.asList(command.aliases()).contains(arg))) {
                    return List.of(subcommand);
                }
            }
            return subcommands;
        }
        return subcommands;
    }

    /** The exit code for a failure, after printing its one line. */
    public int report(Throwable thrown) {
        Throwable failure = meaningful(thrown);
        int code = exitCode(failure);
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        output.error(prefix() + (code == ExitCodes.UNDONE ? "unexpected failure: " : "") + oneLine(firstLine(message)));
        if (options.verbose()) {
            failure.printStackTrace(output.err());
        } else if (code == ExitCodes.UNDONE) {
            output.error(prefix() + "run again with --verbose to see the details");
        }
        return code;
    }

    /** The failure that says what went wrong, beneath wrappers such as Guice's provisioning errors. */
    private Throwable meaningful(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (exitCode(t) != ExitCodes.UNDONE) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return thrown;
    }

    private int exitCode(Throwable failure) {
        if (failure instanceof BadInputException || failure instanceof CommandLine.TypeConversionException
                || app.isBadInput(failure)) {
            return ExitCodes.BAD_INPUT;
        }
        if (failure instanceof OutboxException || failure instanceof UncheckedIOException) {
            return ExitCodes.STORE;
        }
        return ExitCodes.UNDONE;
    }

    private String prefix() {
        return app.name() + "-app: ";
    }

    private static String hint(CommandLine command) {
        return "; see '" + command.getCommandSpec().qualifiedName() + " --help'";
    }

    /**
     * A message as one line of bounded length: picocli and the store quote what was given, and a
     * value holding a line break or 100 KB must not break docs/cli.md's one-line rule or flood the
     * terminal.
     */
    static String oneLine(String message) {
        String printable = message.replaceAll("[\\p{Cntrl}\u2028\u2029]", "?");
        // the middle goes: a huge value is quoted there, and what is accepted is said at the end
        return printable.length() <= MAX_LINE ? printable
                : printable.substring(0, MAX_LINE - 100) + " ... " + printable.substring(printable.length() - 95);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
