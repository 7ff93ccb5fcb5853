package com.fitiq.wiring;

import com.fitiq.persistence.JpaProgressEntries;
import com.fitiq.progress.service.ProgressService;
import com.fitiq.progress.usecase.ProgressEntries;
import com.fitiq.progress.usecase.ProgressUseCases;
import com.google.inject.AbstractModule;

/**
 * FitIQ's own part of its object graph (the kit's parts are bound beside it, see Main): its
 * repository and use cases. It binds; it opens
 * nothing (the store opens when a command first needs it).
 */
public final class FitiqModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ProgressEntries.class).to(JpaProgressEntries.class);
        bind(ProgressUseCases.class).to(ProgressService.class);
    }
}
