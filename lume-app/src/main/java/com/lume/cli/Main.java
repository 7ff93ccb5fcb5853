package com.lume.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.lume.wiring.LumeApp;
import com.lume.wiring.LumeModule;
import com.google.inject.ConfigurationException;
import io.outbox.cli.CliRunner;
import io.outbox.cli.LookupFactory;
import io.outbox.cli.Environment;
import io.outbox.cli.GlobalOptions;
import io.outbox.cli.HeadStart;
import io.outbox.cli.OutboxApp;
import io.outbox.cli.Output;
import io.outbox.cli.QuickStart;
import io.outbox.cli.Session;

import java.time.Clock;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.ToIntFunction;

/** Entry point of lume-app.jar: wires Lume with Guice and runs the command line. */
public final class Main {
    /**
     * What the quick start's training run does, on a scratch store: the demo, then the everyday
     * commands and a refusal; the classes they load make the class-data archive every later
     * command maps.
     */
    private static final QuickStart.Training TRAINING = new QuickStart.Training(List.of(
            List.of("demo", "--entries", "10", "--failure-rate", "0.3", "--seed", "1"),
            List.of("mood", "add", "--valence", "0.4", "--label", "calm"),
            List.of("journal", "add", "--title", "Morning", "--content", "A walk."),
            List.of("mood", "list"),
            List.of("journal", "list"),
            List.of("journal", "list", "--json"),
            List.of("outbox", "stats"),
            List.of("outbox", "list"),
            List.of("mood", "add", "--valence", "7"),
            List.of("--help")),
            new Rehearsal());

    private Main() {
    }

    /** Runs one command of the training; a class, not a lambda, so the launcher spins no method handle for it. */
    private static final class Rehearsal implements ToIntFunction<String[]> {
        @Override
        public int applyAsInt(String[] args) {
            return run(args, Environment.system(), Output.system());
        }
    }

    public static void main(String[] args) {
        OptionalInt ranInChild = CliRunner.startProcess("lume", args, TRAINING);
        if (ranInChild.isPresent()) {
            System.exit(ranInChild.getAsInt());
        }
        System.exit(run(args, Environment.system(), Output.system()));
    }

    /** Runs one command line; returns its exit code (docs/cli.md). */
    public static int run(String[] args, Environment environment, Output output) {
        try (HeadStart early = HeadStart.begin(new LumeApp(Clock.systemUTC()), args)) {
            Injector injector = Guice.createInjector(new LumeModule(environment, output, Clock.systemUTC()));
            CliRunner runner = new CliRunner(injector.getInstance(OutboxApp.class),
                    injector.getInstance(GlobalOptions.class), output);
            try {
                Session session = injector.getInstance(Session.class);
                session.headStart(early);
                return runner.run(LumeCommand.class, LumeCommand.SUBCOMMANDS, new LookupFactory(injector::getInstance,
                        e -> e instanceof ConfigurationException), session, args);
            } catch (RuntimeException e) {
                return runner.report(e);
            }
        }
    }
}
