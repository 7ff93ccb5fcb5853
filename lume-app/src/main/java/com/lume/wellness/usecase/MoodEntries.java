package com.lume.wellness.usecase;

import com.lume.wellness.MoodEntry;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where mood entries are kept. Calls join the transaction the use case opened through {@link Transactor}. */
public interface MoodEntries {
    /** Any entry, tombstones included, of any user: for the handler, which checks the user itself. */
    Optional<MoodEntry> find(UUID id);

    /** Not deleted, of this user. */
    Optional<MoodEntry> findLive(String userId, UUID id);

    void insert(MoodEntry entry);

    void update(MoodEntry entry);

    /** The user's entries that are not deleted, oldest first. */
    List<MoodEntry> listLive(String userId);

    /** Stores the backend's id of an entry once its create was delivered. */
    void setBackendId(UUID id, String backendId);

    /** Erases the note of a tombstone whose delete has reached the backend: nothing private stays behind. */
    void forgetPrivateText(UUID id);
}
