package com.lume.wellness.usecase;

import com.lume.wellness.SyncState;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a Lume user can do with mood entries. Every change writes the entry and its outbox event
 * (priority 10, the user's own action) in one transaction.
 */
public interface MoodUseCases {
    /** Returns the new entry's id. */
    UUID add(AddMoodCommand command);

    void update(UpdateMoodCommand command);

    /** Deletes the entry and unlinks the user's journal entries that pointed at it. */
    void delete(String userId, UUID id);

    /** The user's entries, oldest first, with their sync state. */
    List<MoodView> list(String userId);

    /** An entry as listed. */
    record MoodView(UUID id, double valence, List<String> labels, Optional<String> note, Instant date,
                    Optional<String> backendId, SyncState syncState) {
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
