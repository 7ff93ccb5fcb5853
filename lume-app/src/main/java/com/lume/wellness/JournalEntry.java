package com.lume.wellness;

import io.outbox.sync.SyncedEntry;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A journal page: a title, its private content, and optionally the mood entry (of the same user)
 * it belongs to. Valid by construction. A deleted entry is a tombstone kept until its delete has
 * reached the backend; its text may then have been erased. Immutable.
 */
public record JournalEntry(UUID id, String userId, String title, String content, Optional<UUID> moodId,
                           Instant date, Optional<String> backendId, boolean deleted)
        implements SyncedEntry<JournalEntry> {
    public static final int MAX_TITLE = 200;
    public static final int MAX_CONTENT = 100_000;

    public JournalEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(moodId, "moodId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(backendId, "backendId");
        if (!deleted) {
            Texts.requireLine("--title", title, MAX_TITLE);
            Texts.requireParagraphs("--content", content, MAX_CONTENT);
        }
    }

    public JournalEntry withTitle(String value) {
        return new JournalEntry(id, userId, value, content, moodId, date, backendId, deleted);
    }

    public JournalEntry withContent(String value) {
        return new JournalEntry(id, userId, title, value, moodId, date, backendId, deleted);
    }

    public JournalEntry withMood(Optional<UUID> value) {
        return new JournalEntry(id, userId, title, content, value, date, backendId, deleted);
    }

    public JournalEntry withDate(Instant value) {
        return new JournalEntry(id, userId, title, content, moodId, value, backendId, deleted);
    }

    @Override
    public JournalEntry asDeleted() {
        return new JournalEntry(id, userId, title, content, moodId, date, backendId, true);
    }

    /** The entry without its private text. */
    @Override
    public String toString() {
        return "JournalEntry[" + id + ", user " + userId + ", mood " + moodId.map(UUID::toString).orElse("none")
                + ", " + date + (deleted ? ", deleted" : "") + "]";
    }
}
