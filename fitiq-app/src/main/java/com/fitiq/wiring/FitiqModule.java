package com.fitiq.wiring;

import com.fitiq.persistence.JpaProgressEntries;
import com.fitiq.progress.service.ProgressService;
import com.fitiq.progress.usecase.ProgressEntries;
import com.fitiq.progress.usecase.ProgressUseCases;
import com.google.inject.AbstractModule;
import io.outbox.cli.CommandLineParts;
import io.outbox.cli.Environment;
import io.outbox.cli.Output;

import java.time.Clock;

/**
 * FitIQ's object graph: the shared kit's parts, and FitIQ's repository and use cases. It binds;
 * it opens nothing (the store opens when a command first needs it).
 */
public final class FitiqModule extends AbstractModule {
    private final CommandLineParts parts;

    public FitiqModule(Environment environment, Output output, Clock clock) {
        this.parts = new CommandLineParts(new FitiqApp(clock), environment, output, clock);
    }

    @Override
    protected void configure() {
        parts.bindings().forEach(this::bindPart);
        bind(ProgressEntries.class).to(JpaProgressEntries.class);
        bind(ProgressUseCases.class).to(ProgressService.class);
    }

    private <T> void bindPart(CommandLineParts.Binding<T> part) {
        bind(part.type()).toProvider(part.provider());
    }
}
