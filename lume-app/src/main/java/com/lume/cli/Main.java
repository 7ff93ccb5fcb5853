package com.lume.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.lume.wiring.LumeModule;
import com.google.inject.ConfigurationException;
import io.outbox.jpa.cli.CliRunner;
import io.outbox.jpa.cli.LookupFactory;
import io.outbox.jpa.cli.Environment;
import io.outbox.jpa.cli.GlobalOptions;
import io.outbox.jpa.cli.OutboxApp;
import io.outbox.jpa.cli.Output;
import io.outbox.jpa.cli.QuickStart;
import io.outbox.jpa.cli.Session;
import io.outbox.jpa.SharedStores;

import java.time.Clock;
import java.util.OptionalInt;

/** Entry point of lume-app.jar: wires Lume with Guice and runs the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        OptionalInt quick = QuickStart.run("lume", args); // the command again, in a JVM that starts fast
        if (quick.isPresent()) {
            System.exit(quick.getAsInt());
        }
        // this process serves its embedded store to the app's other processes, or reaches it through the one that does
        SharedStores.enable();
        System.exit(run(args, Environment.system(), Output.system()));
    }

    /** Runs one command line; returns its exit code (docs/cli.md). */
    public static int run(String[] args, Environment environment, Output output) {
        // No AOP here: without generated classes Guice loads and verifies fewer (about 50 ms a command)
        if (System.getProperty("guice_bytecode_gen_option") == null) {
            System.setProperty("guice_bytecode_gen_option", "DISABLED");
        }
        Injector injector = Guice.createInjector(new LumeModule(environment, output, Clock.systemUTC()));
        CliRunner runner = new CliRunner(injector.getInstance(OutboxApp.class), injector.getInstance(GlobalOptions.class),
                output);
        try {
            return runner.run(LumeCommand.class, new LookupFactory(injector::getInstance, e -> e instanceof ConfigurationException), injector.getInstance(Session.class), args);
        } catch (RuntimeException e) {
            return runner.report(e);
        }
    }
}
