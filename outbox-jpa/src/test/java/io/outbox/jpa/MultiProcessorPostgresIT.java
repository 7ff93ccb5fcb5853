package io.outbox.jpa;

import io.outbox.StoreUnavailableException;
import io.outbox.event.EventStatus;
import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.event.Priority;
import io.outbox.handler.HandlerResult;
import io.outbox.handler.OutboxHandler;
import io.outbox.jpa.support.PostgresSchema;
import io.outbox.listener.OutboxListener;
import io.outbox.processor.OutboxProcessor;
import io.outbox.processor.ProcessorConfig;
import io.outbox.repository.EventQuery;
import io.outbox.repository.OutboxRepository;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several processors, each with its own persistence unit, share one PostgreSQL outbox: every
 * event is handled exactly once, and the claims of a processor that died mid-batch come back
 * to the others when its lease runs out.
 */
class MultiProcessorPostgresIT {
    private static final String TYPE = "test.entity";
    private static final int EVENTS = 20_000;

    @Test
    void givenFourProcessorsAndOneDeadOne_whenDraining_thenEveryEventHandledExactlyOnce() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create("outbox_multi")) {
            List<OutboxStore> stores = new ArrayList<>();
            List<OutboxProcessor> processors = new ArrayList<>();
            try {
                OutboxStore writer = open(schema, stores);
                write(writer, EVENTS);
                Map<UUID, AtomicInteger> handled = new ConcurrentHashMap<>();
                CountDownLatch deadClaimed = new CountDownLatch(1);
                Set<UUID> deadClaims = ConcurrentHashMap.newKeySet();
                CountDownLatch never = new CountDownLatch(1);
                // its threads are stuck for good, lease renewal included: a process frozen mid-batch
                OutboxProcessor dead = processor(frozenRenewals(open(schema, stores).repository()), "dead",
                        Duration.ofSeconds(2), e -> {
                    deadClaimed.countDown();
                    awaitQuietly(never);
                    return HandlerResult.done();
                }, new OutboxListener() {
                    @Override
                    public void claimed(List<OutboxEvent> events) {
                        events.forEach(e -> deadClaims.add(e.id()));
                    }
                });
                processors.add(dead);
                dead.start();
                assertThat(deadClaimed.await(60, TimeUnit.SECONDS)).isTrue();

                for (int i = 0; i < 4; i++) {
                    // a long lease: a live processor slowed by a busy machine must not lose its claims
                    OutboxProcessor live = processor(open(schema, stores).repository(), "live-" + i, Duration.ofMinutes(5), e -> {
                        handled.computeIfAbsent(e.id(), id -> new AtomicInteger()).incrementAndGet();
                        return HandlerResult.done();
                    }, OutboxListener.NONE);
                    processors.add(live);
                    live.start();
                }
                awaitCompleted(writer, EVENTS, Duration.ofMinutes(3));

                assertThat(deadClaims).isNotEmpty();
                assertThat(handled).hasSize(EVENTS);
                assertThat(handled.values()).allSatisfy(count -> assertThat(count).hasValue(1));
                assertThat(deadClaims).allSatisfy(id -> assertThat(handled).containsKey(id));
                dead.stop(Duration.ofMillis(100)); // its late release must not undo the others' work
                assertThat(count(writer, EventStatus.COMPLETED)).isEqualTo(EVENTS);
                assertThat(count(writer, EventStatus.PROCESSING) + count(writer, EventStatus.PENDING)).isZero();
            } finally {
                processors.forEach(p -> p.stop(Duration.ofMillis(100)));
                stores.forEach(OutboxStore::close);
            }
        }
    }

    private static OutboxStore open(PostgresSchema schema, List<OutboxStore> stores) {
        OutboxStore store = OutboxStore.open(StoreConfig.url(schema.url()).withPoolSize(4));
        stores.add(store);
        return store;
    }

    /** The repository, except that lease renewals never reach it, as from a process that froze. */
    private static OutboxRepository frozenRenewals(OutboxRepository real) {
        return (OutboxRepository) Proxy.newProxyInstance(OutboxRepository.class.getClassLoader(),
                new Class<?>[]{OutboxRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("renewClaims")) {
                        throw new StoreUnavailableException("frozen", null);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static OutboxProcessor processor(OutboxRepository repository, String owner, Duration lease,
                                             Function<OutboxEvent, HandlerResult> body, OutboxListener listener) {
        OutboxHandler handler = OutboxHandler.of(TYPE, event -> body.apply(event));
        return OutboxProcessor.builder(repository).handler(handler).owner(owner).listener(listener)
                .config(ProcessorConfig.builder().batchSize(100).concurrency(4).pollInterval(Duration.ofMillis(100))
                        .lease(lease).leaseCheckInterval(Duration.ofMillis(250)).build())
                .build();
    }

    private static void write(OutboxStore store, int total) {
        Instant start = Instant.now().minusSeconds(60);
        for (int from = 0; from < total; from += 1000) {
            int batchStart = from;
            store.unitOfWork().write(work -> {
                for (int i = batchStart; i < Math.min(total, batchStart + 1000); i++) {
                    work.record(OutboxEvent.pending(UUID.randomUUID(), TYPE, Operation.CREATE,
                            UUID.randomUUID().toString(), "user-" + (i % 7), i % 3 == 0 ? Priority.BACKGROUND
                                    : Priority.USER_ACTION, Optional.empty(), start.plusMillis(i)));
                }
            });
        }
    }

    private static long count(OutboxStore store, EventStatus status) {
        return store.repository().find(new EventQuery(Optional.empty(), Optional.of(status), EventQuery.UNLIMITED))
                .size();
    }

    private static void awaitCompleted(OutboxStore store, int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (store.repository().snapshot(Optional.empty(), Instant.EPOCH).completed() < expected) {
            assertThat(System.nanoTime()).as("all events completed within " + timeout).isLessThan(deadline);
            try {
                Thread.sleep(100); // polling a real store with a deadline; the assertion bounds the wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
