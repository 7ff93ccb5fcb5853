package com.fitiq.progress;

import io.outbox.sync.SyncState;
import com.fitiq.progress.service.ProgressService;
import com.fitiq.progress.usecase.AddProgressCommand;
import com.fitiq.progress.usecase.ProgressUseCases;
import com.fitiq.progress.usecase.UpdateProgressCommand;
import io.outbox.event.EventStatus;
import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.repository.EventQuery;
import io.outbox.testing.InMemoryOutboxRepository;
import io.outbox.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FitIQ's use cases on in-memory ports: what each change writes, and what it refuses. */
class ProgressServiceTest {
    private final ManualClock clock = ManualClock.at("2025-01-31T08:00:00Z");
    private final InMemoryEntries entries = new InMemoryEntries();
    private final InMemoryOutboxRepository outbox = new InMemoryOutboxRepository();
    private final ProgressService service = new ProgressService(entries,
            work -> work.accept(outbox::save), user -> Map.of(), clock);

    private UUID add(String type, String quantity) {
        return service.add(new AddProgressCommand("alice", type, quantity, Optional.empty(), Optional.empty()));
    }

    @Test
    void givenValidEntry_whenAdded_thenEntryAndUserPriorityCreateEventWritten() {
        UUID id = service.add(new AddProgressCommand("alice", "weight", "72.5", Optional.of("kg"),
                Optional.of(Instant.parse("2025-01-30T07:00:00Z"))));

        ProgressEntry entry = entries.find(id).orElseThrow();
        assertThat(entry.quantity()).isEqualTo(72.5);
        assertThat(entry.date()).isEqualTo(Instant.parse("2025-01-30T07:00:00Z"));
        OutboxEvent event = outbox.find(EventQuery.all()).get(0);
        assertThat(event.entityId()).isEqualTo(id.toString());
        assertThat(event.operation()).isEqualTo(Operation.CREATE);
        assertThat(event.priority()).isEqualTo(10);
        assertThat(event.userId()).isEqualTo("alice");
        assertThat(event.metadata()).contains("{\"type\":\"weight\",\"quantity\":72.5,\"unit\":\"kg\","
                + "\"date\":\"2025-01-30T07:00:00Z\"}");
    }

    @Test
    void givenBadValues_whenAdded_thenRejectedNamingWhatIsAcceptedAndNothingWritten() {
        assertThatThrownBy(() -> add("walk", "1")).isInstanceOf(InvalidEntryException.class)
                .hasMessage("--type 'walk' is not a progress type; use one of weight, steps, heart_rate, body_fat, height");
        assertThatThrownBy(() -> add("weight", "900")).hasMessage("--quantity: weight must be between 1 and 500 kg,"
                + " was 900");
        assertThatThrownBy(() -> add("steps", "-5")).hasMessageContaining("steps must be between 0 and 200000 count");
        assertThatThrownBy(() -> add("steps", "10.5")).hasMessageContaining("steps must be a whole number of count");
        assertThatThrownBy(() -> add("weight", "heavy")).hasMessage("--quantity 'heavy' is not a number; use a decimal"
                + " such as 72.5");
        assertThatThrownBy(() -> service.add(new AddProgressCommand("alice", "weight", "70", Optional.of("lb"),
                Optional.empty()))).hasMessage("--unit 'lb' is not the unit of weight; use kg or leave --unit out");
        assertThat(entries.size()).isZero();
        assertThat(outbox.size()).isZero();
    }

    @Test
    void givenEntry_whenUpdatedThenDeleted_thenEventsFollowInOrderAndEntryHidden() {
        UUID id = add("weight", "72");
        clock.advance(java.time.Duration.ofSeconds(1));
        service.update(new UpdateProgressCommand("alice", id, Optional.of("71.5"), Optional.empty()));
        clock.advance(java.time.Duration.ofSeconds(1));
        service.delete("alice", id);

        assertThat(outbox.findByEntity(id.toString())).extracting(OutboxEvent::operation)
                .containsExactly(Operation.CREATE, Operation.UPDATE, Operation.DELETE);
        assertThat(entries.find(id).orElseThrow().deleted()).isTrue();
        assertThat(entries.find(id).orElseThrow().quantity()).isEqualTo(71.5);
        assertThat(service.list("alice")).isEmpty();
    }

    @Test
    void givenOtherUsersEntry_whenChanged_thenUnknownIdForThisUser() {
        UUID id = add("weight", "72");

        assertThatThrownBy(() -> service.delete("bob", id)).isInstanceOf(InvalidEntryException.class)
                .hasMessage("no entry " + id + " for user bob; see progress list");
        assertThatThrownBy(() -> service.update(new UpdateProgressCommand("bob", id, Optional.of("1"),
                Optional.empty()))).hasMessageContaining("no entry " + id + " for user bob");
        assertThat(outbox.size()).isEqualTo(1);
    }

    @Test
    void givenCsv_whenImported_thenBackgroundPriorityForEveryEntry(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("in.csv");
        Files.writeString(csv, "type,quantity,unit,date\nweight,72.0,kg,2025-01-01T08:00:00Z\nsteps,1000,,\n\n");

        assertThat(service.importCsv("alice", csv)).isEqualTo(2);
        assertThat(outbox.find(EventQuery.all())).extracting(OutboxEvent::priority).containsOnly(0);
        assertThat(outbox.find(EventQuery.byStatus(EventStatus.PENDING))).hasSize(2);
    }

