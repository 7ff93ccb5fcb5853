package com.lume.cli;

import com.google.inject.Guice;
import com.lume.wiring.LumeApp;
import com.lume.wiring.LumeModule;
import io.outbox.cli.AppMain;
import io.outbox.cli.Environment;
import io.outbox.cli.LookupFactory;
import io.outbox.cli.Output;

import java.time.Clock;

/** Entry point of lume-app.jar: Lume's commands on the shared entry point, wired with Guice. */
public final class Main implements AppMain.Wiring {
    /** Lume as the entry point runs it; {@code AppMain.run(LAUNCH, ...)} runs a command line in this JVM. */
    public static final AppMain.Launch LAUNCH = new AppMain.Launch(new LumeApp(Clock.systemUTC()), LumeCommand.class,
            LumeCommand.SUBCOMMANDS, new Main(), LumeCommand.TRAINING);

    public static void main(String[] args) {
        AppMain.main(LAUNCH, args);
    }

    /** Lume's Guice graph for one command line. */
    @Override
    public LookupFactory wire(Environment environment, Output output, Clock clock) {
        return new LookupFactory(Guice.createInjector(new LumeModule(environment, output, clock))::getInstance);
    }
}
