package com.lume.cli;

import io.outbox.cli.AppCommand;
import io.outbox.cli.BuildVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/** The root command of lume-app.jar. */
@Command(name = "lume-app", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = BuildVersion.class,
        description = {"Lume: log how you feel (mood entries) and write journal entries, offline",
                "or not; 'sync' pushes every change to the backend exactly once, in order.",
                "Journal titles and contents and mood notes are private: they go to the",
                "backend and to your own 'list' output, never to logs, error messages or",
                "'outbox list'."},
        footer = {"", "Examples:",
                "  export LUME_USER=alice LUME_API_TOKEN=...",
                "  java -jar lume-app.jar mood add --valence 0.4 --label calm --note \"walk\"",
                "  java -jar lume-app.jar journal add --title T --content C --mood MOOD_ID",
                "  java -jar lume-app.jar sync --api https://api.example.com --until-idle",
                "  java -jar lume-app.jar outbox stats",
                "  java -jar lume-app.jar demo        # the whole flow, nothing to set up",
                "Every command takes --help. Ids are those 'add' printed or 'list' shows.",
                "Exit codes: 0 done, 1 something left undone, 2 bad usage or input",
                "(nothing was written), 3 store unusable or legacy rows to migrate first."})
public final class LumeCommand extends AppCommand {
}
