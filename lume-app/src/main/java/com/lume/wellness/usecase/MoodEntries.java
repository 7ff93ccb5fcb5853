package com.lume.wellness.usecase;

import com.lume.wellness.MoodEntry;
import io.outbox.sync.SyncedEntries;

import java.util.UUID;

/** Where mood entries are kept. Calls join the transaction the use case opened through its transactor. */
public interface MoodEntries extends SyncedEntries<MoodEntry> {
    /** Erases the note of a tombstone whose delete has reached the backend: nothing private stays behind. */
    void forgetPrivateText(UUID id);
}
