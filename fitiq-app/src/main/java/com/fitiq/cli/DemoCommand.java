package com.fitiq.cli;

import com.fitiq.demo.ProgressDemo;
import com.fitiq.progress.usecase.ProgressUseCases;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code demo}: the whole flow on a fresh temporary store, nothing to set up. Records local
 * changes, syncs them into a stand-in backend that fails a share of requests, and checks
 * that the backend ends up equal to the local state (exit 0 only then).
 */
@Command(name = "demo", description = {"Try FitIQ with nothing to set up, on a temporary store.",
        "Makes progress changes offline, starts a stand-in backend on loopback that fails",
        "a share of requests, syncs until idle and reports. Exit 0 only when the backend",
        "ends up equal to the local state."})
public final class DemoCommand implements Callable<Integer> {
    private static final String USER = "demo-user";

    private final GlobalOptions global;
    private final Session session;
    private final Provider<ProgressUseCases> useCases;
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
    public DemoCommand(GlobalOptions global, Session session, Provider<ProgressUseCases> useCases,
                       Provider<OutboxStore> store, Output output) {
        this.global = global;
        this.session = session;
        this.useCases = useCases;
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
                .withFaults(FaultPlan.of(failureRate)).withSeed(runSeed))) {
            ProgressDemo demo = new ProgressDemo(useCases.get(), USER, runSeed);
            demo.recordChanges(entries, Instant.parse("2025-01-01T07:00:00Z"));
            output.line("FitIQ demo (seed " + runSeed + "): " + demo.summary() + " by " + USER + ", made offline");
            DemoSync.Result result = DemoSync.run(session.app(), store.get(), USER, backend, token, session.clock(),
                    output);
            DemoSync.report(result, failureRate).forEach(output::line);
            List<String> differences = demo.differences(backend.resources("progress"),
                    backend.createsPerClientId("progress"));
            boolean equal = differences.isEmpty() && result.failedForGood() == 0 && result.pending() == 0;
            output.line("backend state equals local state: " + (equal ? "yes" : "NO") + " (" + demo.liveCount()
                    + " entries, none created twice" + (differences.isEmpty() ? ")" : ")"));
            differences.stream().limit(10).forEach(d -> output.line("  " + d));
            return equal ? ExitCodes.DONE : ExitCodes.UNDONE;
        }
    }

    /** The demo never touches the user's own store. */
    private void useTemporaryStore() {
        try {
            global.useDataDir(Files.createTempDirectory("fitiq-demo"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory: " + e.getMessage(), e);
        }
    }
}
