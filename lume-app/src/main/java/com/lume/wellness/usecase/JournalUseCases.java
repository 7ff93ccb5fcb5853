package com.lume.wellness.usecase;

import io.outbox.sync.SyncState;
import io.outbox.sync.SyncedUseCases;
import io.outbox.sync.SyncedView;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a Lume user can do with journal entries. Every change writes the entry and its outbox event
 * (priority 10) in one transaction. A link names a live mood entry of the same user.
 */
public interface JournalUseCases extends SyncedUseCases<JournalUseCases.JournalView> {
    /** Returns the new entry's id. */
    UUID add(AddJournalCommand command);

    void update(UpdateJournalCommand command);

    /** An entry as listed: the user's own listing, so it holds the text. */
    record JournalView(UUID id, String title, String content, Optional<UUID> moodId, Instant date,
                       Optional<String> backendId, SyncState syncState) implements SyncedView {
        @Override
        public String toString() {
            return "JournalView[" + id + ", " + syncState + "]";
        }
    }
}
