package io.outbox.tools.migration.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.outbox.event.EventStatus;
import io.outbox.event.OutboxEvent;
import io.outbox.event.Priority;
import io.outbox.jpa.support.PostgresSchema;
import io.outbox.jpa.support.reliability.Campaign;
import io.outbox.tools.migration.cli.Databases;
import io.outbox.tools.migration.fixture.Fixture;
import io.outbox.tools.migration.fixture.LegacyFixture;
import io.outbox.tools.migration.jdbc.DerbyDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 during migrate: each round seeds a legacy Derby store on disk with a seeded mix of
 * every row variant, runs the built jar, SIGKILLs it at a seeded moment (before the first
 * batch, inside one, or after the last), checks that the target holds whole batches only, runs
 * migrate again to completion and checks that every legacy row is accounted for exactly once,
 * with the content its row asks for, and that the report and exit code say so (docs/cli.md).
 */
class MigrateKillReliabilityIT {
    /** One seed for both stores; PostgreSQL runs one round for every ten on Derby (it costs the same, and is not the default). */
    private static final Campaign CAMPAIGN = Campaign.of("migration-tools kill -9 during migrate", 4, 60);
    private static final int POSTGRES_ROUNDS_FROM = 1000;

    @TempDir
    Path dir;

    @Test
    void givenMigrateKilledAtARandomMoment_whenRunAgain_thenEveryLegacyRowIsAccountedForOnceOnDerby() {
        Campaign campaign = CAMPAIGN;
        KillRounds rounds = new KillRounds(campaign, dir, campaign.rounds() < 3);
        for (int round = 0; round < campaign.rounds(); round++) {
            Path roundDir = dir.resolve("round-" + round);
            String source = "jdbc:derby:" + roundDir.resolve("legacy");
            boolean inPlace = KillRounds.random(campaign, round, 1).nextInt(4) != 0;
            rounds.run(round, source + ";create=true", inPlace ? source : "jdbc:derby:" + roundDir.resolve("target")
                    + ";create=true", LegacyFixture.Store.DERBY);
        }
        rounds.summary("derby").write();
        rounds.assertNothingLost();
    }

    @Test
    void givenMigrateKilledAtARandomMoment_whenRunAgain_thenEveryLegacyRowIsAccountedForOnceOnPostgresql() {
        Campaign campaign = CAMPAIGN;
        int last = POSTGRES_ROUNDS_FROM + Math.max(1, campaign.rounds() / 10);
        KillRounds rounds = new KillRounds(campaign, dir, last - POSTGRES_ROUNDS_FROM < 3);
        for (int round = POSTGRES_ROUNDS_FROM; round < last; round++) {
            try (PostgresSchema schema = PostgresSchema.create("migrate_kill")) {
                rounds.run(round, schema.url(), schema.url(), LegacyFixture.Store.POSTGRESQL);
            }
        }
        rounds.summary("postgresql").write();
        rounds.assertNothingLost();
    }

    /** Checks one finished rerun's events field by field against what each row asks for. */
    static void assertEvents(String target, Fixture fixture, Optional<String> user, String hint) {
        List<OutboxEvent> events = Databases.events(target);
        DerbyDatabases.shutDown(target);
        Map<UUID, OutboxEvent> byId = events.stream().collect(Collectors.toMap(OutboxEvent::id, Function.identity()));
        List<LegacyFixture.Expected> expected = fixture.migrated(user);
        assertThat(byId).as("distinct events; %s", hint).hasSameSizeAs(events).hasSize(expected.size());
        for (LegacyFixture.Expected row : expected) {
            OutboxEvent event = byId.get(UUID.fromString(row.eventId().orElseThrow()));
            String what = row.legacyId() + "; " + hint;
            assertThat(event).as(what).isNotNull();
            assertThat(event.eventType()).as(what).isEqualTo(row.unifiedType());
            assertThat(event.operation()).as(what).isEqualTo(row.operation());
            assertThat(event.entityId()).as(what).isEqualTo(row.entityId());
            assertThat(event.userId()).as(what).isEqualTo(row.userId().orElseGet(user::orElseThrow));
            assertThat(event.status()).as(what).isEqualTo(row.status()).isNotEqualTo(EventStatus.PROCESSING);
            assertThat(event.claim()).as(what).isEmpty();
            assertThat(event.attemptCount()).as(what).isEqualTo(row.attempts());
            assertThat(event.maxAttempts()).as(what).isEqualTo(row.maxAttempts());
            assertThat(event.nextAttemptAt()).as(what).isEqualTo(row.nextAttemptAt());
            assertThat(event.completedAt()).as(what).isEqualTo(row.completedAt());
            assertThat(event.priority()).as(what).isEqualTo(Priority.BACKGROUND);
            assertThat(event.metadata().isEmpty()).as(what).isEqualTo(row.noMetadata());
            event.metadata().ifPresent(m -> assertThat(m.contains("legacy_payload_base64")).as(what)
                    .isEqualTo(!row.metadataIsObject()));
        }
    }

    /** The report's quarantine as legacy id (stripped) to reason. */
    static Map<String, String> quarantine(JsonNode report) {
        Map<String, String> reasons = new java.util.TreeMap<>();
        report.get("quarantine").forEach(q -> reasons.put(q.get("id").asText().strip(), q.get("reason").asText()));
        return reasons;
    }
}
