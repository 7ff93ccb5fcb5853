package io.outbox.tools.migration.mapping;

import io.outbox.event.EventStatus;
import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.event.Priority;
import io.outbox.tools.migration.legacy.LegacyRow;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of the mapping table in docs/legacy-lume-v6.md, one test each. */
class RowMapperTest {
    private static final String ID = "3f0c1d2e-1111-4222-8333-944455566677";
    private static final String ENTITY = "9a1e0000-aaaa-4bbb-8ccc-dddddddddddd";
    private static final String OTHER = "0b0b0b0b-1111-4222-8333-444444444444";
    private static final Instant CREATED = Instant.parse("2025-01-20T08:00:00Z");
    private static final Instant LAST = Instant.parse("2025-01-20T09:00:00Z");
    private static final String PAYLOAD = "{\"id\": \"" + ENTITY + "\", \"user_id\": \"u-1\", \"valence\": 0.4}";

    private final RowMapper mapper = new RowMapper(Optional.empty(), List.of());

    @Test
    void givenIdInUpperCaseWithSpaces_whenMapped_thenTheEventIdIsThatUuid() {
        OutboxEvent event = migrated(mapper.map(row().id("  " + ID.toUpperCase() + "   ").build()));
        assertThat(event.id().toString()).isEqualTo(ID);
    }

    @Test
    void givenIdThatIsNoUuid_whenMapped_thenQuarantinedAsInvalidIdWithTheIdAsStored() {
        Mapping mapping = mapper.map(row().id("legacy-17   ").build());
        assertThat(reason(mapping)).isEqualTo(Reason.INVALID_ID);
        assertThat(mapping.legacyId()).isEqualTo("legacy-17   ");
    }

    @Test
    void givenUuidWithoutHyphens_whenMapped_thenQuarantinedAsInvalidId() {
        assertThat(reason(mapper.map(row().id(ID.replace("-", "")).build()))).isEqualTo(Reason.INVALID_ID);
    }

    @Test
    void givenIdThatAnotherRowAlsoHolds_whenMapped_thenQuarantinedAsDuplicate() {
        RowMapper sharing = new RowMapper(Optional.empty(), List.of(ID.toUpperCase()));
        assertThat(reason(sharing.map(row().build()))).isEqualTo(Reason.DUPLICATE_ID);
    }

    @Test
    void givenEachLegacyKind_whenMapped_thenItsUnifiedType() {
        assertThat(migrated(mapper.map(row().type("mood.created").build())).eventType()).isEqualTo("mood_entry");
        assertThat(migrated(mapper.map(row().type("journal.created").build())).eventType()).isEqualTo("journal_entry");
        assertThat(migrated(mapper.map(row().type("goal.created").build())).eventType()).isEqualTo("goal");
        assertThat(migrated(mapper.map(row().type("chat.message.created").build())).eventType()).isEqualTo("chat_message");
    }

    @Test
    void givenTypeInOtherCaseWithSurroundingSpaces_whenMapped_thenMatched() {
        OutboxEvent event = migrated(mapper.map(row().type("  Mood.Updated ").build()));
        assertThat(event.eventType()).isEqualTo("mood_entry");
        assertThat(event.operation()).isEqualTo(Operation.UPDATE);
    }

    @Test
    void givenTypeThatNoLongerExists_whenMapped_thenQuarantinedAsUnknownEventType() {
        assertThat(reason(mapper.map(row().type("sleep.created").build()))).isEqualTo(Reason.UNKNOWN_EVENT_TYPE);
        assertThat(reason(mapper.map(row().type("chat.created").build()))).isEqualTo(Reason.UNKNOWN_EVENT_TYPE);
    }

    @Test
    void givenEachSuffix_whenMapped_thenItsOperation() {
        assertThat(migrated(mapper.map(row().type("goal.created").build())).operation()).isEqualTo(Operation.CREATE);
        assertThat(migrated(mapper.map(row().type("goal.updated").build())).operation()).isEqualTo(Operation.UPDATE);
        assertThat(migrated(mapper.map(row().type("goal.deleted").build())).operation()).isEqualTo(Operation.DELETE);
    }

