package com.lume.persistence;

import com.lume.wellness.MoodEntry;
import com.lume.wellness.usecase.MoodEntries;
import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.UserEntries;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Mood entries in the store, through JPA; joins the use case's transaction. Thread-safe. */
public final class JpaMoodEntries implements MoodEntries {
    private final Provider<OutboxStore> store;

    /** The store is opened on first use, so a command with bad input never touches it. */
    @Inject
    public JpaMoodEntries(Provider<OutboxStore> store) {
        this.store = store;
    }

    @Override
    public Optional<MoodEntry> find(UUID id) {
        return store.get().unitOfWork().read(em -> Optional.ofNullable(em.find(MoodEntryJpaEntity.class,
                id.toString())).map(MoodEntryMapper::toEntry));
    }

    @Override
    public Optional<MoodEntry> findLive(String userId, UUID id) {
        return find(id).filter(e -> e.userId().equals(userId) && !e.deleted());
    }

    @Override
    public void insert(MoodEntry entry) {
        store.get().unitOfWork().write(work -> work.entityManager().persist(
                MoodEntryMapper.toEntity(entry, new MoodEntryJpaEntity())));
    }

    @Override
    public void update(MoodEntry entry) {
        change(entry.id(), stored -> MoodEntryMapper.toEntity(entry, stored));
    }

    @Override
    public List<MoodEntry> listLive(String userId) {
        return store.get().unitOfWork().read(em -> UserEntries.live(em, MoodEntryJpaEntity.class, userId).stream()
                .map(MoodEntryMapper::toEntry).toList());
    }

    @Override
    public void setBackendId(UUID id, String backendId) {
        change(id, stored -> stored.backendId = backendId);
    }

    @Override
    public void forgetPrivateText(UUID id) {
        change(id, stored -> {
            if (stored.deleted) {
                stored.note = null;
            }
        });
    }

    private void change(UUID id, Consumer<MoodEntryJpaEntity> change) {
        store.get().unitOfWork().write(work -> {
            MoodEntryJpaEntity stored = work.entityManager().find(MoodEntryJpaEntity.class, id.toString());
            if (stored != null) {
                change.accept(stored);
            }
        });
    }
}
