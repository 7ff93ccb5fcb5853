package io.outbox.jpa;

import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.event.Priority;
import io.outbox.handler.HandlerResult;
import io.outbox.handler.OutboxHandler;
import io.outbox.jpa.support.PostgresSchema;
import io.outbox.processor.OutboxProcessor;
import io.outbox.processor.ProcessorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event committed through one store, or by plain SQL or {@link OutboxWriter} in another
 * transaction, reaches an idle processor on another store at once: LISTEN/NOTIFY, not polling
 * (the processor polls once an hour); and without a subscription, polling still delivers.
 */
class WakeUpPostgresIT {
    private static final String TYPE = "test.entity";

    @Test
    void givenIdleProcessorOnAnotherStore_whenEventCommitted_thenDeliveredWithoutWaitingForPoll() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create("outbox_wake");
             OutboxStore reader = OutboxStore.open(StoreConfig.url(schema.url()));
             OutboxStore writer = OutboxStore.open(StoreConfig.url(schema.url()))) {
            CountDownLatch delivered = new CountDownLatch(1);
            try (OutboxProcessor processor = processor(reader, Duration.ofHours(1), delivered)) {
                reader.onEventsCommitted(processor::trigger);
                processor.start();
                processor.processOnce(); // the loop's first look is done; from now on only a wake-up helps
                awaitListening(reader);

                writer.unitOfWork().write(work -> work.record(event()));

                assertThat(delivered.await(10, TimeUnit.SECONDS)).as("woken by the other store's commit").isTrue();
            }
        }
    }

    /** Writers that are no store of this JVM: only the insert trigger can tell the store of their rows. */
    enum OtherWriter {
        /** A migration or an old writer: no library code, no pg_notify of its own. */
        PLAIN_SQL {
            @Override
            void insert(Connection c) throws SQLException {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox_event (id, event_type,"
                        + " operation, entity_id, user_id, status, priority, created_at, next_attempt_at)"
                        + " VALUES (?, ?, 'create', 'e-1', 'alice', 'pending', 10, now(), now())")) {
                    s.setObject(1, UUID.randomUUID());
                    s.setString(2, TYPE);
                    s.executeUpdate();
                }
            }
        },
        /** A service that records events in its own transaction. */
        OUTBOX_WRITER {
            @Override
            void insert(Connection c) {
                OutboxWriter.record(c, event());
            }
        };

        abstract void insert(Connection c) throws SQLException;
    }

    @ParameterizedTest
    @EnumSource(OtherWriter.class)
    void givenIdleProcessor_whenAnotherWriterCommitsEvents_thenWokenByTheStoreItself(OtherWriter writer)
            throws Exception {
        try (PostgresSchema schema = PostgresSchema.create("outbox_wake_sql");
             OutboxStore reader = OutboxStore.open(StoreConfig.url(schema.url()))) {
            CountDownLatch delivered = new CountDownLatch(1);
            CountDownLatch woken = new CountDownLatch(1);
            try (OutboxProcessor processor = processor(reader, Duration.ofHours(1), delivered)) {
                reader.onEventsCommitted(() -> {
                    woken.countDown();
                    processor.trigger();
                });
                processor.start();
                processor.processOnce();
                awaitListening(reader);

                try (Connection c = DriverManager.getConnection(schema.url())) {
                    c.setAutoCommit(false);
                    writer.insert(c);
                    c.commit();
                }

                assertThat(woken.await(10, TimeUnit.SECONDS)).as("woken by the insert trigger").isTrue();
                assertThat(delivered.await(10, TimeUnit.SECONDS)).as("delivered without waiting for a poll").isTrue();
            }
        }
    }

    @Test
    void givenNoSubscription_whenEventCommittedElsewhere_thenPollingDeliversIt() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create("outbox_poll");
             OutboxStore reader = OutboxStore.open(StoreConfig.url(schema.url()));
             OutboxStore writer = OutboxStore.open(StoreConfig.url(schema.url()))) {
            CountDownLatch delivered = new CountDownLatch(1);
            try (OutboxProcessor processor = processor(reader, Duration.ofMillis(200), delivered)) {
                processor.start();
                writer.unitOfWork().write(work -> work.record(event()));

                assertThat(delivered.await(10, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    private static OutboxEvent event() {
        return OutboxEvent.pending(UUID.randomUUID(), TYPE, Operation.CREATE, UUID.randomUUID().toString(), "alice",
                Priority.USER_ACTION, Optional.empty(), Instant.now());
    }

    private static OutboxProcessor processor(OutboxStore store, Duration poll, CountDownLatch delivered) {
        OutboxHandler handler = OutboxHandler.of(TYPE, event -> {
            delivered.countDown();
            return HandlerResult.done();
        });
        return OutboxProcessor.builder(store.repository()).handler(handler)
                .config(ProcessorConfig.builder().pollInterval(poll).build()).build();
    }

    private static void awaitListening(OutboxStore store) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!store.listeningForOtherProcesses()) {
            assertThat(System.nanoTime()).as("LISTEN connection up within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
