package com.fitiq.cli;

import com.google.inject.Guice;
import com.fitiq.wiring.FitiqApp;
import com.fitiq.wiring.FitiqModule;
import io.outbox.cli.AppMain;
import io.outbox.cli.LookupFactory;
import io.outbox.cli.OutboxCommand;
import io.outbox.cli.SyncCommand;

import java.util.List;

/** Entry point of fitiq-app.jar: FitIQ's commands on the shared entry point, wired with Guice. */
public final class Main {
    /**
     * FitIQ as the entry point runs it, with its subcommands in the order help lists them and
     * the quick start's training (the demo, the everyday commands, a refusal); {@code
     * AppMain.run(LAUNCH, ...)} runs a command line in this JVM.
     */
    public static final AppMain.Launch LAUNCH = new AppMain.Launch(FitiqApp::on, FitiqCommand.class,
            List.of(ProgressCommand.class, SyncCommand.class, OutboxCommand.class, DemoCommand.class),
            parts -> new LookupFactory(Guice.createInjector(new FitiqModule(),
                    binder -> parts.bindEach((type, provider) -> binder.bind(type).toProvider(provider)))::getInstance),
            List.of("demo --entries 10 --failure-rate 0.3 --seed 1", "progress add --type weight --quantity 70.5",
                    "progress list", "progress list --json", "outbox stats", "outbox list",
                    "progress add --type no-such-type --quantity 1", "--help"));

    private Main() {
    }

    public static void main(String[] args) {
        AppMain.main(LAUNCH, args);
    }
}
