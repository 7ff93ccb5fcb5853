package com.lume.wellness;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a journal event records of its change for people and tools reading the outbox: how many
 * words the content had and the mood entry it links, never the title's or the content's words.
 * Stored as JSON by {@link io.outbox.metadata.TypedMetadata}. Valid by construction. Immutable.
 */
public record JournalMetadata(int wordCount, Optional<UUID> linkedMoodId) {
    /** Refuses a negative count. */
    public JournalMetadata {
        Objects.requireNonNull(linkedMoodId, "linkedMoodId");
        if (wordCount < 0) {
            throw new IllegalArgumentException("wordCount must not be negative, was " + wordCount);
        }
    }

    /** The metadata of a change that left {@code entry} as it is. */
    public static JournalMetadata of(JournalEntry entry) {
        String content = entry.content().strip();
        return new JournalMetadata(content.isEmpty() ? 0 : content.split("\\s+").length, entry.moodId());
    }
}
