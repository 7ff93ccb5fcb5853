package io.outbox.example.notes;

import io.outbox.event.EventStatus;
import io.outbox.event.OutboxEvent;
import io.outbox.jpa.DerbyCreation;
import io.outbox.jpa.support.Stores;
import io.outbox.processor.DrainResult;
import io.outbox.processor.Sleeper;
import io.outbox.repository.EventQuery;
import io.outbox.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The notes service, built from the library alone, on embedded Derby on disk and on PostgreSQL:
 * a note and its event commit together, the processor on the service's own DataSource pushes
 * every note exactly once, and closing the store leaves that DataSource to the service.
 */
class NotesServiceIT {
    private static final Sleeper REAL_TIME = d -> Thread.sleep(d.toMillis());

    private final List<AutoCloseable> cleanups = new ArrayList<>();
    private final RecordingRecipient recipient = new RecordingRecipient();

    @AfterEach
    void cleanUp() throws Exception {
        Collections.reverse(cleanups);
        for (AutoCloseable cleanup : cleanups) {
            cleanup.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenFailureAfterRecord_whenImportRollsBack_thenNeitherNotesNorEventsAreStored(Stores.Kind kind)
            throws Exception {
        NotesApp app = app(kind, ManualClock.at("2025-01-31T08:00:00Z"), REAL_TIME, Duration.ofSeconds(2));

        // the first note and its event are written before the blank second one fails the transaction
        assertThatThrownBy(() -> app.notes().saveAll("alice", List.of("first", " ")))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(count(app.dataSource(), "note")).isZero();
        assertThat(count(app.dataSource(), "outbox_event")).isZero();

        Note saved = app.notes().save("alice", "kept");
        assertThat(app.notes().find(saved.id())).isPresent();
        assertThat(app.store().repository().findByEntity(saved.id())).singleElement()
                .satisfies(e -> assertThat(e.eventType()).isEqualTo(NotesService.NOTE_EVENT));
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenRecipientFailsOnce_whenDrained_thenEveryNoteIsDeliveredExactlyOnce(Stores.Kind kind) throws Exception {
        ManualClock clock = ManualClock.at("2025-01-31T08:00:00Z");
        NotesApp app = app(kind, clock, clock.sleeper(), Duration.ofSeconds(2));
        List<String> saved = new ArrayList<>();
        for (String text : List.of("one", "two", "three")) {
            saved.add(app.notes().save("alice", text).id());
        }
        recipient.failNext(1);

        DrainResult drained = app.processor().drainUntilIdle(Duration.ofMinutes(1));

        assertThat(drained.idle()).isTrue();
        assertThat(drained.totals().delivered()).isEqualTo(3);
        assertThat(drained.totals().retried()).isEqualTo(1);
        assertThat(recipient.attempts()).isEqualTo(4);
        assertThat(recipient.deliveries()).extracting(RecordingRecipient.Delivery::noteId)
                .containsExactlyInAnyOrderElementsOf(saved);
        assertThat(recipient.deliveries()).extracting(RecordingRecipient.Delivery::eventId).doesNotHaveDuplicates();
        assertThat(app.store().repository().find(EventQuery.all())).extracting(OutboxEvent::status)
                .containsOnly(EventStatus.COMPLETED);
        assertThat(app.processor().drainUntilIdle(Duration.ofMinutes(1)).totals().claimed()).isZero();
        assertThat(recipient.deliveries()).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenRunningProcessorThatPollsHourly_whenNotesSaved_thenTheInsertTriggerWakesItToDeliver(Stores.Kind kind)
            throws Exception {
        NotesApp app = app(kind, Clock.systemUTC(), REAL_TIME, Duration.ofHours(1));
        AtomicInteger wakeUps = new AtomicInteger();
        app.start();
        app.store().onEventsCommitted(wakeUps::incrementAndGet);
        await("the store's wake-up connected", () -> app.store().listeningForOtherProcesses());

        // no trigger by the service: the outbox's insert trigger wakes the store on the rows OutboxWriter wrote
        app.notes().save("alice", "one");
        app.notes().save("bob", "two");

        await("both notes delivered", () -> recipient.deliveries().size() == 2);
        assertThat(wakeUps).as("woken by the writes of OutboxWriter").hasPositiveValue();
        app.processor().stop(Duration.ofSeconds(10));
        assertThat(recipient.deliveries()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Stores.Kind.class)
    void givenStoreClosed_whenServiceWritesAgain_thenItsDataSourceStillServes(Stores.Kind kind) throws Exception {
        NotesApp app = app(kind, Clock.systemUTC(), REAL_TIME, Duration.ofSeconds(2));
        app.notes().save("alice", "before");

        app.store().close();

        Note after = app.notes().save("alice", "after");
        assertThat(app.notes().find(after.id())).isPresent();
        assertThat(count(app.dataSource(), "note")).isEqualTo(2);
        assertThat(count(app.dataSource(), "outbox_event")).isEqualTo(2);
    }

    /** A notes app on a fresh database; the test, as the database's owner, drops it (or shuts Derby down) after. */
    private NotesApp app(Stores.Kind kind, Clock clock, Sleeper sleeper, Duration pollInterval) {
        List<AutoCloseable> databases = new ArrayList<>();
        String url = Stores.freshUrl(kind, databases);
        cleanups.add(() -> {
            if (kind == Stores.Kind.DERBY) {
                DerbyCreation.shutDown(url.substring(0, url.indexOf(';')), null, null);
            }
            for (AutoCloseable database : databases) {
                database.close();
            }
        });
        NotesApp app = new NotesApp(url, recipient, clock, sleeper, pollInterval);
        cleanups.add(app);
        return app;
    }

    private static int count(DataSource dataSource, String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
