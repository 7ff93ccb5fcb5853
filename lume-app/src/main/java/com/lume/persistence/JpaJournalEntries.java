package com.lume.persistence;

import com.lume.wellness.JournalEntry;
import com.lume.wellness.usecase.JournalEntries;
import io.outbox.jpa.JpaSyncedEntries;
import io.outbox.jpa.OutboxStore;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

import java.util.List;
import java.util.UUID;

/** Journal entries in the store, through JPA; joins the use case's transaction. Thread-safe. */
public final class JpaJournalEntries extends JpaSyncedEntries<JournalEntryJpaEntity, JournalEntry>
        implements JournalEntries {
    /** The store is opened on first use, so a command with bad input never touches it. */
    @Inject
    public JpaJournalEntries(Provider<OutboxStore> store) {
        super(store::get, JournalEntryJpaEntity::new, new JournalEntryMapper());
    }

    @Override
    public List<JournalEntry> linkedTo(String userId, UUID moodId) {
        return read(em -> em.createQuery("SELECT e FROM JournalEntryJpaEntity e"
                        + " WHERE e.userId = :user AND e.moodId = :mood ORDER BY e.date, e.id",
                JournalEntryJpaEntity.class).setParameter("user", userId).setParameter("mood", moodId.toString())
                .getResultList().stream().map(this::toEntry).toList());
    }

    @Override
    public void forgetPrivateText(UUID id) {
        change(id, stored -> {
            if (stored.deleted()) {
                stored.title = "";
                stored.content = "";
            }
        });
    }
}
