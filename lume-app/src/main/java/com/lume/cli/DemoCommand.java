package com.lume.cli;

import com.lume.demo.WellnessContract;
import com.lume.demo.WellnessDemo;
import com.lume.wellness.usecase.JournalUseCases;
import com.lume.wellness.usecase.MoodUseCases;
import io.outbox.jpa.OutboxStore;
import io.outbox.cli.BadInputException;
import io.outbox.cli.DemoSync;
import io.outbox.cli.ExitCodes;
import io.outbox.cli.GlobalOptions;
import io.outbox.cli.Output;
import io.outbox.cli.Session;
import io.outbox.testing.backend.FaultPlan;
import io.outbox.testing.backend.StandInBackend;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code demo}: the whole flow on a fresh temporary store, nothing to set up. Records mood and
 * journal changes offline (some journals linked to moods made in the same session), syncs them
 * into a stand-in backend that fails a share of requests and checks every body's shape, and
 * reports whether the backend ends up equal to the local state and whether every linked journal
 * arrived after its mood (exit 0 only when both hold).
 */
@Command(name = "demo", description = {"Try Lume with nothing to set up, on a temporary store.",
        "Makes mood and journal changes offline, starts a stand-in backend on loopback",
        "that fails a share of requests, syncs until idle and reports. Exit 0 only when",
        "the backend ends up equal to the local state, every linked journal after its",
        "mood."})
public final class DemoCommand implements Callable<Integer> {
    private static final String USER = "demo-user";

    private final GlobalOptions global;
    private final Session session;
    private final Provider<MoodUseCases> moods;
    private final Provider<JournalUseCases> journals;
    private final Provider<OutboxStore> store;
    private final Output output;

    @Option(names = "--entries", defaultValue = "200", paramLabel = "N", description = "Local changes to make"
            + " (default 200).")
    int entries;
    @Option(names = "--failure-rate", defaultValue = "0.2", paramLabel = "R", description = "Share of requests"
            + " the backend fails, 0 to 0.9 (default 0.2).")
    double failureRate;
    @Option(names = "--seed", paramLabel = "N", description = "Seed of the changes and faults (default: random).")
    Long seed;

    @Inject
    public DemoCommand(GlobalOptions global, Session session, Provider<MoodUseCases> moods,
                       Provider<JournalUseCases> journals, Provider<OutboxStore> store, Output output) {
        this.global = global;
        this.session = session;
        this.moods = moods;
        this.journals = journals;
        this.store = store;
        this.output = output;
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
        String token = UUID.randomUUID().toString();
        try (StandInBackend backend = StandInBackend.start(StandInBackend.Options.withToken(token)
                .withFaults(FaultPlan.of(failureRate)).withSeed(runSeed)
                .withValidator(WellnessContract.MOODS, WellnessContract.moodBody())
                .withValidator(WellnessContract.JOURNALS, WellnessContract.journalBody()))) {
            WellnessDemo demo = new WellnessDemo(moods.get(), journals.get(), USER, runSeed);
            demo.recordChanges(entries, Instant.parse("2025-01-01T07:00:00Z"));
            output.line("Lume demo (seed " + runSeed + "): " + demo.summary() + " by " + USER + ", made offline");
            DemoSync.Result result = DemoSync.run(session.app(), store.get(), USER, backend, token, session.clock(),
                    output);
            DemoSync.report(result, failureRate).forEach(output::line);
            List<String> differences = demo.differences(backend.resources(WellnessContract.MOODS),
                    backend.resources(WellnessContract.JOURNALS), backend.createsPerClientId(WellnessContract.MOODS),
                    backend.createsPerClientId(WellnessContract.JOURNALS));
            List<String> order = demo.linkOrderProblems(backend.journal(), store.get().repository());
            boolean equal = differences.isEmpty() && result.failedForGood() == 0 && result.pending() == 0;
            output.line("backend state equals local state: " + (equal ? "yes" : "NO") + " (" + demo.liveCounts()
                    + (differences.isEmpty() ? ", none created twice)" : ")"));
            output.line("every linked journal arrived after its mood: " + (order.isEmpty() ? "yes" : "NO") + " ("
                    + demo.linkedCount() + " linked journals checked)");
            List<String> problems = new ArrayList<>(differences);
            problems.addAll(order);
            problems.stream().limit(10).forEach(d -> output.line("  " + d));
            return equal && order.isEmpty() ? ExitCodes.DONE : ExitCodes.UNDONE;
        }
    }

    /**
     * The demo never touches the user's own store. Its temporary one is removed when the JVM
     * exits, after the command line has closed (and so shut down) the store.
     */
    private void useTemporaryStore() {
        try {
            Path dir = Files.createTempDirectory("lume-demo");
            global.useDataDir(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir), "lume-demo-cleanup"));
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
