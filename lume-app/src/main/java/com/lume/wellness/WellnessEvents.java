package com.lume.wellness;

import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The outbox events of Lume. Lume's own events carry no entry data at all, private or not: the
 * handler sends the entry's state from its row at send time. Their metadata only says they are
 * Lume's own ({@code {"origin":"lume"}}), which tells them from events migrated from the legacy
 * outbox, whose metadata is the legacy payload.
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

    public static final String ORIGIN_KEY = "origin";
    public static final String OWN_METADATA = "{\"" + ORIGIN_KEY + "\":\"lume\"}";

    private WellnessEvents() {
    }

    public static OutboxEvent of(MoodEntry entry, Operation operation, int priority, Instant at) {
        return OutboxEvent.pending(UUID.randomUUID(), MOOD, operation, entry.id().toString(), entry.userId(),
                priority, Optional.of(OWN_METADATA), at);
    }

    public static OutboxEvent of(JournalEntry entry, Operation operation, int priority, Instant at) {
        return OutboxEvent.pending(UUID.randomUUID(), JOURNAL, operation, entry.id().toString(), entry.userId(),
                priority, Optional.of(OWN_METADATA), at);
    }
}
