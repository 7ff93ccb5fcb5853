package com.fitiq.wiring;

import com.fitiq.persistence.JpaProgressEntries;
import com.fitiq.persistence.OutboxSyncStates;
import com.fitiq.persistence.StoreTransactor;
import com.fitiq.progress.service.ProgressService;
import com.fitiq.progress.usecase.ProgressEntries;
import com.fitiq.progress.usecase.ProgressUseCases;
import com.fitiq.progress.usecase.SyncStates;
import com.fitiq.progress.usecase.Transactor;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.outbox.jpa.OutboxStore;
import io.outbox.cli.Environment;
import io.outbox.cli.GlobalOptions;
import io.outbox.cli.OutboxApp;
import io.outbox.cli.Output;
import io.outbox.cli.Session;

import java.time.Clock;

/** FitIQ's object graph. It binds; it opens nothing (the store opens when a command first needs it). */
public final class FitiqModule extends AbstractModule {
    private final Environment environment;
    private final Output output;
    private final Clock clock;

    public FitiqModule(Environment environment, Output output, Clock clock) {
        this.environment = environment;
        this.output = output;
        this.clock = clock;
    }

    @Override
    protected void configure() {
        bind(Environment.class).toInstance(environment);
        bind(Output.class).toInstance(output);
        bind(Clock.class).toInstance(clock);
        bind(GlobalOptions.class).in(Singleton.class);
        bind(Session.class).in(Singleton.class);
        bind(OutboxApp.class).to(FitiqApp.class).in(Singleton.class);
        bind(ProgressEntries.class).to(JpaProgressEntries.class);
        bind(Transactor.class).to(StoreTransactor.class);
        bind(SyncStates.class).to(OutboxSyncStates.class);
        bind(ProgressUseCases.class).to(ProgressService.class);
    }

    @Provides
    OutboxStore store(Session session) {
        return session.store();
    }
}