    @Test
    void givenCsvWithOneBadLine_whenImported_thenLineNamedAndNothingImported(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("in.csv");
        Files.writeString(csv, "type,quantity,unit,date\nweight,72.0,kg,2025-01-01T08:00:00Z\nweight,900,kg,\n");

        assertThatThrownBy(() -> service.importCsv("alice", csv)).isInstanceOf(InvalidEntryException.class)
                .hasMessage("in.csv line 3: --quantity: weight must be between 1 and 500 kg, was 900");
        Files.writeString(csv, "type,quantity\nweight,72\n");
        assertThatThrownBy(() -> service.importCsv("alice", csv)).hasMessage("in.csv line 1: the header must be"
                + " type,quantity,unit,date");
        Files.writeString(csv, "type,quantity,unit,date\nweight,72,kg,yesterday\n");
        assertThatThrownBy(() -> service.importCsv("alice", csv)).hasMessageContaining("in.csv line 2: date"
                + " 'yesterday' is not a timestamp");
        assertThat(entries.size()).isZero();
        assertThat(outbox.size()).isZero();
    }

    @Test
    void givenEntriesWithUndeliveredOrFailedEvents_whenListed_thenSyncStateSaysSo() {
        UUID synced = add("weight", "70");
        UUID pending = add("weight", "71");
        UUID failed = add("weight", "72");
        ProgressService withStates = new ProgressService(entries, work -> work.accept(outbox::save),
                user -> Map.of(pending.toString(), SyncState.PENDING, failed.toString(), SyncState.FAILED), clock);

        assertThat(withStates.list("alice")).extracting(ProgressUseCases.EntryView::id,
                ProgressUseCases.EntryView::syncState).containsExactly(
                org.assertj.core.groups.Tuple.tuple(synced, SyncState.SYNCED),
                org.assertj.core.groups.Tuple.tuple(pending, SyncState.PENDING),
                org.assertj.core.groups.Tuple.tuple(failed, SyncState.FAILED));
    }

    // Regression (hostile-input campaign): Derby's TIMESTAMP cannot keep these years; 99999 failed the
    // write with exit 3 and a stray log line, -5000 was stored and listed as the year 5001.
    @Test
    void givenDateOutsideWhatTheStoreKeeps_whenAddedUpdatedOrImported_thenRefusedNamingTheRange(@TempDir Path dir)
            throws Exception {
        for (String date : new String[] {"+99999-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "1899-12-31T23:59:59Z",
                "9999-12-31T00:00:00Z"}) {
            assertThatThrownBy(() -> service.add(new AddProgressCommand("alice", "weight", "72", Optional.empty(),
                    Optional.of(Instant.parse(date))))).isInstanceOf(InvalidEntryException.class)
                    .hasMessageEndingWith("is out of range; use a date from 1900-01-01 to 9999-12-30");
        }
        UUID id = add("weight", "72");
        assertThatThrownBy(() -> service.update(new UpdateProgressCommand("alice", id, Optional.empty(),
                Optional.of(Instant.parse("+99999-01-01T00:00:00Z"))))).hasMessage("--date +99999-01-01T00:00:00Z is"
                + " out of range; use a date from 1900-01-01 to 9999-12-30");
        Path csv = dir.resolve("in.csv");
        Files.writeString(csv, "type,quantity,unit,date\nweight,72,kg,2025-01-01T00:00:00Z\nweight,72,kg,"
                + "-5000-01-01T00:00:00Z\n");
        assertThatThrownBy(() -> service.importCsv("alice", csv)).hasMessage("in.csv line 3: --date"
                + " -5000-01-01T00:00:00Z is out of range; use a date from 1900-01-01 to 9999-12-30");
        assertThat(entries.size()).isEqualTo(1);
        assertThat(outbox.size()).isEqualTo(1);
    }

    @Test
    void givenDatesAtTheEdgesOfTheRange_whenAdded_thenKeptAsGiven() {
        for (Instant date : new Instant[] {EntryDates.EARLIEST, Instant.parse("9999-12-30T23:59:59Z")}) {
            UUID id = service.add(new AddProgressCommand("alice", "weight", "72", Optional.empty(), Optional.of(date)));
            assertThat(entries.find(id).orElseThrow().date()).isEqualTo(date);
        }
    }

    // Regression (hostile-input campaign): "-0" was kept as -0.0, listed and sent as "-0.0".
    @Test
    void givenMinusZero_whenAdded_thenStoredAsZero() {
        UUID id = add("steps", "-0");

        assertThat(Double.doubleToRawLongBits(entries.find(id).orElseThrow().quantity())).isEqualTo(0L);
    }

    // Regression (hostile-input campaign): a spreadsheet's "UTF-8 CSV" starts with a byte order mark,
    // and the import refused its header.
    @Test
    void givenCsvWithByteOrderMark_whenImported_thenHeaderRecognised(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("excel.csv");
        Files.writeString(csv, "\uFEFFtype,quantity,unit,date\r\nweight,72.5,kg,2025-01-01T08:00:00Z\r\n");

        assertThat(service.importCsv("alice", csv)).isEqualTo(1);
        assertThat(service.list("alice")).singleElement().extracting(ProgressUseCases.EntryView::quantity)
                .isEqualTo(72.5);
    }

    // Regression (hostile-input campaign): a 100 KB import path came back whole in the one-line error.
    @Test
    void givenHugeOrControlCodedImportPath_whenImported_thenMessageQuotesItShortAndPrintable() {
        String huge = "x".repeat(100_000) + ".csv";

        assertThatThrownBy(() -> service.importCsv("alice", Path.of(huge))).isInstanceOf(InvalidEntryException.class)
                .hasMessageEndingWith("xxx.csv does not exist or is not a file").message().hasSizeLessThan(160);
        assertThatThrownBy(() -> service.importCsv("alice", Path.of("in\u001b[2J.csv")))
                .hasMessage("import file in?[2J.csv does not exist or is not a file");
    }
}
