package com.lume.wellness.usecase;

import io.outbox.sync.SyncState;
import io.outbox.sync.SyncedUseCases;
import io.outbox.sync.SyncedView;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a Lume user can do with mood entries. Every change writes the entry and its outbox event
 * (priority 10, the user's own action) in one transaction.
 */
public interface MoodUseCases extends SyncedUseCases<MoodUseCases.MoodView> {
    /** Returns the new entry's id. */
    UUID add(AddMoodCommand command);

    void update(UpdateMoodCommand command);

    /** An entry as listed. */
    record MoodView(UUID id, double valence, List<String> labels, Optional<String> note, Instant date,
                    Optional<String> backendId, SyncState syncState) implements SyncedView {
        public MoodView {
            labels = List.copyOf(labels);
        }

        /** Without the note. */
        @Override
        public String toString() {
            return "MoodView[" + id + ", " + syncState + "]";
        }
    }
}
