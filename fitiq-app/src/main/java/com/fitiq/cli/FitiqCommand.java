package com.fitiq.cli;

import io.outbox.cli.AppCommand;
import io.outbox.cli.BuildVersion;
import io.outbox.cli.OutboxCommand;
import io.outbox.cli.SyncCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

import java.util.List;

/** The root command of fitiq-app.jar. */
@Command(name = "fitiq-app", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = BuildVersion.class,
        description = {"FitIQ: log weight, steps, heart rate, body fat and height, offline or not;",
                "'sync' pushes every change to the backend exactly once, in the order it was made."},
        footer = {"", "Examples:",
                "  export FITIQ_USER=alice FITIQ_API_TOKEN=...",
                "  java -jar fitiq-app.jar progress add --type weight --quantity 72.5",
                "  java -jar fitiq-app.jar sync --api https://api.example.com --until-idle",
                "  java -jar fitiq-app.jar outbox stats",
                "Exit codes: 0 done, 1 something left undone, 2 bad usage or input, 3 store unusable."})
public final class FitiqCommand extends AppCommand {
    /** Its subcommands, in the order help lists them: the runner builds only the one a command line names. */
    /**
     * What the quick start's training run does, on a scratch store: the demo, then the everyday
     * commands and a refusal; the classes they load make the class-data archive every later
     * command maps.
     */
    public static final List<List<String>> TRAINING = List.of(
            List.of("demo", "--entries", "10", "--failure-rate", "0.3", "--seed", "1"),
            List.of("progress", "add", "--type", "weight", "--quantity", "70.5"),
            List.of("progress", "list"),
            List.of("progress", "list", "--json"),
            List.of("outbox", "stats"),
            List.of("outbox", "list"),
            List.of("progress", "add", "--type", "no-such-type", "--quantity", "1"),
            List.of("--help"));

    public static final List<Class<?>> SUBCOMMANDS = List.of(ProgressCommand.class, SyncCommand.class, OutboxCommand.class, DemoCommand.class);
}
