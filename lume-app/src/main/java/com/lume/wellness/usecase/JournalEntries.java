package com.lume.wellness.usecase;

import com.lume.wellness.JournalEntry;
import io.outbox.sync.SyncedEntries;

import java.util.List;
import java.util.UUID;

/** Where journal entries are kept. Calls join the transaction the use case opened through its transactor. */
public interface JournalEntries extends SyncedEntries<JournalEntry> {
    /** The user's entries, tombstones included, that link the mood entry. */
    List<JournalEntry> linkedTo(String userId, UUID moodId);

    /** Erases title and content of a tombstone whose delete has reached the backend. */
    void forgetPrivateText(UUID id);
}
