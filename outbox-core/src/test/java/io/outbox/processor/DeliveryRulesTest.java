package io.outbox.processor;

import io.outbox.event.EventStatus;
import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerResult;
import io.outbox.retry.RetryPolicy;
import io.outbox.stats.OutboxStatistics;
import io.outbox.testing.InMemoryOutboxRepository;
import io.outbox.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static io.outbox.testing.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** Each delivery rule of the outbox, on the in-memory repository with a clock that moves only when told. */
class DeliveryRulesTest {
    private static final String TYPE = "test.entity";
    private final ManualClock clock = ManualClock.at("2025-01-31T08:00:00Z");
    private final InMemoryOutboxRepository repository = new InMemoryOutboxRepository();
    private final List<OutboxProcessor> processors = new ArrayList<>();

    @AfterEach
    void closeProcessors() {
        processors.forEach(OutboxProcessor::close);
    }

    private OutboxProcessor processor(ScriptedHandler handler, ProcessorConfig.Builder config) {
        OutboxProcessor processor = OutboxProcessor.builder(repository).handler(handler).clock(clock)
                .sleeper(clock.sleeper()).random(() -> 0.5).owner("test-worker")
                .config(config.retryPolicy(RetryPolicy.defaults().withJitter(0)).build()).build();
        processors.add(processor);
        return processor;
    }

    private OutboxProcessor processor(ScriptedHandler handler) {
        return processor(handler, ProcessorConfig.builder().concurrency(1));
    }

    private OutboxEvent stored(OutboxEvent event) {
        repository.save(event);
        return event;
    }

    private OutboxEvent reload(OutboxEvent event) {
        return repository.findById(event.id()).orElseThrow();
    }

    private Instant now() {
        return clock.instant();
    }

    @Test
    void givenPendingAndReachedRetry_whenProcessed_thenBothDeliveredHighPriorityFirstThenOldest() {
        OutboxEvent background = stored(anEvent().withPriority(0).createdAt(now().minusSeconds(30)).build());
        OutboxEvent newer = stored(anEvent().withPriority(10).createdAt(now().minusSeconds(5)).build());
        OutboxEvent older = stored(anEvent().withPriority(10).createdAt(now().minusSeconds(10))
                .withAttempts(1, 5).failedRetryAt("503", now()).build());
        OutboxEvent notYet = stored(anEvent().createdAt(now()).failedRetryAt("503", now().plusSeconds(1)).build());
        ScriptedHandler handler = ScriptedHandler.succeeding(TYPE);

        BatchResult result = processor(handler, ProcessorConfig.builder().concurrency(1).lowPriorityShare(0))
                .processOnce();

        assertThat(handler.calledIds()).containsExactly(older.id(), newer.id(), background.id());
        assertThat(result.delivered()).isEqualTo(3);
        assertThat(reload(notYet).status()).isEqualTo(EventStatus.FAILED);
    }

    @Test
    void givenContinuousStreamOfUserEvents_whenProcessing_thenBackgroundEventStillDelivered() {
        OutboxEvent background = stored(anEvent().withPriority(0).createdAt(now()).build());
        ScriptedHandler handler = ScriptedHandler.succeeding(TYPE);
        OutboxProcessor processor = processor(handler, ProcessorConfig.builder().batchSize(10));

        int batches = 0;
        while (reload(background).status() != EventStatus.COMPLETED && batches < 20) {
            clock.advance(Duration.ofMillis(100));
            for (int i = 0; i < 20; i++) { // more user events arrive than one batch can take
                stored(anEvent().withPriority(10).createdAt(now()).build());
            }
            processor.processOnce();
            batches++;
        }

        assertThat(reload(background).status()).isEqualTo(EventStatus.COMPLETED);
        assertThat(batches).isEqualTo(1);
    }

    @Test
    void givenSmallBatches_whenUserStreamNeverEnds_thenEveryFifthBatchServesTheOldest() {
        OutboxEvent background = stored(anEvent().withPriority(0).createdAt(now()).build());
        OutboxProcessor processor = processor(ScriptedHandler.succeeding(TYPE),
                ProcessorConfig.builder().batchSize(1).maxBatchSize(1)); // batches that never grow

        int batches = 0;
        while (reload(background).status() != EventStatus.COMPLETED && batches < 20) {
            clock.advance(Duration.ofMillis(100));
            stored(anEvent().withPriority(10).createdAt(now()).build());
            stored(anEvent().withPriority(10).createdAt(now()).build());
            processor.processOnce();
            batches++;
        }

        assertThat(batches).isEqualTo(5);
    }

