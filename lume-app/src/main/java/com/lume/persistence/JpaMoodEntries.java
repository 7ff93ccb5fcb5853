package com.lume.persistence;

import com.lume.wellness.MoodEntry;
import com.lume.wellness.usecase.MoodEntries;
import io.outbox.jpa.JpaSyncedEntries;
import io.outbox.jpa.OutboxStore;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

import java.util.UUID;

/** Mood entries in the store, through JPA; joins the use case's transaction. Thread-safe. */
public final class JpaMoodEntries extends JpaSyncedEntries<MoodEntryJpaEntity, MoodEntry> implements MoodEntries {
    /** The store is opened on first use, so a command with bad input never touches it. */
    @Inject
    public JpaMoodEntries(Provider<OutboxStore> store) {
        super(store::get, MoodEntryJpaEntity::new, new MoodEntryMapper());
    }

    @Override
    public void forgetPrivateText(UUID id) {
        change(id, stored -> {
            if (stored.deleted()) {
                stored.note = null;
            }
        });
    }
}
