package com.lume.support;

import com.lume.wellness.JournalEntry;
import com.lume.wellness.MoodEntry;
import io.outbox.sync.SyncState;
import com.lume.wellness.usecase.JournalEntries;
import com.lume.wellness.usecase.MoodEntries;
import io.outbox.sync.SyncStates;
import io.outbox.sync.Transactor;
import io.outbox.event.OutboxEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Lume's ports in memory, for fast tests of use cases and handlers: a transaction is all or
 * nothing (a failure inside restores the entries and drops its events). Thread-safe.
 */
public final class InMemoryWellness implements Transactor, SyncStates {
    private final Map<UUID, MoodEntry> moods = new LinkedHashMap<>();
    private final Map<UUID, JournalEntry> journals = new LinkedHashMap<>();
    private final List<OutboxEvent> events = new ArrayList<>();
    private final Map<String, SyncState> states = new HashMap<>();
    private final Moods moodPort = new Moods();
    private final Journals journalPort = new Journals();

    public MoodEntries moods() {
        return moodPort;
    }

    public JournalEntries journals() {
        return journalPort;
    }

    /** Every event recorded by committed transactions, oldest first. */
    public synchronized List<OutboxEvent> events() {
        return List.copyOf(events);
    }

    public synchronized MoodEntry mood(UUID id) {
        return moods.get(id);
    }

    public synchronized JournalEntry journal(UUID id) {
        return journals.get(id);
    }

    public synchronized void put(MoodEntry entry) {
        moods.put(entry.id(), entry);
    }

    public synchronized void put(JournalEntry entry) {
        journals.put(entry.id(), entry);
    }

    public synchronized void markState(UUID entity, SyncState state) {
        states.put(entity.toString(), state);
    }

    @Override
    public synchronized void inTransaction(Consumer<Recorder> work) {
        Map<UUID, MoodEntry> moodsBefore = new LinkedHashMap<>(moods);
        Map<UUID, JournalEntry> journalsBefore = new LinkedHashMap<>(journals);
        List<OutboxEvent> recorded = new ArrayList<>();
        try {
            work.accept(recorded::add);
            events.addAll(recorded);
        } catch (RuntimeException e) {
            moods.clear();
            moods.putAll(moodsBefore);
            journals.clear();
            journals.putAll(journalsBefore);
            throw e;
        }
    }

    @Override
    public synchronized Map<String, SyncState> unsynced(String userId) {
        return Map.copyOf(states);
    }

    private synchronized <T> void change(Map<UUID, T> map, UUID id, UnaryOperator<T> change) {
        map.computeIfPresent(id, (k, v) -> change.apply(v));
    }

    /** The mood port. */
    private final class Moods implements MoodEntries {
        @Override
        public Optional<MoodEntry> find(UUID id) {
            synchronized (InMemoryWellness.this) {
                return Optional.ofNullable(moods.get(id));
            }
        }

        @Override
        public Optional<MoodEntry> findLive(String userId, UUID id) {
            return find(id).filter(e -> e.userId().equals(userId) && !e.deleted());
        }

        @Override
        public void insert(MoodEntry entry) {
            put(entry);
        }

        @Override
        public void update(MoodEntry entry) {
            put(entry);
        }

        @Override
        public List<MoodEntry> listLive(String userId) {
            synchronized (InMemoryWellness.this) {
                return moods.values().stream().filter(e -> e.userId().equals(userId) && !e.deleted())
                        .sorted(Comparator.comparing(MoodEntry::date)).toList();
            }
        }

        @Override
        public void setBackendId(UUID id, String backendId) {
            change(moods, id, e -> new MoodEntry(e.id(), e.userId(), e.valence(), e.labels(), e.note(), e.date(),
                    Optional.of(backendId), e.deleted()));
        }

        @Override
        public void forgetPrivateText(UUID id) {
            change(moods, id, e -> e.deleted() ? e.withNote(Optional.empty()) : e);
        }
    }

    /** The journal port. */
    private final class Journals implements JournalEntries {
        @Override
        public Optional<JournalEntry> find(UUID id) {
            synchronized (InMemoryWellness.this) {
                return Optional.ofNullable(journals.get(id));
            }
        }

        @Override
        public Optional<JournalEntry> findLive(String userId, UUID id) {
            return find(id).filter(e -> e.userId().equals(userId) && !e.deleted());
        }

        @Override
        public void insert(JournalEntry entry) {
            put(entry);
        }

        @Override
        public void update(JournalEntry entry) {
            put(entry);
        }

        @Override
        public List<JournalEntry> listLive(String userId) {
            synchronized (InMemoryWellness.this) {
                return journals.values().stream().filter(e -> e.userId().equals(userId) && !e.deleted())
                        .sorted(Comparator.comparing(JournalEntry::date)).toList();
            }
        }

        @Override
        public List<JournalEntry> linkedTo(String userId, UUID moodId) {
            synchronized (InMemoryWellness.this) {
                return journals.values().stream().filter(e -> e.userId().equals(userId)
                        && e.moodId().equals(Optional.of(moodId))).toList();
            }
        }

        @Override
        public void setBackendId(UUID id, String backendId) {
            change(journals, id, e -> new JournalEntry(e.id(), e.userId(), e.title(), e.content(), e.moodId(),
                    e.date(), Optional.of(backendId), e.deleted()));
        }

        @Override
        public void forgetPrivateText(UUID id) {
            change(journals, id, e -> e.deleted() ? e.withTitle("").withContent("") : e);
        }
    }
}
