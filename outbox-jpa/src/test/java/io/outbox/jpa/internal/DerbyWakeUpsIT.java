package io.outbox.jpa.internal;

import io.outbox.jpa.support.Stores;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.outbox.testing.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Derby's wake-up without NOTIFY (migration V3): the insert trigger counts writes in the JVM
 * that has the store booted, and a waiter on its own connection returns as soon as one lands.
 * Across processes the same path runs through the owner's server (SharedStoreContract).
 */
class DerbyWakeUpsIT {
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void givenAWaiterOnTheStore_whenEventsAreWritten_thenItIsWokenWithoutPolling() throws Exception {
        try (Stores.Opened opened = Stores.open(Stores.Kind.DERBY)) {
            CountDownLatch woken = new CountDownLatch(1);
            try (DerbyWakeUps wakeUps = new DerbyWakeUps(opened.store().dataSource(), woken::countDown)) {
                org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> {
                    while (!wakeUps.listening()) {
                        Thread.onSpinWait(); // the waiter's first round trip
                    }
                });

                opened.store().unitOfWork().write(work -> work.record(anEvent().createdAt(T).build()));

                assertThat(woken.await(30, TimeUnit.SECONDS)).as("woken by the write").isTrue();
            }
        }
    }

    @Test
    void givenNoWrite_whenTheWaitEnds_thenTheCountIsUnchanged_andAWriteMovesIt() throws Exception {
        try (Stores.Opened opened = Stores.open(Stores.Kind.DERBY);
             Connection c = opened.store().dataSource().getConnection();
             PreparedStatement await = c.prepareStatement("VALUES outbox_await_write(?, ?)")) {
            long before = value(await, Long.MIN_VALUE, 0);

            assertThat(value(await, before, 50)).isEqualTo(before);
            opened.store().unitOfWork().write(work -> work.record(anEvent().createdAt(T).build()));
            assertThat(value(await, before, 30_000)).isNotEqualTo(before);
        }
    }

    private static long value(PreparedStatement await, long seen, int millis) throws Exception {
        await.setLong(1, seen);
        await.setInt(2, millis);
        try (ResultSet rows = await.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