    @Test
    void givenOtherSuffix_whenMapped_thenQuarantinedAsUnknownOperation() {
        assertThat(reason(mapper.map(row().type("mood.synced").build()))).isEqualTo(Reason.UNKNOWN_OPERATION);
        assertThat(reason(mapper.map(row().type("mood.").build()))).isEqualTo(Reason.UNKNOWN_OPERATION);
    }

    @Test
    void givenCreate_whenMapped_thenNewRecord() {
        assertThat(migrated(mapper.map(row().type("mood.created").build())).newRecord()).isTrue();
        assertThat(migrated(mapper.map(row().type("mood.updated").build())).newRecord()).isFalse();
    }

    @Test
    void givenEntityIdUnderId_whenMapped_thenItIsTheEntityIdInLowerCase() {
        String payload = "{\"id\": \"" + ENTITY.toUpperCase() + "\", \"user_id\": \"u-1\"}";
        assertThat(migrated(mapper.map(row().payload(payload).build())).entityId()).isEqualTo(ENTITY);
    }

    @Test
    void givenEntityIdUnderEntryIdOrEntryIdCamel_whenMapped_thenFound() {
        assertThat(entity("{\"entry_id\": \"" + ENTITY + "\", \"user_id\": \"u\"}", "mood.created")).isEqualTo(ENTITY);
        assertThat(entity("{\"entryId\": \"" + ENTITY + "\", \"user_id\": \"u\"}", "mood.created")).isEqualTo(ENTITY);
    }

    @Test
    void givenEntityIdUnderTheKindsOwnKey_whenMapped_thenFound() {
        assertThat(entity("{\"mood_id\": \"" + ENTITY + "\", \"user_id\": \"u\"}", "mood.created")).isEqualTo(ENTITY);
        assertThat(entity("{\"journalId\": \"" + ENTITY + "\", \"user_id\": \"u\"}", "journal.created")).isEqualTo(ENTITY);
        assertThat(entity("{\"goal_id\": \"" + ENTITY + "\", \"user_id\": \"u\"}", "goal.created")).isEqualTo(ENTITY);
        assertThat(entity("{\"message_id\": \"" + ENTITY + "\", \"user_id\": \"u\"}", "chat.message.created"))
                .isEqualTo(ENTITY);
    }

    @Test
    void givenIdAndEntryIdAndKindKey_whenMapped_thenIdComesFirst() {
        String payload = "{\"mood_id\": \"" + OTHER + "\", \"entry_id\": \"" + OTHER + "\", \"id\": \"" + ENTITY
                + "\", \"user_id\": \"u\"}";
        assertThat(entity(payload, "mood.created")).isEqualTo(ENTITY);
    }

    @Test
    void givenIdThatIsNoUuid_whenMapped_thenTheNextKeyWithAUuidIsTheEntityId() {
        assertThat(entity("{\"id\": 42, \"goal_id\": \"" + ENTITY + "\", \"user_id\": \"u\"}", "goal.updated"))
                .isEqualTo(ENTITY);
    }

    @Test
    void givenJournalWithMoodIdOnly_whenMapped_thenTheMoodIdIsNeverItsIdAndTheEventIdStandsIn() {
        Mapping mapping = mapper.map(row().type("journal.created")
                .payload("{\"mood_id\": \"" + OTHER + "\", \"user_id\": \"u\"}").build());
        assertThat(migrated(mapping).entityId()).isEqualTo(ID);
        assertThat(((Mapping.Migrate) mapping).entityIdFellBack()).isTrue();
    }

    @Test
    void givenSnakeAndCamelEntityKeys_whenMapped_thenSnakeWins() {
        assertThat(entity("{\"entryId\": \"" + OTHER + "\", \"entry_id\": \"" + ENTITY + "\", \"user_id\": \"u\"}",
                "mood.created")).isEqualTo(ENTITY);
    }

