package com.fitiq.progress;

import com.fitiq.progress.usecase.ProgressEntries;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Entries in memory, for fast use-case and handler tests. Thread-safe. */
public final class InMemoryEntries implements ProgressEntries {
    private final Map<UUID, ProgressEntry> entries = new LinkedHashMap<>();

    @Override
    public synchronized Optional<ProgressEntry> find(UUID id) {
        return Optional.ofNullable(entries.get(id));
    }

    @Override
    public synchronized Optional<ProgressEntry> findLive(String userId, UUID id) {
        return find(id).filter(e -> e.userId().equals(userId) && !e.deleted());
    }

    @Override
    public synchronized void insert(ProgressEntry entry) {
        entries.put(entry.id(), entry);
    }

    @Override
    public synchronized void update(ProgressEntry entry) {
        entries.put(entry.id(), entry);
    }

    @Override
    public synchronized List<ProgressEntry> listLive(String userId) {
        return entries.values().stream().filter(e -> e.userId().equals(userId) && !e.deleted())
                .sorted(Comparator.comparing(ProgressEntry::date)).toList();
    }

    @Override
    public synchronized void setBackendId(UUID id, String backendId) {
        ProgressEntry e = entries.get(id);
        entries.put(id, new ProgressEntry(e.id(), e.userId(), e.type(), e.quantity(), e.date(),
                Optional.of(backendId), e.deleted()));
    }

    public synchronized int size() {
        return entries.size();
    }
}
