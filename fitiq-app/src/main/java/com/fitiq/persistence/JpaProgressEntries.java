package com.fitiq.persistence;

import com.fitiq.progress.ProgressEntry;
import com.fitiq.progress.usecase.ProgressEntries;
import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.UserEntries;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Progress entries in the store, through JPA; joins the use case's transaction. Thread-safe. */
public final class JpaProgressEntries implements ProgressEntries {
    private final Provider<OutboxStore> store;

    /** The store is opened on first use, so a command with bad input never touches it. */
    @Inject
    public JpaProgressEntries(Provider<OutboxStore> store) {
        this.store = store;
    }

    @Override
    public Optional<ProgressEntry> find(UUID id) {
        return store.get().unitOfWork().read(em -> Optional.ofNullable(em.find(ProgressEntryJpaEntity.class, id.toString()))
                .map(ProgressEntryMapper::toEntry));
    }

    @Override
    public Optional<ProgressEntry> findLive(String userId, UUID id) {
        return find(id).filter(e -> e.userId().equals(userId) && !e.deleted());
    }

    @Override
    public void insert(ProgressEntry entry) {
        store.get().unitOfWork().write(work -> work.entityManager().persist(
                ProgressEntryMapper.toEntity(entry, new ProgressEntryJpaEntity())));
    }

    @Override
    public void update(ProgressEntry entry) {
        store.get().unitOfWork().write(work -> {
            ProgressEntryJpaEntity stored = work.entityManager().find(ProgressEntryJpaEntity.class,
                    entry.id().toString());
            ProgressEntryMapper.toEntity(entry, stored);
        });
    }

    @Override
    public List<ProgressEntry> listLive(String userId) {
        return store.get().unitOfWork().read(em -> UserEntries.live(em, ProgressEntryJpaEntity.class, userId)
                .stream().map(ProgressEntryMapper::toEntry).toList());
    }

    @Override
    public void setBackendId(UUID id, String backendId) {
        store.get().unitOfWork().write(work -> {
            ProgressEntryJpaEntity stored = work.entityManager().find(ProgressEntryJpaEntity.class, id.toString());
            if (stored != null) {
                stored.backendId = backendId;
            }
        });
    }
}
