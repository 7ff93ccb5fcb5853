package com.lume.cli;

import com.lume.demo.WellnessDemo;
import com.lume.wellness.usecase.JournalUseCases;
import com.lume.wellness.usecase.MoodUseCases;
import io.outbox.cli.GlobalOptions;
import io.outbox.cli.Output;
import io.outbox.cli.Session;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;

/**
 * {@code demo}: Lume's mood and journal changes in the shared demo flow (some journals linked to
 * moods made in the same session); the stand-in checks every body's shape, and the report adds
 * whether every linked journal arrived after its mood.
 */
@Command(name = "demo", description = {"Try Lume with nothing to set up, on a temporary store.",
        "Makes mood and journal changes offline, starts a stand-in backend on loopback",
        "that fails a share of requests, syncs until idle and reports. Exit 0 only when",
        "the backend ends up equal to the local state, every linked journal after its",
        "mood."})
public final class DemoCommand extends io.outbox.cli.DemoCommand {
    private final Provider<MoodUseCases> moods;
    private final Provider<JournalUseCases> journals;

    @Inject
    public DemoCommand(GlobalOptions global, Session session, Output output, Provider<MoodUseCases> moods,
                       Provider<JournalUseCases> journals) {
        super("Lume", global, session, output);
        this.moods = moods;
        this.journals = journals;
    }

    @Override
    protected Scenario scenario(String user, long seed) {
        return new WellnessDemo(moods.get(), journals.get(), user, seed);
    }
}
