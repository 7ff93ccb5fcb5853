package com.lume.wiring;

import com.google.inject.AbstractModule;
import com.lume.persistence.JpaJournalEntries;
import com.lume.persistence.JpaMoodEntries;
import com.lume.wellness.service.JournalService;
import com.lume.wellness.service.MoodService;
import com.lume.wellness.usecase.JournalEntries;
import com.lume.wellness.usecase.JournalUseCases;
import com.lume.wellness.usecase.MoodEntries;
import com.lume.wellness.usecase.MoodUseCases;
import io.outbox.cli.CommandLineParts;
import io.outbox.cli.Environment;
import io.outbox.cli.Output;

import java.time.Clock;

/**
 * Lume's object graph: the shared kit's parts, and Lume's repositories and use cases. It binds;
 * it opens nothing (the store opens when a command first needs it).
 */
public final class LumeModule extends AbstractModule {
    private final CommandLineParts parts;

    public LumeModule(Environment environment, Output output, Clock clock) {
        this.parts = new CommandLineParts(new LumeApp(clock), environment, output, clock);
    }

    @Override
    protected void configure() {
        parts.bindings().forEach(this::bindPart);
        bind(MoodEntries.class).to(JpaMoodEntries.class);
        bind(JournalEntries.class).to(JpaJournalEntries.class);
        bind(MoodUseCases.class).to(MoodService.class);
        bind(JournalUseCases.class).to(JournalService.class);
    }

    private <T> void bindPart(CommandLineParts.Binding<T> part) {
        bind(part.type()).toProvider(part.provider());
    }
}
