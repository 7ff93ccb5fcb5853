package com.fitiq.cli;

import io.outbox.cli.BuildVersion;
import io.outbox.cli.ExitCodes;
import io.outbox.cli.GlobalOptions;
import io.outbox.cli.OutboxCommand;
import io.outbox.cli.SyncCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

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
public final class FitiqCommand implements Callable<Integer> {
    /** Its subcommands, in the order help lists them: the runner builds only the one a command line names. */
    public static final List<Class<?>> SUBCOMMANDS = List.of(ProgressCommand.class, SyncCommand.class, OutboxCommand.class, DemoCommand.class);

    @Mixin
    GlobalOptions global;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }
}
