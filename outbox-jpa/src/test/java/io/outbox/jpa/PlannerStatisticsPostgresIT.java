package io.outbox.jpa;

import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.event.Priority;
import io.outbox.jpa.support.PostgresSchema;
import io.outbox.repository.ClaimOrder;
import io.outbox.repository.ClaimRequest;
import io.outbox.repository.Scope;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backlog written before PostgreSQL ever analyzed the outbox (a fresh store, a bulk import)
 * must not leave the claim planned for an empty table. Found by the four-JVM load campaign
 * (FourProcessorLoadReliabilityIT, any seed): 100,000 fresh events drained at 358 events/s,
 * each claim sorting every due row (1.8 s a claim) until autovacuum analyzed the table.
 */
class PlannerStatisticsPostgresIT {
    private static final String TYPE = "test.entity";
    private static final int EVENTS = 50_000;

    @Test
    void givenBacklogWrittenBeforeAnyAnalyze_whenClaiming_thenStatisticsRefreshedAndClaimsFast() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create("outbox_stats");
             OutboxStore store = OutboxStore.open(StoreConfig.url(schema.url()))) {
            // only the store itself may analyze: autovacuum must not hide a missing refresh
            execute(store, "ALTER TABLE outbox_event SET (autovacuum_enabled = false)");
            write(store, EVENTS);
            assertThat(plannedRows(store)).as("rows the planner knows of before any claim").isLessThan(EVENTS / 10);

            Instant now = Instant.now();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            // the server publishes the writers' change counts within seconds; each claim may look once
            // its check interval has passed on the request's clock
            while (plannedRows(store) < EVENTS * 0.9 && System.nanoTime() < deadline) {
                now = now.plusSeconds(3);
                claim(store, now);
                Thread.sleep(100); // polling the server's statistics, bounded by the deadline
            }
            assertThat(plannedRows(store)).as("rows the planner knows of after claiming").isGreaterThan(EVENTS * 0.9);

            long start = System.nanoTime();
            List<OutboxEvent> claimed = claim(store, now.plusSeconds(1));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(claimed).hasSize(100);
            assertThat(took).as("a claim of 100 among %,d due events", EVENTS).isLessThan(Duration.ofMillis(500));
        }
    }

    private static List<OutboxEvent> claim(OutboxStore store, Instant now) {
        return store.repository().claim(new ClaimRequest("stats-test", 100, now, now.plus(Duration.ofMinutes(5)),
                Scope.everything().withEventTypes(Set.of(TYPE)), ClaimOrder.PRIORITY_FIRST));
    }

    private static void write(OutboxStore store, int total) {
        Instant start = Instant.now().minusSeconds(3600);
        for (int from = 0; from < total; from += 2_000) {
            List<OutboxEvent> events = new ArrayList<>();
            for (int i = from; i < Math.min(total, from + 2_000); i++) {
                events.add(OutboxEvent.pending(UUID.randomUUID(), TYPE, Operation.CREATE, UUID.randomUUID().toString(),
                        "user-" + (i % 7), Priority.USER_ACTION, Optional.empty(), start.plusMillis(i)));
            }
            store.unitOfWork().write(work -> events.forEach(work::record));
        }
    }

    private static double plannedRows(OutboxStore store) throws SQLException {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT reltuples FROM pg_class WHERE oid = 'outbox_event'::regclass")) {
            rows.next();
            return rows.getDouble(1);
        }
    }

    private static void execute(OutboxStore store, String sql) throws SQLException {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