    @Test
    void givenFailingHandler_whenRetried_thenBackoffFollowsDefaultSchedule() {
        OutboxEvent event = stored(anEvent().createdAt(now()).withAttempts(0, 6).build());
        OutboxProcessor processor = processor(new ScriptedHandler(TYPE, e -> HandlerResult.retryLater("HTTP 503")));

        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 5; attempt++) {
            Instant attemptedAt = now();
            processor.processOnce();
            Instant next = reload(event).nextAttemptAt().orElseThrow();
            waits.add(Duration.between(attemptedAt, next));
            clock.set(next);
        }

        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofMinutes(2), Duration.ofMinutes(10));
    }

    @Test
    void givenJitter_whenRetried_thenDelayStaysWithinItsShare() {
        RetryPolicy policy = new RetryPolicy(RetryPolicy.DEFAULT_DELAYS, 0.2);
        Instant t = now();

        assertThat(policy.nextAttempt(3, t, Optional.empty(), () -> 0.0)).isEqualTo(t.plusSeconds(24));
        assertThat(policy.nextAttempt(3, t, Optional.empty(), () -> 0.999_999_9))
                .isBetween(t.plusMillis(35_999), t.plusSeconds(36));
        assertThat(policy.nextAttempt(9, t, Optional.empty(), () -> 0.5)).isEqualTo(t.plus(Duration.ofMinutes(10)));
    }

    @Test
    void givenRetryAfter_whenRetried_thenNotBeforeIsHonoured() {
        OutboxEvent event = stored(anEvent().createdAt(now()).build());
        Instant notBefore = now().plusSeconds(120);
        OutboxProcessor processor = processor(new ScriptedHandler(TYPE,
                e -> HandlerResult.retryNotBefore("HTTP 429", notBefore)));

        processor.processOnce();

        assertThat(reload(event).nextAttemptAt()).contains(notBefore);
        clock.set(notBefore.minusMillis(1));
        assertThat(processor.processOnce().claimed()).isZero();
        clock.set(notBefore);
        assertThat(processor.processOnce().claimed()).isEqualTo(1);
    }

    @Test
    void givenMaxAttemptsReached_whenFailedAgain_thenFailedForGoodKeptAndRetriableByCommand() {
        OutboxEvent event = stored(anEvent().createdAt(now()).build());
        AtomicInteger calls = new AtomicInteger();
        OutboxProcessor processor = processor(new ScriptedHandler(TYPE,
                e -> calls.incrementAndGet() <= 5 ? HandlerResult.retryLater("HTTP 503") : HandlerResult.done()));

        DrainResult drain = processor.drainUntilIdle(Duration.ofHours(1));

        OutboxEvent dead = reload(event);
        assertThat(calls).hasValue(5);
        assertThat(drain.idle()).isTrue();
        assertThat(dead.isFailedForGood()).isTrue();
        assertThat(dead.attemptCount()).isEqualTo(5);
        assertThat(dead.errorMessage()).contains("gave up after 5 attempts: HTTP 503");
        assertThat(processor.statistics().failedForGood()).isEqualTo(1);

        repository.resetForRetry(List.of(event.id()), now());
        processor.processOnce();
        assertThat(reload(event).status()).isEqualTo(EventStatus.COMPLETED);
        assertThat(reload(event).id()).isEqualTo(event.id());
    }

    @Test
    void givenMaxAttemptsOverride_whenFailing_thenOverrideReplacesEventLimit() {
        OutboxEvent event = stored(anEvent().createdAt(now()).build());
        OutboxProcessor processor = processor(new ScriptedHandler(TYPE, e -> HandlerResult.retryLater("down")),
                ProcessorConfig.builder().maxAttemptsOverride(2));

        processor.drainUntilIdle(Duration.ofHours(1));

        assertThat(reload(event).attemptCount()).isEqualTo(2);
        assertThat(reload(event).isFailedForGood()).isTrue();
    }

    @Test
    void givenEachHandlerResult_whenProcessed_thenEventBecomesWhatTheResultSays() {
        OutboxEvent done = stored(anEvent().createdAt(now()).withMetadata("{\"r\":\"done\"}").build());
        OutboxEvent retry = stored(anEvent().createdAt(now()).withMetadata("{\"r\":\"retry\"}").build());
        OutboxEvent dead = stored(anEvent().createdAt(now()).withMetadata("{\"r\":\"dead\"}").build());
        OutboxEvent thrown = stored(anEvent().createdAt(now()).withMetadata("{\"r\":\"throw\"}").build());
        Function<OutboxEvent, HandlerResult> script = e -> switch (e.metadata().orElseThrow()) {
            case "{\"r\":\"done\"}" -> HandlerResult.done("backend-1");
            case "{\"r\":\"retry\"}" -> HandlerResult.retryLater("HTTP 503");
            case "{\"r\":\"dead\"}" -> HandlerResult.failedForGood("HTTP 422: quantity out of range");
            default -> throw new IllegalStateException("connection reset");
        };

        BatchResult result = processor(new ScriptedHandler(TYPE, script)).processOnce();

        assertThat(result).isEqualTo(new BatchResult(4, 1, 2, 1, 0));
        assertThat(reload(done).result()).contains("backend-1");
        assertThat(reload(retry).nextAttemptAt()).contains(now().plusSeconds(1));
        assertThat(reload(dead).isFailedForGood()).isTrue();
        assertThat(reload(dead).attemptCount()).isEqualTo(1);
        assertThat(reload(dead).errorMessage()).contains("HTTP 422: quantity out of range");
        assertThat(reload(thrown).errorMessage()).contains("IllegalStateException: connection reset");
        assertThat(reload(thrown).nextAttemptAt()).isPresent();
    }

    @Test
    void givenCreateFailingOnce_whenProcessing_thenUpdateWaitsUntilCreateCompleted() {
        OutboxEvent create = stored(anEvent().forEntity("e1").createdAt(now()).build());
        OutboxEvent update = stored(anEvent().forEntity("e1").withOperation(Operation.UPDATE)
                .createdAt(now().plusMillis(1)).build());
        AtomicInteger createCalls = new AtomicInteger();
        ScriptedHandler handler = new ScriptedHandler(TYPE, e -> e.operation() == Operation.CREATE
                && createCalls.incrementAndGet() == 1 ? HandlerResult.retryLater("timeout") : HandlerResult.done());
        clock.advance(Duration.ofMillis(5));
        OutboxProcessor processor = processor(handler);

        processor.drainUntilIdle(Duration.ofMinutes(1));

        assertThat(handler.calledIds()).containsExactly(create.id(), create.id(), update.id());
        assertThat(reload(update).status()).isEqualTo(EventStatus.COMPLETED);
    }

    @Test
    void givenPoisonEvent_whenProcessing_thenOnlyItsEntityBlockedAndStatisticsSaySo() {
        OutboxEvent poison = stored(anEvent().forEntity("e1").createdAt(now()).withMetadata("poison").build());
        OutboxEvent behind = stored(anEvent().forEntity("e1").withOperation(Operation.UPDATE)
                .createdAt(now().plusMillis(1)).build());
        OutboxEvent other = stored(anEvent().forEntity("e2").createdAt(now().plusMillis(2)).build());
        clock.advance(Duration.ofSeconds(1));
        OutboxProcessor processor = processor(new ScriptedHandler(TYPE, e -> e.metadata().isPresent()
                ? HandlerResult.failedForGood("HTTP 400: bad") : HandlerResult.done()));

        DrainResult drain = processor.drainUntilIdle(Duration.ofMinutes(1));

        assertThat(drain.idle()).isTrue();
        assertThat(reload(poison).isFailedForGood()).isTrue();
        assertThat(reload(behind).status()).isEqualTo(EventStatus.PENDING);
        assertThat(reload(behind).attemptCount()).isZero();
        assertThat(reload(other).status()).isEqualTo(EventStatus.COMPLETED);
        OutboxStatistics stats = processor.statistics();
        assertThat(stats.blockedByFailure()).isEqualTo(1);
        assertThat(stats.summary()).contains("1 blocked behind a failed event");
    }

    @Test
    void givenEventWithoutHandler_whenProcessing_thenNotAttemptedAndCountedAsWaiting() {
        OutboxEvent goal = stored(anEvent().withType("goal").createdAt(now()).build());
        stored(anEvent().withType("goal").createdAt(now()).build());
        stored(anEvent().withType("chat.message").createdAt(now()).build());
        OutboxProcessor processor = processor(ScriptedHandler.succeeding(TYPE));

        DrainResult drain = processor.drainUntilIdle(Duration.ofMinutes(1));

        assertThat(drain.totals().claimed()).isZero();
        assertThat(reload(goal).status()).isEqualTo(EventStatus.PENDING);
        assertThat(reload(goal).attemptCount()).isZero();
        assertThat(processor.statistics().waitingForHandler()).isEqualTo(Map.of("goal", 2L, "chat.message", 1L));
    }

    @Test
    void givenWorkerDiedMidAttempt_whenLeaseExpires_thenEventDeliveredByAnother() {
        OutboxEvent event = stored(anEvent().createdAt(now()).withAttempts(1, OutboxEvent.DEFAULT_MAX_ATTEMPTS)
                .withLastAttemptAt(now()).processingBy("dead-worker", now().plus(Duration.ofMinutes(5))).build());
        ScriptedHandler handler = ScriptedHandler.succeeding(TYPE);
        OutboxProcessor processor = processor(handler);

        processor.processOnce();
        assertThat(handler.calls()).as("lease still held").isEmpty();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        processor.processOnce();

        assertThat(reload(event).status()).isEqualTo(EventStatus.COMPLETED);
        assertThat(reload(event).attemptCount()).isEqualTo(2);
    }

    @Test
    void givenExclusiveStore_whenFirstBatch_thenOrphansRecoveredWithoutWaitingForLease() {
        OutboxEvent event = stored(anEvent().createdAt(now()).withAttempts(1, OutboxEvent.DEFAULT_MAX_ATTEMPTS)
                .withLastAttemptAt(now()).processingBy("killed-process", now().plus(Duration.ofHours(1))).build());
        ScriptedHandler handler = ScriptedHandler.succeeding(TYPE);
        OutboxProcessor processor = OutboxProcessor.builder(repository).handler(handler).clock(clock)
                .exclusiveStore(true).build();
        processors.add(processor);

        processor.processOnce();

        assertThat(handler.calledIds()).containsExactly(event.id());
        assertThat(reload(event).status()).isEqualTo(EventStatus.COMPLETED);
    }

    @Test
    void givenNextRetryBeyondTimeout_whenDraining_thenReturnsIdleWithEventStillWaiting() {
        OutboxEvent event = stored(anEvent().createdAt(now()).build());
        OutboxProcessor processor = processor(new ScriptedHandler(TYPE,
                e -> HandlerResult.retryNotBefore("HTTP 503", now().plus(Duration.ofMinutes(10)))));
        Instant started = now();

        DrainResult drain = processor.drainUntilIdle(Duration.ofSeconds(60));

        assertThat(drain.idle()).isTrue();
        assertThat(drain.nextDueAt()).contains(started.plus(Duration.ofMinutes(10)));
        assertThat(reload(event).status()).isEqualTo(EventStatus.FAILED);
        assertThat(now()).isEqualTo(started);
    }

    @Test
    void givenUserScopedProcessor_whenProcessing_thenOtherUsersEventsUntouched() {
        OutboxEvent alice = stored(anEvent().forUser("alice").createdAt(now()).build());
        OutboxEvent bob = stored(anEvent().forUser("bob").createdAt(now()).build());
        ScriptedHandler handler = ScriptedHandler.succeeding(TYPE);
        OutboxProcessor processor = OutboxProcessor.builder(repository).handler(handler).clock(clock)
                .forUser("alice").build();
        processors.add(processor);

        processor.drainUntilIdle(Duration.ofSeconds(1));

        assertThat(handler.calledIds()).containsExactly(alice.id());
        assertThat(reload(bob).attemptCount()).isZero();
        assertThat(processor.statistics().total()).isEqualTo(1);
    }

    @Test
    void givenOldCompletedEvents_whenHousekeepingRuns_thenDeletedAfterRetention() {
        OutboxEvent old = stored(anEvent().createdAt(now().minus(Duration.ofDays(9)))
                .completedAt(now().minus(Duration.ofDays(8))).build());
        OutboxEvent recent = stored(anEvent().createdAt(now().minus(Duration.ofDays(2)))
                .completedAt(now().minus(Duration.ofDays(1))).build());

        processor(ScriptedHandler.succeeding(TYPE)).processOnce();

        assertThat(repository.findById(old.id())).isEmpty();
        assertThat(repository.findById(recent.id())).isPresent();
    }
}
