package com.lume.wellness.service;

import com.lume.wellness.InvalidEntryException;
import com.lume.wellness.JournalEntry;
import com.lume.wellness.Texts;
import com.lume.wellness.WellnessEvents;
import com.lume.wellness.usecase.AddJournalCommand;
import com.lume.wellness.usecase.JournalEntries;
import com.lume.wellness.usecase.JournalUseCases;
import com.lume.wellness.usecase.MoodEntries;
import com.lume.wellness.usecase.MoodLinkChange;
import com.lume.wellness.usecase.UpdateJournalCommand;
import io.outbox.event.Priority;
import io.outbox.sync.SyncStates;
import io.outbox.sync.SyncedChanges;
import io.outbox.sync.Transactor;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Lume's journal use cases: validate first, then write the entry and its outbox event together.
 * A linked mood must be a live entry of the same user, checked in the same transaction. Thread-safe.
 */
public final class JournalService implements JournalUseCases {
    private final SyncedChanges<JournalEntry> changes;
    private final MoodEntries moods;

    @Inject
    public JournalService(JournalEntries journals, MoodEntries moods, Transactor transactor, SyncStates syncStates,
                          Clock clock) {
        this.changes = new SyncedChanges<>(journals, transactor, syncStates, WellnessEvents::of,
                (user, id) -> new InvalidEntryException("no journal entry " + id + " for user " + user
                        + "; see journal list"), clock);
        this.moods = moods;
    }

    @Override
    public UUID add(AddJournalCommand command) {
        JournalEntry entry = new JournalEntry(UUID.randomUUID(), command.userId(), command.title(),
                command.content(), command.moodId(), command.date().orElseGet(changes::now), Optional.empty(), false);
        changes.add(List.of(entry), Priority.USER_ACTION,
                outbox -> command.moodId().ifPresent(mood -> requireMood(command.userId(), mood)));
        return entry.id();
    }

    @Override
    public void update(UpdateJournalCommand command) {
        if (command.changesNothing()) {
            throw new InvalidEntryException("nothing to change: give --title, --content, --mood, --no-mood and/or"
                    + " --date");
        }
        command.title().ifPresent(t -> Texts.requireLine("--title", t, JournalEntry.MAX_TITLE));
        command.content().ifPresent(c -> Texts.requireParagraphs("--content", c, JournalEntry.MAX_CONTENT));
        changes.change(command.userId(), command.id(), Priority.USER_ACTION, stored -> {
            JournalEntry entry = command.title().map(stored::withTitle).orElse(stored);
            entry = command.content().map(entry::withContent).orElse(entry);
            if (command.mood() instanceof MoodLinkChange.Link link) {
                requireMood(command.userId(), link.moodId());
                entry = entry.withMood(Optional.of(link.moodId()));
            } else if (command.mood() instanceof MoodLinkChange.Unlink) {
                entry = entry.withMood(Optional.empty());
            }
            return command.date().map(entry::withDate).orElse(entry);
        });
    }

    @Override
    public void delete(String userId, UUID id) {
        changes.delete(userId, id, Priority.USER_ACTION);
    }

    @Override
    public List<JournalView> list(String userId) {
        return changes.list(userId, (e, state) -> new JournalView(e.id(), e.title(), e.content(), e.moodId(),
                e.date(), e.backendId(), state));
    }

    /** Another user's mood entry is reported exactly like a missing one: this user cannot see it. */
    private void requireMood(String userId, UUID moodId) {
        if (moods.findLive(userId, moodId).isEmpty()) {
            throw new InvalidEntryException("--mood " + moodId + ": no mood entry with that id for user " + userId
                    + "; see mood list");
        }
    }
}
