package io.outbox.jpa;

import io.outbox.event.EventStatus;
import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerResult;
import io.outbox.handler.OutboxHandler;
import io.outbox.jpa.support.Stores;
import io.outbox.listener.OutboxListener;
import io.outbox.processor.BatchResult;
import io.outbox.processor.OutboxProcessor;
import io.outbox.processor.ProcessorConfig;
import io.outbox.repository.OutboxRepository;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static io.outbox.testing.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lease renewal on a real Derby store on disk: a handler that runs three times its lease keeps
 * its claim, while a second processor on the same store keeps looking for expired claims, and
 * the event is delivered once.
 */
class LeaseRenewalIT {
    private static final String TYPE = "test.entity";
    private static final long WAIT_SECONDS = 60;
    /** Short, so the test takes seconds; renewal at half of it leaves half a second of slack on a busy machine. */
    private static final Duration LEASE = Duration.ofSeconds(1);

    @Test
    void givenHandlerRunningThreeTimesItsLease_whenAnotherProcessorChecksLeases_thenDeliveredOnceWithItsLeaseRenewed()
            throws Exception {
        try (Stores.Opened opened = Stores.open(Stores.Kind.DERBY)) {
            OutboxStore store = opened.store();
            OutboxEvent event = anEvent().createdAt(Instant.now()).build();
            store.unitOfWork().write(work -> work.record(event));
            AtomicInteger handledByA = new AtomicInteger();
            AtomicInteger handledByB = new AtomicInteger();
            Set<UUID> claimedByB = ConcurrentHashMap.newKeySet();
            AtomicInteger leaseChecksByB = new AtomicInteger();
            CountDownLatch aInFlight = new CountDownLatch(1);
            CountDownLatch aMayFinish = new CountDownLatch(1);
            OutboxProcessor a = processor(store.repository(), "worker-a", e -> {
                handledByA.incrementAndGet();
                aInFlight.countDown();
                awaitQuietly(aMayFinish);
                return HandlerResult.done();
            }, OutboxListener.NONE);
            OutboxProcessor b = processor(countingLeaseChecks(store.repository(), leaseChecksByB), "worker-b", e -> {
                handledByB.incrementAndGet();
                return HandlerResult.done();
            }, new OutboxListener() {
                @Override
                public void claimed(List<OutboxEvent> events) {
                    events.forEach(e -> claimedByB.add(e.id()));
                }
            });
            ExecutorService thread = Executors.newSingleThreadExecutor();
            try (a; b) {
                CompletableFuture<BatchResult> batch = CompletableFuture.supplyAsync(a::processOnce, thread);
                assertThat(aInFlight.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
                OutboxEvent claimed = store.repository().findById(event.id()).orElseThrow();
                Instant claimedAt = claimed.lastAttemptAt().orElseThrow();
                int checksBefore = leaseChecksByB.get();
                b.start(); // its loop runs processOnce, and with it releaseExpiredClaims, every 50 ms

                LeaseWatch watch = new LeaseWatch(store.repository(), event.id(), claimed);
                watch.awaitUntil(w -> w.moves() >= 2 && !Instant.now().isBefore(claimedAt.plus(LEASE.multipliedBy(3)))
                        && leaseChecksByB.get() - checksBefore >= 10);
                aMayFinish.countDown();
                BatchResult result = batch.get(WAIT_SECONDS, TimeUnit.SECONDS);
                b.stop(Duration.ofSeconds(WAIT_SECONDS));

                OutboxEvent done = store.repository().findById(event.id()).orElseThrow();
                assertThat(result.delivered()).isEqualTo(1);
                assertThat(done.status()).isEqualTo(EventStatus.COMPLETED);
                assertThat(done.attemptCount()).isEqualTo(1);
                assertThat(handledByA).hasValue(1);
                assertThat(handledByB).hasValue(0);
                assertThat(claimedByB).doesNotContain(event.id());
            } finally {
                aMayFinish.countDown();
                thread.shutdownNow();
            }
        }
    }

    /** Polls the event's lease end; fails as soon as the claim is not worker-a's any more. */
    private static final class LeaseWatch {
        private final OutboxRepository repository;
        private final UUID id;
        private Instant lastLeaseEnd;
        private int moves;

        LeaseWatch(OutboxRepository repository, UUID id, OutboxEvent claimed) {
            this.repository = repository;
            this.id = id;
            this.lastLeaseEnd = claimed.claim().orElseThrow().leaseExpiresAt();
        }

        int moves() {
            return moves;
        }

        void awaitUntil(java.util.function.Predicate<LeaseWatch> done) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (!done.test(this)) {
                OutboxEvent now = repository.findById(id).orElseThrow();
                assertThat(now.status()).as("still processing").isEqualTo(EventStatus.PROCESSING);
                assertThat(now.claim().orElseThrow().owner()).as("still worker-a's").isEqualTo("worker-a");
                Instant leaseEnd = now.claim().orElseThrow().leaseExpiresAt();
                if (leaseEnd.isAfter(lastLeaseEnd)) {
                    moves++;
                    lastLeaseEnd = leaseEnd;
                }
                assertThat(System.nanoTime()).as("the lease moved twice within the deadline").isLessThan(deadline);
                Thread.sleep(20); // polling a real store with a deadline; the assertion bounds the wait
            }
        }
    }

    private static OutboxProcessor processor(OutboxRepository repository, String owner,
                                             Function<OutboxEvent, HandlerResult> body, OutboxListener listener) {
        OutboxHandler handler = OutboxHandler.of(TYPE, event -> body.apply(event));
        return OutboxProcessor.builder(repository).handler(handler).owner(owner).listener(listener)
                .config(ProcessorConfig.builder().lease(LEASE).leaseCheckInterval(Duration.ofMillis(50))
                        .pollInterval(Duration.ofMillis(50)).build())
                .build();
    }

    /** The repository, counting each look for expired claims. */
    private static OutboxRepository countingLeaseChecks(OutboxRepository real, AtomicInteger checks) {
        return (OutboxRepository) Proxy.newProxyInstance(OutboxRepository.class.getClassLoader(),
                new Class<?>[]{OutboxRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("releaseExpiredClaims")) {
                        checks.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
