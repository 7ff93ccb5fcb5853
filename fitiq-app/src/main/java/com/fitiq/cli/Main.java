package com.fitiq.cli;

import com.google.inject.Guice;
import com.fitiq.wiring.FitiqApp;
import com.fitiq.wiring.FitiqModule;
import io.outbox.cli.AppMain;
import io.outbox.cli.Environment;
import io.outbox.cli.LookupFactory;
import io.outbox.cli.Output;

import java.time.Clock;

/** Entry point of fitiq-app.jar: FitIQ's commands on the shared entry point, wired with Guice. */
public final class Main implements AppMain.Wiring {
    /** FitIQ as the entry point runs it; {@code AppMain.run(LAUNCH, ...)} runs a command line in this JVM. */
    public static final AppMain.Launch LAUNCH = new AppMain.Launch(new FitiqApp(Clock.systemUTC()), FitiqCommand.class,
            FitiqCommand.SUBCOMMANDS, new Main(), FitiqCommand.TRAINING);

    public static void main(String[] args) {
        AppMain.main(LAUNCH, args);
    }

    /** FitIQ's Guice graph for one command line. */
    @Override
    public LookupFactory wire(Environment environment, Output output, Clock clock) {
        return new LookupFactory(Guice.createInjector(new FitiqModule(environment, output, clock))::getInstance);
    }
}