    @Test
    void givenNoEntityIdInPayload_whenMapped_thenTheEventIdIsTheEntityIdAndTheRowIsListed() {
        Mapping mapping = mapper.map(row().payload("{\"user_id\": \"u\"}").build());
        assertThat(migrated(mapping).entityId()).isEqualTo(ID);
        assertThat(((Mapping.Migrate) mapping).entityIdFellBack()).isTrue();
    }

    @Test
    void givenUserIdSnakeOrCamel_whenMapped_thenItIsTheUser() {
        assertThat(user("{\"user_id\": \"alice@x.io\"}")).isEqualTo("alice@x.io");
        assertThat(user("{\"userId\": \"bob.b-1_2\"}")).isEqualTo("bob.b-1_2");
    }

    @Test
    void givenSnakeAndCamelUserIds_whenMapped_thenSnakeWins() {
        assertThat(user("{\"userId\": \"camel\", \"user_id\": \"snake\"}")).isEqualTo("snake");
    }

    @Test
    void givenSnakeUserIdThatIsNull_whenMapped_thenTheCamelOneCounts() {
        assertThat(user("{\"user_id\": null, \"userId\": \"camel\"}")).isEqualTo("camel");
    }

    @Test
    void givenUserIdThatIsNoValidUserId_whenMapped_thenQuarantinedEvenWithUserOption() {
        RowMapper withUser = new RowMapper(Optional.of("fallback"), List.of());
        assertThat(reason(withUser.map(row().payload("{\"user_id\": \"bad user!\"}").build())))
                .isEqualTo(Reason.INVALID_USER_ID);
        assertThat(reason(withUser.map(row().payload("{\"user_id\": \"" + "u".repeat(65) + "\"}").build())))
                .isEqualTo(Reason.INVALID_USER_ID);
    }

    @Test
    void givenUserIdEmptyOrNotAString_whenMappedWithUserOption_thenTheOptionsUser() {
        RowMapper withUser = new RowMapper(Optional.of("fallback"), List.of());
        for (String payload : List.of("{\"user_id\": \"\"}", "{\"user_id\": 42}", "{\"userId\": {\"a\": 1}}", "{}")) {
            assertThat(migrated(withUser.map(row().payload(payload).build())).userId()).as(payload).isEqualTo("fallback");
        }
    }

    @Test
    void givenPayloadUserAndUserOption_whenMapped_thenThePayloadWins() {
        RowMapper withUser = new RowMapper(Optional.of("fallback"), List.of());
        assertThat(migrated(withUser.map(row().payload("{\"user_id\": \"own\"}").build())).userId()).isEqualTo("own");
    }

    @Test
    void givenNoUserAnywhere_whenMapped_thenQuarantinedAsMissingUser() {
        assertThat(reason(mapper.map(row().payload("{\"user_id\": \"\"}").build()))).isEqualTo(Reason.MISSING_USER_ID);
        assertThat(reason(mapper.map(row().payload("").build()))).isEqualTo(Reason.MISSING_USER_ID);
    }

    @Test
    void givenRetryCount_whenMapped_thenItIsTheAttemptCount() {
        assertThat(migrated(mapper.map(row().retries(3).build())).attemptCount()).isEqualTo(3);
    }

    @Test
    void givenNegativeRetryCount_whenMapped_thenNoAttemptsAndFiveMax() {
        OutboxEvent event = migrated(mapper.map(row().retries(-4).build()));
        assertThat(event.attemptCount()).isZero();
        assertThat(event.maxAttempts()).isEqualTo(5);
    }

    @Test
    void givenFewRetries_whenMapped_thenFiveMaxAttempts() {
        assertThat(migrated(mapper.map(row().retries(4).build())).maxAttempts()).isEqualTo(5);
    }

    @Test
    void givenManyRetries_whenMapped_thenOneMoreAttemptThanMade() {
        assertThat(migrated(mapper.map(row().retries(9).build())).maxAttempts()).isEqualTo(10);
    }

