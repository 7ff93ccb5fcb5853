package com.lume.wellness.service;

import com.lume.wellness.InvalidEntryException;
import com.lume.wellness.JournalEntry;
import com.lume.wellness.Labels;
import com.lume.wellness.MoodEntry;
import com.lume.wellness.SyncState;
import com.lume.wellness.Texts;
import com.lume.wellness.WellnessEvents;
import com.lume.wellness.usecase.AddMoodCommand;
import com.lume.wellness.usecase.JournalEntries;
import com.lume.wellness.usecase.MoodEntries;
import com.lume.wellness.usecase.MoodUseCases;
import com.lume.wellness.usecase.SyncStates;
import com.lume.wellness.usecase.Transactor;
import com.lume.wellness.usecase.UpdateMoodCommand;
import io.outbox.event.Operation;
import io.outbox.event.Priority;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Lume's mood use cases: validate first, then write the entry and its outbox event together. Thread-safe. */
public final class MoodService implements MoodUseCases {
    private final MoodEntries moods;
    private final JournalEntries journals;
    private final Transactor transactor;
    private final SyncStates syncStates;
    private final Clock clock;

    @Inject
    public MoodService(MoodEntries moods, JournalEntries journals, Transactor transactor, SyncStates syncStates,
                       Clock clock) {
        this.moods = moods;
        this.journals = journals;
        this.transactor = transactor;
        this.syncStates = syncStates;
        this.clock = clock;
    }

    @Override
    public UUID add(AddMoodCommand command) {
        Instant now = clock.instant();
        MoodEntry entry = new MoodEntry(UUID.randomUUID(), command.userId(), Valences.parse(command.valence()),
                command.labels(), command.note(), command.date().orElse(now), Optional.empty(), false);
        transactor.inTransaction(outbox -> {
            moods.insert(entry);
            outbox.record(WellnessEvents.of(entry, Operation.CREATE, Priority.USER_ACTION, now));
        });
        return entry.id();
    }

    @Override
    public void update(UpdateMoodCommand command) {
        if (command.changesNothing()) {
            throw new InvalidEntryException("nothing to change: give --valence, --label, --no-labels, --note,"
                    + " --no-note and/or --date");
        }
        if (command.note().isPresent() && command.removeNote()) {
            throw new InvalidEntryException("--note and --no-note exclude each other; give one of them");
        }
        // every value is checked before the store is touched
        Optional<Double> valence = command.valence().map(Valences::parse);
        Optional<List<String>> labels = command.labels().map(Labels::check);
        Optional<String> note = Texts.optionalParagraphs("--note", command.note(), MoodEntry.MAX_NOTE);
        Instant now = clock.instant();
        transactor.inTransaction(outbox -> {
            MoodEntry stored = live(command.userId(), command.id());
            MoodEntry entry = valence.map(stored::withValence).orElse(stored);
            entry = labels.map(entry::withLabels).orElse(entry);
            entry = entry.withNote(command.removeNote() ? Optional.empty() : note.or(stored::note));
            entry = command.date().map(entry::withDate).orElse(entry);
            moods.update(entry);
            outbox.record(WellnessEvents.of(entry, Operation.UPDATE, Priority.USER_ACTION, now));
        });
    }

    /**
     * The journal entries linking the mood lose the link in the same transaction: a live one
     * with an update event (its backend copy must drop the link too), a tombstone without (its
     * pending events send its current state).
     */
    @Override
    public void delete(String userId, UUID id) {
        Instant now = clock.instant();
        transactor.inTransaction(outbox -> {
            MoodEntry deleted = live(userId, id).asDeleted();
            moods.update(deleted);
            outbox.record(WellnessEvents.of(deleted, Operation.DELETE, Priority.USER_ACTION, now));
            for (JournalEntry journal : journals.linkedTo(userId, id)) {
                JournalEntry unlinked = journal.withMood(Optional.empty());
                journals.update(unlinked);
                if (!journal.deleted()) {
                    outbox.record(WellnessEvents.of(unlinked, Operation.UPDATE, Priority.USER_ACTION, now));
                }
            }
        });
    }

    @Override
    public List<MoodView> list(String userId) {
        Map<String, SyncState> unsynced = syncStates.unsynced(userId);
        return moods.listLive(userId).stream().map(e -> new MoodView(e.id(), e.valence(), e.labels(), e.note(),
                e.date(), e.backendId(), unsynced.getOrDefault(e.id().toString(), SyncState.SYNCED))).toList();
    }

    private MoodEntry live(String userId, UUID id) {
        return moods.findLive(userId, id).orElseThrow(() -> new InvalidEntryException(
                "no mood entry " + id + " for user " + userId + "; see mood list"));
    }
}
