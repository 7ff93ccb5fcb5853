package com.fitiq.progress.usecase;

import com.fitiq.progress.ProgressEntry;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where entries are kept. Calls join the transaction the use case opened through {@link Transactor}. */
public interface ProgressEntries {
    Optional<ProgressEntry> find(UUID id);

    /** Not deleted, of this user. */
    Optional<ProgressEntry> findLive(String userId, UUID id);

    void insert(ProgressEntry entry);

    void update(ProgressEntry entry);

    /** The user's entries that are not deleted, oldest first. */
    List<ProgressEntry> listLive(String userId);

    /** Stores the backend's id of an entry once its create was delivered. */
    void setBackendId(UUID id, String backendId);
}
