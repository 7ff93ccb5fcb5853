package com.fitiq.cli;

import com.fitiq.wiring.FitiqModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ConfigurationException;
import io.outbox.jpa.cli.CliRunner;
import io.outbox.jpa.cli.LookupFactory;
import io.outbox.jpa.cli.Environment;
import io.outbox.jpa.cli.GlobalOptions;
import io.outbox.jpa.cli.OutboxApp;
import io.outbox.jpa.cli.Output;
import io.outbox.jpa.cli.Session;

import java.time.Clock;
import java.util.OptionalInt;

/** Entry point of fitiq-app.jar: wires FitIQ with Guice and runs the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        OptionalInt ranInChild = CliRunner.startProcess("fitiq", args);
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
        Injector injector = Guice.createInjector(new FitiqModule(environment, output, Clock.systemUTC()));
        CliRunner runner = new CliRunner(injector.getInstance(OutboxApp.class), injector.getInstance(GlobalOptions.class),
                output);
        try {
            return runner.run(FitiqCommand.class, new LookupFactory(injector::getInstance, e -> e instanceof ConfigurationException), injector.getInstance(Session.class), args);
        } catch (RuntimeException e) {
            return runner.report(e);
        }
    }
}
