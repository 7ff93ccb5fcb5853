package com.fitiq.cli;

import io.outbox.cli.AppCommand;
import io.outbox.cli.BuildVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

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
}
