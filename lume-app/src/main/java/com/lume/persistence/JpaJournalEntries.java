package com.lume.persistence;

import com.lume.wellness.JournalEntry;
import com.lume.wellness.usecase.JournalEntries;
import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.UserEntries;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Journal entries in the store, through JPA; joins the use case's transaction. Thread-safe. */
public final class JpaJournalEntries implements JournalEntries {
    private final Provider<OutboxStore> store;

    /** The store is opened on first use, so a command with bad input never touches it. */
    @Inject
    public JpaJournalEntries(Provider<OutboxStore> store) {
        this.store = store;
    }

    @Override
    public Optional<JournalEntry> find(UUID id) {
        return store.get().unitOfWork().read(em -> Optional.ofNullable(em.find(JournalEntryJpaEntity.class,
                id.toString())).map(JournalEntryMapper::toEntry));
    }

    @Override
    public Optional<JournalEntry> findLive(String userId, UUID id) {
        return find(id).filter(e -> e.userId().equals(userId) && !e.deleted());
    }

    @Override
    public void insert(JournalEntry entry) {
        store.get().unitOfWork().write(work -> work.entityManager().persist(
                JournalEntryMapper.toEntity(entry, new JournalEntryJpaEntity())));
    }

    @Override
    public void update(JournalEntry entry) {
        change(entry.id(), stored -> JournalEntryMapper.toEntity(entry, stored));
    }

    @Override
    public List<JournalEntry> listLive(String userId) {
        return store.get().unitOfWork().read(em -> UserEntries.live(em, JournalEntryJpaEntity.class, userId).stream()
                .map(JournalEntryMapper::toEntry).toList());
    }

    @Override
    public List<JournalEntry> linkedTo(String userId, UUID moodId) {
        return store.get().unitOfWork().read(em -> em.createQuery("SELECT e FROM JournalEntryJpaEntity e"
                        + " WHERE e.userId = :user AND e.moodId = :mood ORDER BY e.date, e.id",
                JournalEntryJpaEntity.class).setParameter("user", userId).setParameter("mood", moodId.toString())
                .getResultList().stream().map(JournalEntryMapper::toEntry).toList());
    }

    @Override
    public void setBackendId(UUID id, String backendId) {
        change(id, stored -> stored.backendId = backendId);
    }

    @Override
    public void forgetPrivateText(UUID id) {
        change(id, stored -> {
            if (stored.deleted) {
                stored.title = "";
                stored.content = "";
            }
        });
    }

    private void change(UUID id, Consumer<JournalEntryJpaEntity> change) {
        store.get().unitOfWork().write(work -> {
            JournalEntryJpaEntity stored = work.entityManager().find(JournalEntryJpaEntity.class, id.toString());
            if (stored != null) {
                change.accept(stored);
            }
        });
    }
}
