package com.lume.wellness.service;

import com.lume.wellness.InvalidEntryException;
import com.lume.wellness.JournalEntry;
import com.lume.wellness.Labels;
import com.lume.wellness.MoodEntry;
import com.lume.wellness.Texts;
import com.lume.wellness.WellnessEvents;
import com.lume.wellness.usecase.AddMoodCommand;
import com.lume.wellness.usecase.JournalEntries;
import com.lume.wellness.usecase.MoodEntries;
import com.lume.wellness.usecase.MoodUseCases;
import com.lume.wellness.usecase.UpdateMoodCommand;
import io.outbox.event.Operation;
import io.outbox.event.Priority;
import io.outbox.sync.SyncStates;
import io.outbox.sync.SyncedChanges;
import io.outbox.sync.Transactor;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Lume's mood use cases: validate first, then write the entry and its outbox event together. Thread-safe. */
public final class MoodService implements MoodUseCases {
    private final SyncedChanges<MoodEntry> changes;
    private final JournalEntries journals;

    @Inject
    public MoodService(MoodEntries moods, JournalEntries journals, Transactor transactor, SyncStates syncStates,
                       Clock clock) {
        this.changes = new SyncedChanges<>(moods, transactor, syncStates, WellnessEvents::of,
                (user, id) -> new InvalidEntryException("no mood entry " + id + " for user " + user
                        + "; see mood list"), clock);
        this.journals = journals;
    }

    @Override
    public UUID add(AddMoodCommand command) {
        MoodEntry entry = new MoodEntry(UUID.randomUUID(), command.userId(), Valences.parse(command.valence()),
                command.labels(), command.note(), command.date().orElseGet(changes::now), Optional.empty(), false);
        changes.add(List.of(entry), Priority.USER_ACTION);
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
        changes.change(command.userId(), command.id(), Priority.USER_ACTION, stored -> {
            MoodEntry entry = valence.map(stored::withValence).orElse(stored);
            entry = labels.map(entry::withLabels).orElse(entry);
            entry = entry.withNote(command.removeNote() ? Optional.empty() : note.or(stored::note));
            return command.date().map(entry::withDate).orElse(entry);
        });
    }

    /**
     * The journal entries linking the mood lose the link in the same transaction: a live one
     * with an update event (its backend copy must drop the link too), a tombstone without (its
     * pending events send its current state).
     */
    @Override
    public void delete(String userId, UUID id) {
        changes.delete(userId, id, Priority.USER_ACTION, (deleted, outbox, now) -> {
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
        return changes.list(userId, (e, state) -> new MoodView(e.id(), e.valence(), e.labels(), e.note(), e.date(),
                e.backendId(), state));
    }
}
