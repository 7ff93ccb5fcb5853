package com.fitiq.progress.usecase;

import io.outbox.sync.SyncState;
import io.outbox.sync.SyncedUseCases;
import io.outbox.sync.SyncedView;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a FitIQ user can do with progress entries. Every change writes the entry and its
 * outbox event in one transaction, then wakes the processor.
 */
public interface ProgressUseCases extends SyncedUseCases<ProgressUseCases.EntryView> {
    /** A user's own entry (priority 10); returns its id. */
    UUID add(AddProgressCommand command);

    void update(UpdateProgressCommand command);

    /** A background import (priority 0), all or nothing; returns how many entries it made. */
    int importCsv(String userId, Path file);

    /** An entry as listed. */
    record EntryView(UUID id, String type, double quantity, String unit, Instant date, Optional<String> backendId,
                     SyncState syncState) implements SyncedView {
    }
}
