package com.fitiq.cli;

import com.fitiq.demo.ProgressDemo;
import com.fitiq.progress.usecase.ProgressUseCases;
import io.outbox.cli.GlobalOptions;
import io.outbox.cli.Output;
import io.outbox.cli.Session;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;

/** {@code demo}: FitIQ's changes in the shared demo flow. */
@Command(name = "demo", description = {"Try FitIQ with nothing to set up, on a temporary store.",
        "Makes progress changes offline, starts a stand-in backend on loopback that fails",
        "a share of requests, syncs until idle and reports. Exit 0 only when the backend",
        "ends up equal to the local state."})
public final class DemoCommand extends io.outbox.cli.DemoCommand {
    private final Provider<ProgressUseCases> useCases;

    @Inject
    public DemoCommand(GlobalOptions global, Session session, Output output, Provider<ProgressUseCases> useCases) {
        super("FitIQ", global, session, output);
        this.useCases = useCases;
    }

    @Override
    protected Scenario scenario(String user, long seed) {
        return new ProgressDemo(useCases.get(), user, seed);
    }
}
