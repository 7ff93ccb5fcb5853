package io.outbox.cli;

import io.outbox.event.EventStatus;
import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.jpa.UnsyncedEntriesBackfill.Source;
import io.outbox.jpa.UnsyncedEntriesBackfill.StoredEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.outbox.testing.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** What {@code outbox verify} counts as a mismatch, and what {@code cleanup --orphans} may delete. */
class OutboxVerificationTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Source MOODS = new Source("mood_entry", "mood_entry", Optional.empty());
    private static final Source JOURNALS = new Source("journal_entry", "journal_entry", Optional.empty());
    private static final List<Source> SOURCES = List.of(MOODS, JOURNALS);

    private static StoredEntry entry(Source source, String id, boolean synced, boolean deleted) {
        return new StoredEntry(source, id, "alice", synced, deleted);
    }

    private static OutboxEvent event(String type, String entity, EventStatus status) {
        var builder = anEvent().withType(type).forEntity(entity).forUser("alice").createdAt(T0);
        return switch (status) {
            case PENDING -> builder.build();
            case PROCESSING -> builder.processingBy("sync", T0.plusSeconds(60)).build();
            case COMPLETED -> builder.completedAt(T0.plusSeconds(1)).build();
            case FAILED -> builder.failedForGood("400").build();
        };
    }

    private static List<OutboxVerification.Mismatch> check(List<OutboxEvent> events, List<StoredEntry> entries) {
        return OutboxVerification.check(events, entries, events, SOURCES, e -> false);
    }

    @Test
    void givenUnsyncedEntryWithAPendingProcessingOrFailedEvent_whenChecked_thenNoMismatch() {
        for (EventStatus status : List.of(EventStatus.PENDING, EventStatus.PROCESSING, EventStatus.FAILED)) {
            assertThat(check(List.of(event("mood_entry", "m1", status)), List.of(entry(MOODS, "m1", false, false))))
                    .as(status.wireName()).isEmpty();
        }
    }

    @Test
    void givenUnsyncedEntryWithOnlyACompletedEventOrOneOfAnotherType_whenChecked_thenMissingEvent() {
        List<StoredEntry> entries = List.of(entry(MOODS, "m1", false, false));

        assertThat(check(List.of(event("mood_entry", "m1", EventStatus.COMPLETED),
                event("journal_entry", "m1", EventStatus.PENDING)), entries))
                .extracting(m -> m.kind() + " " + m.entityId())
                .containsExactly("MISSING_EVENT m1", "ORPHANED_EVENT m1");
    }

    @Test
    void givenSyncedEntryOrTombstoneWithoutEvents_whenChecked_thenNoMismatch() {
        assertThat(check(List.of(), List.of(entry(MOODS, "m1", true, false), entry(JOURNALS, "j1", false, true),
                entry(JOURNALS, "j2", true, true)))).isEmpty();
    }

    @Test
    void givenEventsOfTombstonesAndOfTypesNoTableHolds_whenChecked_thenNoOrphan() {
        assertThat(check(List.of(event("journal_entry", "j1", EventStatus.PENDING),
                        anEvent().withType("journal_entry").withOperation(Operation.DELETE).forEntity("j1").build(),
                        event("goal", "g1", EventStatus.PENDING)),
                List.of(entry(JOURNALS, "j1", false, true)))).isEmpty();
    }

    @Test
    void givenEventsWithoutEntry_whenChecked_thenOrphansSave_thoseTheAppDeliversWithoutOne() {
        OutboxEvent carried = anEvent().withType("mood_entry").forEntity("m9").withMetadata("{\"valence\":1}").build();
        OutboxEvent lost = event("mood_entry", "m8", EventStatus.FAILED);

        List<OutboxEvent> events = List.of(carried, lost);
        List<OutboxVerification.Mismatch> found = OutboxVerification.check(events, List.of(), events, SOURCES,
                e -> e.metadata().isPresent());

        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(OutboxVerification.Kind.ORPHANED_EVENT);
            assertThat(m.event()).contains(lost);
            assertThat(m.problem()).contains("failed create").contains("mood_entry m8").contains("tombstone");
        });
    }

    @Test
    void givenAnAddCommittedBetweenTheReads_whenChecked_thenNeitherItsEntryNorItsEventIsAMismatch() {
        OutboxEvent old = event("mood_entry", "m1", EventStatus.PENDING);
        OutboxEvent added = event("mood_entry", "m2", EventStatus.PENDING);
        OutboxEvent addedLater = event("mood_entry", "m3", EventStatus.PENDING);

        // read: events (m1), entries (m1, m2 added meanwhile), events again (m1, m2, and m3 added since)
        assertThat(OutboxVerification.check(List.of(old), List.of(entry(MOODS, "m1", false, false),
                        entry(MOODS, "m2", false, false)), List.of(old, added, addedLater), SOURCES, e -> false))
                .isEmpty();
    }

    @Test
    void givenOrphansOfEveryStatus_whenSortedForCleanup_thenProcessingOnesAreLeft() {
        OutboxEvent pending = event("mood_entry", "a", EventStatus.PENDING);
        OutboxEvent completed = event("mood_entry", "b", EventStatus.COMPLETED);
        OutboxEvent failed = event("mood_entry", "c", EventStatus.FAILED);
        OutboxEvent processing = event("mood_entry", "d", EventStatus.PROCESSING);
        List<OutboxVerification.Mismatch> found = check(List.of(pending, completed, failed, processing),
                List.of(entry(MOODS, "e", false, false)));

        assertThat(OutboxVerification.deletableOrphans(found))
                .containsExactlyInAnyOrder(pending.id(), completed.id(), failed.id());
        assertThat(OutboxVerification.processingOrphans(found)).containsExactly(processing.id());
    }
}
