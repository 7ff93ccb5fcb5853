package com.fitiq.progress.usecase;

import com.fitiq.progress.ProgressEntry;
import io.outbox.sync.SyncedEntries;

/** Where progress entries are kept. Calls join the transaction the use case opened through its transactor. */
public interface ProgressEntries extends SyncedEntries<ProgressEntry> {
}
