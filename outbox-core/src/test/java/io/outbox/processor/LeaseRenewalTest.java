package io.outbox.processor;

import io.outbox.event.EventStatus;
import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerResult;
import io.outbox.listener.OutboxListener;
import io.outbox.repository.ClaimOrder;
import io.outbox.repository.ClaimRequest;
import io.outbox.repository.OutboxRepository;
import io.outbox.repository.Scope;
import io.outbox.testing.InMemoryOutboxRepository;
import io.outbox.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.outbox.processor.Journal.awaitUntil;
import static io.outbox.testing.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lease renewal on the in-memory store: a batch that outlasts half its lease keeps its claims,
 * a claim found gone is not ours to record, and a quick batch costs no renewal at all. The
 * renewal runs on real time (a short lease); the lease end comes from a clock the test moves.
 */
class LeaseRenewalTest {
    private static final String TYPE = "test.entity";
    private static final long WAIT_SECONDS = 30;
    private static final Duration SHORT_LEASE = Duration.ofMillis(200);
    private final ManualClock clock = ManualClock.at("2025-01-31T08:00:00Z");
    private final InMemoryOutboxRepository store = new InMemoryOutboxRepository();
    private final Journal journal = new Journal();
    private final OutboxRepository repository = journal.wrap(store);
    private final AtomicInteger told = new AtomicInteger();
    private final OutboxListener listener = new OutboxListener() {
        @Override
        public void delivered(OutboxEvent event, Duration handlerTime, Duration latency) {
            told.incrementAndGet();
        }

        @Override
        public void retried(OutboxEvent event, String reason, Instant nextAttemptAt, Duration handlerTime) {
            told.incrementAndGet();
        }

        @Override
        public void failedForGood(OutboxEvent event, String reason, Duration handlerTime) {
            told.incrementAndGet();
        }
    };

    private OutboxEvent stored() {
        OutboxEvent event = anEvent().createdAt(clock.instant()).build();
        store.save(event);
        return event;
    }

    private OutboxProcessor processor(ScriptedHandler handler, Duration lease) {
        return OutboxProcessor.builder(repository).handler(handler).clock(clock).listener(listener).owner("worker-a")
                .config(ProcessorConfig.builder().lease(lease).build()).build();
    }

    @Test
    void givenClaimTakenOverAfterExpiry_whenRenewalFindsItGone_thenTheLateOutcomeIsNeitherRecordedNorCounted()
            throws Exception {
        OutboxEvent event = stored();
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        ScriptedHandler handler = new ScriptedHandler(TYPE, e -> {
            inFlight.countDown();
            Journal.awaitQuietly(mayFinish);
            return HandlerResult.done();
        });
        try (OutboxProcessor processor = processor(handler, SHORT_LEASE)) {
            CompletableFuture<BatchResult> batch = CompletableFuture.supplyAsync(processor::processOnce);
            assertThat(inFlight.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

            clock.advance(Duration.ofMinutes(1)); // worker-a looks dead to the others
            assertThat(store.releaseExpiredClaims(clock.instant())).isEqualTo(1);
            Instant now = clock.instant();
            assertThat(store.claim(new ClaimRequest("worker-b", 1, now, now.plus(Duration.ofMinutes(5)),
                    Scope.everything().withEventTypes(Set.of(TYPE)), ClaimOrder.PRIORITY_FIRST))).hasSize(1);
            awaitUntil("a renewal found the claim gone", () -> journal.count("lost", event.id()) > 0);
            mayFinish.countDown();
            BatchResult result = batch.get(WAIT_SECONDS, TimeUnit.SECONDS);

            assertThat(result.claimed()).isEqualTo(1);
            assertThat(result.delivered()).isZero();
            assertThat(result.retried() + result.failedForGood() + result.released()).isZero();
            assertThat(told).as("listener outcomes").hasValue(0);
            assertThat(journal.count("completed", event.id()) + journal.count("failed", event.id())
                    + journal.count("released", event.id())).as("writes for the lost event").isZero();
            OutboxEvent after = store.findById(event.id()).orElseThrow();
            assertThat(after.status()).isEqualTo(EventStatus.PROCESSING);
            assertThat(after.claim().orElseThrow().owner()).isEqualTo("worker-b");
        }
    }

    @Test
    void givenHandlerOutlastingTwoHalfLeases_whenItFinishes_thenItsClaimWasRenewedAndTheOutcomeRecorded()
            throws Exception {
        OutboxEvent event = stored();
        ScriptedHandler handler = new ScriptedHandler(TYPE, e -> {
            Journal.awaitQuietly(() -> journal.count("renewed", event.id()) >= 2);
            return HandlerResult.done();
        });
        try (OutboxProcessor processor = processor(handler, SHORT_LEASE)) {
            clock.advance(Duration.ofSeconds(1)); // each renewal reads the lease end from this clock
            BatchResult result = processor.processOnce();

            assertThat(result.delivered()).isEqualTo(1);
            assertThat(told).hasValue(1);
            assertThat(store.findById(event.id()).orElseThrow().status()).isEqualTo(EventStatus.COMPLETED);
        }
    }

    @Test
    void givenBatchFinishingWithinHalfItsLease_whenProcessed_thenNoRenewalReachesTheStore() {
        List<OutboxEvent> events = List.of(stored(), stored(), stored());
        try (OutboxProcessor processor = processor(ScriptedHandler.succeeding(TYPE), Duration.ofMinutes(5))) {
            assertThat(processor.processOnce().delivered()).isEqualTo(events.size());
        }
        assertThat(journal.count("renewed") + journal.count("lost")).isZero();
    }
}
