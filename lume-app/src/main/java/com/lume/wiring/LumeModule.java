package com.lume.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.lume.persistence.JpaJournalEntries;
import com.lume.persistence.JpaMoodEntries;
import com.lume.persistence.OutboxSyncStates;
import com.lume.persistence.StoreTransactor;
import com.lume.wellness.service.JournalService;
import com.lume.wellness.service.MoodService;
import com.lume.wellness.usecase.JournalEntries;
import com.lume.wellness.usecase.JournalUseCases;
import com.lume.wellness.usecase.MoodEntries;
import com.lume.wellness.usecase.MoodUseCases;
import com.lume.wellness.usecase.SyncStates;
import com.lume.wellness.usecase.Transactor;
import io.outbox.jpa.OutboxStore;
import io.outbox.cli.Environment;
import io.outbox.cli.GlobalOptions;
import io.outbox.cli.OutboxApp;
import io.outbox.cli.Output;
import io.outbox.cli.Session;

import java.time.Clock;

/** Lume's object graph. It binds; it opens nothing (the store opens when a command first needs it). */
public final class LumeModule extends AbstractModule {
    private final Environment environment;
    private final Output output;
    private final Clock clock;

    public LumeModule(Environment environment, Output output, Clock clock) {
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
        bind(OutboxApp.class).to(LumeApp.class).in(Singleton.class);
        bind(MoodEntries.class).to(JpaMoodEntries.class);
        bind(JournalEntries.class).to(JpaJournalEntries.class);
        bind(Transactor.class).to(StoreTransactor.class);
        bind(SyncStates.class).to(OutboxSyncStates.class);
        bind(MoodUseCases.class).to(MoodService.class);
        bind(JournalUseCases.class).to(JournalService.class);
    }

    @Provides
    OutboxStore store(Session session) {
        return session.store();
    }
}