    @Test
    void givenPendingInAnyCase_whenMapped_thenPendingAndDueAtItsCreation() {
        OutboxEvent event = migrated(mapper.map(row().status(" PENDING ").build()));
        assertThat(event.status()).isEqualTo(EventStatus.PENDING);
        assertThat(event.nextAttemptAt()).contains(CREATED);
    }

    @Test
    void givenProcessing_whenMapped_thenPendingWithoutClaim() {
        OutboxEvent event = migrated(mapper.map(row().status("Processing").build()));
        assertThat(event.status()).isEqualTo(EventStatus.PENDING);
        assertThat(event.claim()).isEmpty();
        assertThat(event.nextAttemptAt()).contains(CREATED);
    }

    @Test
    void givenFailed_whenMapped_thenFailedWithOneMoreAttemptDueAtOnce() {
        OutboxEvent event = migrated(mapper.map(row().status("FAILED").retries(5).last(LAST).error("HTTP 500").build()));
        assertThat(event.status()).isEqualTo(EventStatus.FAILED);
        assertThat(event.isFailedForGood()).isFalse();
        assertThat(event.nextAttemptAt()).contains(LAST);
        assertThat(event.maxAttempts()).isEqualTo(6);
        assertThat(event.isDue(LAST)).isTrue();
    }

    @Test
    void givenFailedNeverAttempted_whenMapped_thenDueAtItsCreation() {
        assertThat(migrated(mapper.map(row().status("failed").build())).nextAttemptAt()).contains(CREATED);
    }

    @Test
    void givenCompleted_whenMapped_thenCompletedAtItsCompletionTime() {
        Instant done = Instant.parse("2025-01-20T10:00:00Z");
        OutboxEvent event = migrated(mapper.map(row().status("completed").last(LAST).completed(done).build()));
        assertThat(event.status()).isEqualTo(EventStatus.COMPLETED);
        assertThat(event.completedAt()).contains(done);
        assertThat(event.nextAttemptAt()).isEmpty();
    }

    @Test
    void givenCompletedWithoutCompletionTime_whenMapped_thenItsLastAttemptElseItsCreation() {
        assertThat(migrated(mapper.map(row().status("completed").last(LAST).build())).completedAt()).contains(LAST);
        assertThat(migrated(mapper.map(row().status("completed").build())).completedAt()).contains(CREATED);
    }

    @Test
    void givenUnknownStatus_whenMapped_thenQuarantinedAsUnknownStatus() {
        assertThat(reason(mapper.map(row().status("archived").build()))).isEqualTo(Reason.UNKNOWN_STATUS);
    }

    @Test
    void givenJsonObjectPayload_whenMapped_thenItIsTheMetadata() {
        assertThat(migrated(mapper.map(row().build())).metadata()).contains(PAYLOAD);
    }

    @Test
    void givenPayloadWithByteOrderMark_whenMapped_thenTheObjectWithoutIt() {
        assertThat(migrated(mapper.map(row().payload("\uFEFF" + PAYLOAD).build())).metadata()).contains(PAYLOAD);
    }

    @Test
    void givenPayloadThatIsNoJsonObject_whenMapped_thenBase64OfTheBytes() {
        RowMapper withUser = new RowMapper(Optional.of("u"), List.of());
        byte[] notUtf8 = {(byte) 0xC3, 0x28};
        for (byte[] bytes : List.of("not json".getBytes(StandardCharsets.UTF_8), "[1, 2]".getBytes(StandardCharsets.UTF_8),
                notUtf8, "{\"a\": 1} trailing".getBytes(StandardCharsets.UTF_8))) {
            assertThat(migrated(withUser.map(row().payload(bytes).build())).metadata())
                    .contains("{\"legacy_payload_base64\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"}");
        }
    }

    @Test
    void givenEmptyOrBlankPayload_whenMapped_thenNoMetadata() {
        RowMapper withUser = new RowMapper(Optional.of("u"), List.of());
        assertThat(migrated(withUser.map(row().payload("").build())).metadata()).isEmpty();
        assertThat(migrated(withUser.map(row().payload(" \n\t").build())).metadata()).isEmpty();
    }

