package com.lume.support;

import com.lume.wellness.JournalEntry;
import com.lume.wellness.MoodEntry;
import com.lume.wellness.WellnessEvents;
import io.outbox.event.Operation;
import io.outbox.testing.OutboxEventBuilder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Test data for Lume: entries and their events, built the way the app builds them. */
public final class Fixtures {
    public static final Instant T = Instant.parse("2025-01-31T08:00:00Z");

    private Fixtures() {
    }

    public static MoodEntry mood(String user, double valence, String note) {
        return new MoodEntry(UUID.randomUUID(), user, valence, List.of("calm"), Optional.ofNullable(note), T,
                Optional.empty(), false);
    }

    public static JournalEntry journal(String user, String title, String content, Optional<UUID> mood) {
        return new JournalEntry(UUID.randomUUID(), user, title, content, mood, T.plusSeconds(60), Optional.empty(),
                false);
    }

    /** An event of Lume's own for the entity: pending, due at T. */
    public static OutboxEventBuilder ownEvent(String type, Operation operation, UUID entity, String user) {
        return OutboxEventBuilder.anEvent().withType(type).withOperation(operation).forEntity(entity.toString())
                .forUser(user).withMetadata(WellnessEvents.OWN_METADATA).createdAt(T);
    }

    /** A migrated event: its metadata is the legacy payload, background priority. */
    public static OutboxEventBuilder migratedEvent(String type, Operation operation, String entity, String payload) {
        return OutboxEventBuilder.anEvent().withType(type).withOperation(operation).forEntity(entity)
                .forUser("alice").withMetadata(payload).withPriority(0).createdAt("2025-01-20T09:30:00Z");
    }
}
