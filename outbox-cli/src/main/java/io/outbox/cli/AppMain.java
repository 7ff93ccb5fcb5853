package io.outbox.cli;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The entry point every app's jar shares: the quick start, the process's store role, the app's
 * object graph, and the command line's run and exit code (docs/cli.md). An app's {@code main}
 * hands it a {@link Launch}. Stateless.
 */
public final class AppMain {
    private AppMain() {
    }

    /** Builds an app's object graph for one command line; the apps build it with Guice. */
    @FunctionalInterface
    public interface Wiring {
        /**
         * The app's graph around the kit's parts of one command line (bind each with
         * {@link CommandLineParts#bindEach}); returns how picocli finds commands in it.
         */
        LookupFactory wire(CommandLineParts parts);
    }

    /**
     * What an app is to the entry point.
     *
     * @param app         the app on a clock: the one clock of a command line, which the store's
     *                      head start and the graph share
     * @param rootCommand its root command; {@code subcommands} in the order help lists them (the
     *                    runner builds only the one a command line names)
     * @param training    the command lines of the quick start's training run, each with its
     *                    arguments between single spaces: the demo, the everyday commands and a
     *                    refusal, whose classes make the class-data archive every later command maps
     */
    public record Launch(Function<Clock, OutboxApp> app, Class<? extends AppCommand> rootCommand,
                         List<Class<?>> subcommands, Wiring wiring, List<String> training) {
        /** Checks that app, root command and wiring are given, and keeps copies of the lists. */
        public Launch {
            Objects.requireNonNull(app, "app");
            Objects.requireNonNull(rootCommand, "rootCommand");
            Objects.requireNonNull(wiring, "wiring");
            subcommands = List.copyOf(subcommands);
            training = List.copyOf(training);
        }

        /** The app's object graph for one command line, as a run builds it; tests take use cases from it. */
        public LookupFactory graph(Environment environment, Output output, Clock clock) {
            return graph(app.apply(clock), environment, output, clock);
        }

        private LookupFactory graph(OutboxApp on, Environment environment, Output output, Clock clock) {
            return wiring.wire(new CommandLineParts(on, environment, output, clock));
        }

        /** The training's command lines split into their arguments. */
        List<List<String>> trainingArguments() {
            return training.stream().map(line -> List.of(line.split(" "))).toList();
        }
    }

    /** Runs the command line in this process (or a quick-start child) and exits with its code. */
    public static void main(Launch launch, String[] args) {
        OptionalInt ranInChild = CliRunner.startProcess(launch.app().apply(Clock.systemUTC()).name(), args,
                new QuickStart.Training(launch.trainingArguments(), new Rehearsal(launch)));
        if (ranInChild.isPresent()) {
            System.exit(ranInChild.getAsInt());
        }
        // Every time the apps print or store is UTC; pinning the zone also keeps JPA's timestamps
        // clear of the local zone's daylight-saving gaps.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        System.exit(run(launch, args, Environment.system(), Output.system()));
    }

    /** Runs one command line; returns its exit code (docs/cli.md). */
    public static int run(Launch launch, String[] args, Environment environment, Output output) {
        return run(launch, args, environment, output, Clock.systemUTC());
    }

    /** As {@link #run(Launch, String[], Environment, Output)} on {@code clock}: tests set the time. */
    public static int run(Launch launch, String[] args, Environment environment, Output output, Clock clock) {
        OutboxApp app = launch.app().apply(clock); // one app a run: the head start's is the graph's
        try (HeadStart early = HeadStart.begin(app, args)) {
            LookupFactory graph = launch.graph(app, environment, output, clock);
            CliRunner runner = new CliRunner(graph.get(OutboxApp.class), graph.get(GlobalOptions.class), output);
            try {
                Session session = graph.get(Session.class);
                session.headStart(early);
                return runner.run(launch.rootCommand(), launch.subcommands(), graph, session, args);
            } catch (RuntimeException e) {
                return runner.report(e);
            }
        }
    }

    /** Runs one command of the training; a class, not a lambda, so the launcher spins no method handle for it. */
    private static final class Rehearsal implements ToIntFunction<String[]> {
        private final Launch launch;

        Rehearsal(Launch launch) {
            this.launch = launch;
        }

        @Override
        public int applyAsInt(String[] args) {
            return run(launch, args, Environment.system(), Output.system());
        }
    }
}