    @Test
    void givenTimestampsAndErrorMessage_whenMapped_thenKeptAsTheyAre() {
        OutboxEvent event = migrated(mapper.map(row().status("failed").last(LAST).error("boom").build()));
        assertThat(event.createdAt()).isEqualTo(CREATED);
        assertThat(event.lastAttemptAt()).contains(LAST);
        assertThat(event.errorMessage()).contains("boom");
    }

    @Test
    void givenAnyRow_whenMapped_thenBackgroundPriority() {
        assertThat(migrated(mapper.map(row().build())).priority()).isEqualTo(Priority.BACKGROUND);
    }

    @Test
    void givenRowWithoutCreationTime_whenMapped_thenQuarantined() {
        assertThat(reason(mapper.map(row().noCreation().build()))).isEqualTo(Reason.MISSING_CREATED_AT);
    }

    @Test
    void givenSeveralProblems_whenMapped_thenTheFirstIsTheReasonAndAllAreInTheDetail() {
        Mapping.Quarantine q = (Mapping.Quarantine) mapper.map(row().id("x").type("sleep.created").status("odd").build());
        assertThat(q.reason()).isEqualTo(Reason.INVALID_ID);
        assertThat(q.problems()).extracting(Problem::reason)
                .containsExactly(Reason.INVALID_ID, Reason.UNKNOWN_EVENT_TYPE, Reason.UNKNOWN_STATUS);
    }

    @Test
    void givenTheSameRow_whenMappedTwice_thenTheSameEvent() {
        LegacyRow row = row().status("failed").last(LAST).build();
        assertThat(migrated(mapper.map(row))).isEqualTo(migrated(mapper.map(row)));
    }

    private String entity(String payload, String type) {
        return migrated(mapper.map(row().type(type).payload(payload).build())).entityId();
    }

    private String user(String payload) {
        return migrated(mapper.map(row().payload(payload).build())).userId();
    }

    private static OutboxEvent migrated(Mapping mapping) {
        assertThat(mapping).isInstanceOf(Mapping.Migrate.class);
        return ((Mapping.Migrate) mapping).event();
    }

    private static Reason reason(Mapping mapping) {
        assertThat(mapping).isInstanceOf(Mapping.Quarantine.class);
        return ((Mapping.Quarantine) mapping).reason();
    }

    private static RowBuilder row() {
        return new RowBuilder();
    }

    /** Legacy rows for tests: a pending snake_case mood.created with an entity and a user, unless told otherwise. */
    private static final class RowBuilder {
        private String id = ID;
        private Optional<Instant> created = Optional.of(CREATED);
        private String type = "mood.created";
        private byte[] payload = PAYLOAD.getBytes(StandardCharsets.UTF_8);
        private String status = "pending";
        private int retries;
        private Optional<Instant> last = Optional.empty();
        private Optional<Instant> completed = Optional.empty();
        private Optional<String> error = Optional.empty();

        RowBuilder id(String value) {
            id = value;
            return this;
        }

        RowBuilder type(String value) {
            type = value;
            return this;
        }

        RowBuilder payload(String value) {
            return payload(value.getBytes(StandardCharsets.UTF_8));
        }

        RowBuilder payload(byte[] value) {
            payload = value;
            return this;
        }

        RowBuilder status(String value) {
            status = value;
            return this;
        }

        RowBuilder retries(int value) {
            retries = value;
            return this;
        }

        RowBuilder last(Instant value) {
            last = Optional.of(value);
            return this;
        }

        RowBuilder completed(Instant value) {
            completed = Optional.of(value);
            return this;
        }

        RowBuilder error(String value) {
            error = Optional.of(value);
            return this;
        }

        RowBuilder noCreation() {
            created = Optional.empty();
            return this;
        }

        LegacyRow build() {
            return new LegacyRow(id, created, type, payload, status, retries, last, completed, error);
        }
    }
}
