package com.fitiq.persistence;

import com.fitiq.progress.ProgressEntry;
import com.fitiq.progress.usecase.ProgressEntries;
import io.outbox.jpa.JpaSyncedEntries;
import io.outbox.jpa.OutboxStore;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

/** Progress entries in the store, through JPA; joins the use case's transaction. Thread-safe. */
public final class JpaProgressEntries extends JpaSyncedEntries<ProgressEntryJpaEntity, ProgressEntry>
        implements ProgressEntries {
    /** The store is opened on first use, so a command with bad input never touches it. */
    @Inject
    public JpaProgressEntries(Provider<OutboxStore> store) {
        super(store::get, ProgressEntryJpaEntity::new, new ProgressEntryMapper());
    }
}
