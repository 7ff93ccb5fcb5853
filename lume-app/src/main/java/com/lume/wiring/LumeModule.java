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

/**
 * Lume's own part of its object graph (the kit's parts are bound beside it, see Main): its
 * repositories and use cases. It binds; it opens
 * nothing (the store opens when a command first needs it).
 */
public final class LumeModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(MoodEntries.class).to(JpaMoodEntries.class);
        bind(JournalEntries.class).to(JpaJournalEntries.class);
        bind(MoodUseCases.class).to(MoodService.class);
        bind(JournalUseCases.class).to(JournalService.class);
    }
}
