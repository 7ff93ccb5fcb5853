package com.lume.it;

import com.lume.cli.Main;
import com.lume.support.LumeJar;
import com.lume.wellness.WellnessEvents;
import io.outbox.cli.support.RepairToolsContract;
import io.outbox.event.OutboxEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.outbox.testing.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lume's debug and repair tools on a real store, over moods and journals alike; and an event
 * migrated from the legacy outbox, which carries its entry, is no orphan without a row.
 */
class LumeRepairToolsIT extends RepairToolsContract {
    LumeRepairToolsIT() {
        super(Main.LAUNCH, "LUME", LumeJar.JAR);
    }

    /** Even adds make mood entries, odd ones journal entries. */
    @Override
    protected String[] add(int i) {
        return i % 2 == 0 ? new String[]{"mood", "add", "--valence", "0." + (i % 10)}
                : new String[]{"journal", "add", "--title", "day " + i, "--content", "a page " + i};
    }

    @Override
    protected String[] delete(String id) {
        return new String[]{"journal", "delete", id};
    }

    @Test
    void givenMigratedEventsWithoutRows_whenVerifiedAndCleanedUp_thenOnlyTheOneThatCannotBeSentIsAnOrphan() {
        Instant at = Instant.parse("2026-02-01T08:00:00Z");
        OutboxEvent carried = anEvent().withType(WellnessEvents.MOOD).forUser("alice")
                .forEntity(UUID.randomUUID().toString()).withMetadata("{\"valence\":0.5,\"labels\":[\"calm\"]}")
                .createdAt(at).build();
        OutboxEvent unreadable = anEvent().withType(WellnessEvents.JOURNAL).forUser("alice")
                .forEntity(UUID.randomUUID().toString()).withMetadata("{\"legacy_payload_base64\":\"AAEC\"}")
                .createdAt(at).build();
        record(carried, unreadable);

        assertThat(mismatches(run("alice", "outbox", "verify", "--json").out()))
                .extracting(m -> m.get("kind") + " " + m.get("event_id"))
                .containsExactly("orphaned_event " + unreadable.id());
        assertThat(object(run("alice", "outbox", "cleanup", "--orphans", "--json").out())).containsEntry("deleted", 1);

        assertThat(events("alice")).extracting(e -> e.get("id")).containsExactly(carried.id().toString());
        assertThat(run("alice", "outbox", "verify").exitCode()).isZero();
    }
}
