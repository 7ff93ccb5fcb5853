package com.lume.wellness.usecase;

import com.lume.wellness.JournalEntry;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where journal entries are kept. Calls join the transaction the use case opened through {@link Transactor}. */
public interface JournalEntries {
    /** Any entry, tombstones included, of any user: for the handler, which checks the user itself. */
    Optional<JournalEntry> find(UUID id);

    /** Not deleted, of this user. */
    Optional<JournalEntry> findLive(String userId, UUID id);

    void insert(JournalEntry entry);

    void update(JournalEntry entry);

    /** The user's entries that are not deleted, oldest first. */
    List<JournalEntry> listLive(String userId);

    /** The user's entries, tombstones included, that link the mood entry. */
    List<JournalEntry> linkedTo(String userId, UUID moodId);

    /** Stores the backend's id of an entry once its create was delivered. */
    void setBackendId(UUID id, String backendId);

    /** Erases title and content of a tombstone whose delete has reached the backend. */
    void forgetPrivateText(UUID id);
}
