package io.outbox.cli;

import io.outbox.jpa.OutboxStore;
import io.outbox.testing.backend.FaultPlan;
import io.outbox.testing.backend.StandInBackend;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * The {@code demo} command every app shares: the whole flow on a fresh temporary store, nothing
 * to set up. The app's {@link Scenario} makes local changes offline; this class starts a stand-in
 * backend on loopback that fails a share of requests, syncs until idle with the app's real
 * handlers, and reports whether the backend ends up equal to the local state (exit 0 only then,
 * and only when the scenario's own checks hold). An app subclasses it with its own
 * {@code @Command(name = "demo", description = ...)}. Not thread-safe (one per command line).
 */
public abstract class DemoCommand implements Callable<Integer> {
    private static final String USER = "demo-user";
    private static final Instant START = Instant.parse("2025-01-01T07:00:00Z");
    private static final int SHOWN_PROBLEMS = 10;

    private final String title;
    private final GlobalOptions global;
    private final Session session;
    private final Output output;

    @Option(names = "--entries", defaultValue = "200", paramLabel = "N", description = "Local changes to make"
            + " (default 200).")
    private int entries;
    @Option(names = "--failure-rate", defaultValue = "0.2", paramLabel = "R", description = "Share of requests"
            + " the backend fails, 0 to 0.9 (default 0.2).")
    private double failureRate;
    @Option(names = "--seed", paramLabel = "N", description = "Seed of the changes and faults (default: random).")
    private Long seed;

    /** {@code title} is the app's name as the report prints it ("FitIQ"). */
    protected DemoCommand(String title, GlobalOptions global, Session session, Output output) {
        this.title = title;
        this.global = global;
        this.session = session;
        this.output = output;
    }

    /** The app's side of one run, for {@code user} and {@code seed}; made after the temporary store is chosen. */
    protected abstract Scenario scenario(String user, long seed);

    /** What an app's demo does: its changes, and what the backend must hold after the sync. */
    public interface Scenario {
        /** The stand-in's options with the app's additions (body checks, say). */
        default StandInBackend.Options backend(StandInBackend.Options options) {
            return options;
        }

        /** Makes {@code count} local changes, offline, dated from {@code start}; says what it made. */
        String recordChanges(int count, Instant start);

        /** The backend's resources against the local state. */
        Comparison compare(StandInBackend backend);

        /** Further claims the app checks after the sync (none by default). */
        default List<Check> checks(StandInBackend backend, OutboxStore store) {
            return List.of();
        }
    }

    /**
     * A scenario whose local changes are a seeded random mix for one user, one a minute from the
     * start, so that a seed replays the same demo. Not thread-safe.
     */
    public abstract static class SeededChanges implements Scenario {
        private final String user;
        private final Random random;

        /** The changes of {@code user}, each choice drawn from a random source seeded with {@code seed}. */
        protected SeededChanges(String user, long seed) {
            this.user = user;
            this.random = new Random(seed);
        }

        /** The user whose entries the changes are. */
        protected String user() {
            return user;
        }

        /** The seeded source of every choice the scenario makes. */
        protected Random random() {
            return random;
        }

        /** Makes {@code count} changes, the i-th dated {@code start} plus i minutes; says what it made. */
        @Override
        public final String recordChanges(int count, Instant start) {
            for (int i = 0; i < count; i++) {
                Instant date = start.plusSeconds(60L * i);
                change(random.nextInt(100), date);
            }
            return summary();
        }

        /** One change, its kind chosen by {@code roll} (0 to 99). */
        protected abstract void change(int roll, Instant date);

        /** What the changes were, counted by kind. */
        protected abstract String summary();
    }

    /**
     * The outcome of comparing backend and local state.
     *
     * @param differences each mismatch, or a resource created twice; empty when equal
     * @param compared    what was compared, for the report ("12 entries")
     */
    public record Comparison(List<String> differences, String compared) {
        /** Keeps an unmodifiable copy of the differences. */
        public Comparison {
            differences = List.copyOf(differences);
        }
    }

    /**
     * A claim the report prints as {@code claim: yes (detail)}, or {@code NO} with its problems.
     */
    public record Check(String claim, List<String> problems, String detail) {
        /** Keeps an unmodifiable copy of the problems. */
        public Check {
            problems = List.copyOf(problems);
        }

        boolean holds() {
            return problems.isEmpty();
        }
    }

    @Override
    public Integer call() {
        if (entries < 1 || entries > 100_000) {
            throw new BadInputException("--entries " + entries + " is out of range; use 1 to 100000");
        }
        if (!(failureRate >= 0 && failureRate <= 0.9)) {
            throw new BadInputException("--failure-rate " + failureRate + " is out of range; use 0 to 0.9");
        }
        long runSeed = seed != null ? seed : System.nanoTime();
        useTemporaryStore();
        Scenario scenario = scenario(USER, runSeed);
        String token = UUID.randomUUID().toString();
        try (StandInBackend backend = StandInBackend.start(scenario.backend(StandInBackend.Options.withToken(token)
                .withFaults(FaultPlan.of(failureRate)).withSeed(runSeed)))) {
            String made = scenario.recordChanges(entries, START);
            output.line(title + " demo (seed " + runSeed + "): " + made + " by " + USER + ", made offline");
            OutboxStore store = session.store();
            DemoSync.Result result = DemoSync.run(session.app(), store, USER, backend, token, session.clock(), output);
            DemoSync.report(result, failureRate).forEach(output::line);
            Comparison comparison = scenario.compare(backend);
            boolean equal = comparison.differences().isEmpty() && result.failedForGood() == 0 && result.pending() == 0;
            output.line("backend state equals local state: " + (equal ? "yes" : "NO") + " (" + comparison.compared()
                    + (comparison.differences().isEmpty() ? ", none created twice)" : ")"));
            List<String> problems = new ArrayList<>(comparison.differences());
            boolean allHold = equal;
            for (Check check : scenario.checks(backend, store)) {
                output.line(check.claim() + ": " + (check.holds() ? "yes" : "NO") + " (" + check.detail() + ")");
                problems.addAll(check.problems());
                allHold &= check.holds();
            }
            problems.stream().limit(SHOWN_PROBLEMS).forEach(p -> output.line("  " + p));
            return allHold ? ExitCodes.DONE : ExitCodes.UNDONE;
        }
    }

    /**
     * The demo never touches the user's own store. Its temporary one is removed when the JVM
     * exits, after the command line has closed (and so shut down) the store.
     */
    private void useTemporaryStore() {
        try {
            Path dir = Files.createTempDirectory(session.app().name() + "-demo");
            global.useDataDir(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir), "demo-cleanup"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException leftBehind) {
            // a temporary directory; the system cleans it up eventually
        }
    }
}
