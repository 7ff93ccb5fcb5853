package com.fitiq.cli;

import com.fitiq.wiring.FitiqApp;
import com.fitiq.wiring.FitiqModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
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

/** Entry point of fitiq-app.jar: wires FitIQ with Guice and runs the command line. */
public final class Main {
    /**
     * What the quick start's training run does, on a scratch store: the demo, then the everyday
     * commands and a refusal; the classes they load make the class-data archive every later
     * command maps.
     */
    private static final QuickStart.Training TRAINING = new QuickStart.Training(List.of(
            List.of("demo", "--entries", "10", "--failure-rate", "0.3", "--seed", "1"),
            List.of("progress", "add", "--type", "weight", "--quantity", "70.5"),
            List.of("progress", "list"),
            List.of("progress", "list", "--json"),
            List.of("outbox", "stats"),
            List.of("outbox", "list"),
            List.of("progress", "add", "--type", "no-such-type", "--quantity", "1"),
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
        OptionalInt ranInChild = CliRunner.startProcess("fitiq", args, TRAINING);
        if (ranInChild.isPresent()) {
            System.exit(ranInChild.getAsInt());
        }
        // Every time the app prints or stores is UTC; pinning the zone also keeps JPA's timestamps
        // clear of the local zone's daylight-saving gaps.
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
        System.exit(run(args, Environment.system(), Output.system()));
    }

    /** Runs one command line; returns its exit code (docs/cli.md). */
    public static int run(String[] args, Environment environment, Output output) {
        try (HeadStart early = HeadStart.begin(new FitiqApp(Clock.systemUTC()), args)) {
            Injector injector = Guice.createInjector(new FitiqModule(environment, output, Clock.systemUTC()));
            CliRunner runner = new CliRunner(injector.getInstance(OutboxApp.class),
                    injector.getInstance(GlobalOptions.class), output);
            try {
                Session session = injector.getInstance(Session.class);
                session.headStart(early);
                return runner.run(FitiqCommand.class, FitiqCommand.SUBCOMMANDS, new LookupFactory(injector::getInstance,
                        e -> e instanceof ConfigurationException), session, args);
            } catch (RuntimeException e) {
                return runner.report(e);
            }
        }
    }
}
