package com.lume.wellness;

import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.metadata.TypedMetadata;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The outbox events of Lume. Lume's own events carry no private text: the handler sends the
 * entry's state from its row at send time, and their metadata is a {@link MoodMetadata} or
 * {@link JournalMetadata} (counts and ids only). Events written before typed metadata carry
 * {@code {"origin":"lume"}} ({@link #OWN_METADATA}, still what the store upgrade backfills). Either
 * tells them from events migrated from the legacy outbox, whose metadata is the legacy payload.
 */
public final class WellnessEvents {
    /** Mood entries; Lume's handler takes them. */
    public static final String MOOD = "mood_entry";
    /** Journal entries; Lume's handler takes them. */
    public static final String JOURNAL = "journal_entry";
    /** Legacy goals (migrated); Lume has no endpoint for them, so they wait for a handler. */
    public static final String GOAL = "goal";
    /** Legacy chat messages (migrated); no endpoint either. */
    public static final String CHAT_MESSAGE = "chat_message";
    /** The types Lume delivers. */
    public static final Set<String> HANDLED = Set.of(MOOD, JOURNAL);

    /** The key of the metadata Lume's own events had before typed metadata. */
    public static final String ORIGIN_KEY = "origin";
    /** The metadata of Lume's own events before typed metadata, and of the events the V4 upgrade backfills. */
    public static final String OWN_METADATA = "{\"" + ORIGIN_KEY + "\":\"lume\"}";

    private WellnessEvents() {
    }

    /** The event of a change that left {@code entry} as it is. */
    public static OutboxEvent of(MoodEntry entry, Operation operation, int priority, Instant at) {
        return OutboxEvent.pending(UUID.randomUUID(), MOOD, operation, entry.id().toString(), entry.userId(),
                priority, TypedMetadata.of(MoodMetadata.of(entry)), at);
    }

    /** The event of a change that left {@code entry} as it is. */
    public static OutboxEvent of(JournalEntry entry, Operation operation, int priority, Instant at) {
        return OutboxEvent.pending(UUID.randomUUID(), JOURNAL, operation, entry.id().toString(), entry.userId(),
                priority, TypedMetadata.of(JournalMetadata.of(entry)), at);
    }

    /** Whether {@code event} is one of Lume's own, by its metadata: typed, or the older {@link #OWN_METADATA}. */
    public static boolean isOwn(OutboxEvent event) {
        return TypedMetadata.read(event.metadata(), MoodMetadata.class).isPresent()
                || TypedMetadata.read(event.metadata(), JournalMetadata.class).isPresent();
    }
}
