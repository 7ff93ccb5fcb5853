package com.lume.wellness.service;

import com.lume.wellness.InvalidEntryException;
import com.lume.wellness.JournalEntry;
import com.lume.wellness.SyncState;
import com.lume.wellness.Texts;
import com.lume.wellness.WellnessEvents;
import com.lume.wellness.usecase.AddJournalCommand;
import com.lume.wellness.usecase.JournalEntries;
import com.lume.wellness.usecase.JournalUseCases;
import com.lume.wellness.usecase.MoodEntries;
import com.lume.wellness.usecase.MoodLinkChange;
import com.lume.wellness.usecase.SyncStates;
import com.lume.wellness.usecase.Transactor;
import com.lume.wellness.usecase.UpdateJournalCommand;
import io.outbox.event.Operation;
import io.outbox.event.Priority;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Lume's journal use cases: validate first, then write the entry and its outbox event together. Thread-safe. */
public final class JournalService implements JournalUseCases {
    private final JournalEntries journals;
    private final MoodEntries moods;
    private final Transactor transactor;
    private final SyncStates syncStates;
    private final Clock clock;

    @Inject
    public JournalService(JournalEntries journals, MoodEntries moods, Transactor transactor, SyncStates syncStates,
                          Clock clock) {
        this.journals = journals;
        this.moods = moods;
        this.transactor = transactor;
        this.syncStates = syncStates;
        this.clock = clock;
    }

    @Override
    public UUID add(AddJournalCommand command) {
        Instant now = clock.instant();
        JournalEntry entry = new JournalEntry(UUID.randomUUID(), command.userId(), command.title(),
                command.content(), command.moodId(), command.date().orElse(now), Optional.empty(), false);
        transactor.inTransaction(outbox -> {
            command.moodId().ifPresent(mood -> requireMood(command.userId(), mood));
            journals.insert(entry);
            outbox.record(WellnessEvents.of(entry, Operation.CREATE, Priority.USER_ACTION, now));
        });
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
        Instant now = clock.instant();
        transactor.inTransaction(outbox -> {
            JournalEntry entry = live(command.userId(), command.id());
            entry = command.title().map(entry::withTitle).orElse(entry);
            entry = command.content().map(entry::withContent).orElse(entry);
            if (command.mood() instanceof MoodLinkChange.Link link) {
                requireMood(command.userId(), link.moodId());
                entry = entry.withMood(Optional.of(link.moodId()));
            } else if (command.mood() instanceof MoodLinkChange.Unlink) {
                entry = entry.withMood(Optional.empty());
            }
            entry = command.date().map(entry::withDate).orElse(entry);
            journals.update(entry);
            outbox.record(WellnessEvents.of(entry, Operation.UPDATE, Priority.USER_ACTION, now));
        });
    }

    @Override
    public void delete(String userId, UUID id) {
        Instant now = clock.instant();
        transactor.inTransaction(outbox -> {
            JournalEntry deleted = live(userId, id).asDeleted();
            journals.update(deleted);
            outbox.record(WellnessEvents.of(deleted, Operation.DELETE, Priority.USER_ACTION, now));
        });
    }

    @Override
    public List<JournalView> list(String userId) {
        Map<String, SyncState> unsynced = syncStates.unsynced(userId);
        return journals.listLive(userId).stream().map(e -> new JournalView(e.id(), e.title(), e.content(),
                e.moodId(), e.date(), e.backendId(), unsynced.getOrDefault(e.id().toString(), SyncState.SYNCED)))
                .toList();
    }

    /** Another user's mood entry is reported exactly like a missing one: this user cannot see it. */
    private void requireMood(String userId, UUID moodId) {
        if (moods.findLive(userId, moodId).isEmpty()) {
            throw new InvalidEntryException("--mood " + moodId + ": no mood entry with that id for user " + userId
                    + "; see mood list");
        }
    }

    private JournalEntry live(String userId, UUID id) {
        return journals.findLive(userId, id).orElseThrow(() -> new InvalidEntryException(
                "no journal entry " + id + " for user " + userId + "; see journal list"));
    }
}
