package com.lume.cli;

import com.google.inject.Guice;
import com.lume.wiring.LumeApp;
import com.lume.wiring.LumeModule;
import io.outbox.cli.AppMain;
import io.outbox.cli.LookupFactory;
import io.outbox.cli.OutboxCommand;
import io.outbox.cli.SyncCommand;

import java.util.List;

/** Entry point of lume-app.jar: Lume's commands on the shared entry point, wired with Guice. */
public final class Main {
    /**
     * Lume as the entry point runs it, with its subcommands in the order help lists them and the
     * quick start's training (the demo, the everyday commands, a refusal); {@code
     * AppMain.run(LAUNCH, ...)} runs a command line in this JVM.
     */
    public static final AppMain.Launch LAUNCH = new AppMain.Launch(LumeApp::on, LumeCommand.class,
            List.of(MoodCommand.class, JournalCommand.class, SyncCommand.class, OutboxCommand.class,
                    DemoCommand.class),
            parts -> new LookupFactory(Guice.createInjector(new LumeModule(),
                    binder -> parts.bindEach((type, provider) -> binder.bind(type).toProvider(provider)))::getInstance),
            List.of("demo --entries 10 --failure-rate 0.3 --seed 1", "mood add --valence 0.4 --label calm",
                    "journal add --title Morning --content Walked.", "mood list", "journal list",
                    "journal list --json", "outbox stats", "outbox list", "mood add --valence 7", "--help"));

    private Main() {
    }

    public static void main(String[] args) {
        AppMain.main(LAUNCH, args);
    }
}
