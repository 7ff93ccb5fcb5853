package io.outbox.processor;

import io.outbox.InvalidConfigurationException;
import io.outbox.event.EventStatus;
import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerResult;
import io.outbox.listener.OutboxListener;
import io.outbox.retry.RetryPolicy;
import io.outbox.testing.InMemoryOutboxRepository;
import io.outbox.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static io.outbox.testing.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An event that waits on another (a journal on its mood's create), on the in-memory repository
 * with a clock that moves only when told: waiting costs no attempt, the awaited event's
 * completion wakes it at once, its failure for good fails it, and the recheck covers a missed wake-up.
 */
class EventDependencyTest {
    private static final String TYPE = "test.entity";
    private final ManualClock clock = ManualClock.at("2025-01-31T08:00:00Z");
    private final InMemoryOutboxRepository repository = new InMemoryOutboxRepository();
    private final List<OutboxProcessor> processors = new ArrayList<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<UUID> heardWaiting = new CopyOnWriteArrayList<>();
    private OutboxEvent mood;
    private OutboxEvent journal;

    @AfterEach
    void closeProcessors() {
        processors.forEach(OutboxProcessor::close);
    }

    /** The mood is older, so it is claimed first; the journal waits on it until it is completed. */
    private void moodAndLinkedJournal() {
        mood = stored(anEvent().forEntity("mood-1").createdAt(now().minusSeconds(2)).build());
        journal = stored(anEvent().forEntity("journal-1").createdAt(now().minusSeconds(1)).build());
    }

    /** The journal's handler says "not yet" while the mood is not completed; the mood's follows {@code moodScript}. */
    private OutboxProcessor processor(Function<Integer, HandlerResult> moodScript, Duration waitRecheck) {
        AtomicInteger moodAttempts = new AtomicInteger();
        ScriptedHandler handler = new ScriptedHandler(TYPE, event -> {
            calls.add(event.entityId());
            if (event.id().equals(mood.id())) {
                return moodScript.apply(moodAttempts.incrementAndGet());
            }
            boolean moodDone = reload(mood).status() == EventStatus.COMPLETED;
            return moodDone ? HandlerResult.done() : HandlerResult.waitFor(mood.id(), "waiting for mood-1");
        });
        OutboxListener listener = new OutboxListener() {
            @Override
            public void waiting(OutboxEvent event, UUID awaited, String reason) {
                heardWaiting.add(awaited);
            }
        };
        OutboxProcessor processor = OutboxProcessor.builder(repository).handler(handler).clock(clock)
                .sleeper(clock.sleeper()).random(() -> 0.5).owner("test-worker").listener(listener)
                .config(ProcessorConfig.builder().concurrency(1).waitRecheck(waitRecheck)
                        .retryPolicy(RetryPolicy.defaults().withJitter(0)).build()).build();
        processors.add(processor);
        return processor;
    }

    private OutboxProcessor processor(Function<Integer, HandlerResult> moodScript) {
        return processor(moodScript, Duration.ofMinutes(1));
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
    void givenMoodDeliveredInTheSameBatch_whenJournalWaitedOnIt_thenJournalDueAtOnceAndDeliveredWithOneAttempt() {
        moodAndLinkedJournal();
        OutboxProcessor processor = processor(attempt -> HandlerResult.done());

        BatchResult first = processor.processOnce();
        BatchResult second = processor.processOnce();

        assertThat(first.delivered()).isEqualTo(1);
        assertThat(first.waiting()).isEqualTo(1);
        assertThat(second.delivered()).isEqualTo(1);
        assertThat(reload(journal).status()).isEqualTo(EventStatus.COMPLETED);
        assertThat(reload(journal).attemptCount()).isEqualTo(1);
        assertThat(heardWaiting).containsExactly(mood.id());
    }

    @Test
    void givenMoodsFirstAttemptFailing_whenDrained_thenJournalWaitsWithoutSpendingAttemptsAndFollowsTheMood() {
        moodAndLinkedJournal();
        OutboxProcessor processor = processor(attempt -> attempt == 1 ? HandlerResult.retryLater("HTTP 503")
                : HandlerResult.done());

        processor.processOnce();
        OutboxEvent waiting = reload(journal);
        assertThat(waiting.status()).isEqualTo(EventStatus.PENDING);
        assertThat(waiting.attemptCount()).isZero();
        assertThat(waiting.waitsFor()).contains(mood.id());
        assertThat(waiting.errorMessage()).contains("waiting for mood-1");

        DrainResult drained = processor.drainUntilIdle(Duration.ofSeconds(10));

        assertThat(drained.idle()).isTrue();
        assertThat(reload(journal).status()).isEqualTo(EventStatus.COMPLETED);
        assertThat(reload(journal).attemptCount()).isEqualTo(1);
        // the journal was asked once while the mood was failing, then once right after the mood got through
        assertThat(calls).containsExactly("mood-1", "journal-1", "mood-1", "journal-1");
        assertThat(reload(journal).completedAt()).isEqualTo(reload(mood).completedAt());
    }

    @Test
    void givenMoodFailingForGood_whenProcessed_thenJournalFailsForGoodNamingItWithoutSpendingAnAttempt() {
        moodAndLinkedJournal();
        OutboxProcessor processor = processor(attempt -> HandlerResult.failedForGood("HTTP 422: bad valence"));

        processor.drainUntilIdle(Duration.ofSeconds(10));

        OutboxEvent failed = reload(journal);
        assertThat(failed.isFailedForGood()).isTrue();
        assertThat(failed.attemptCount()).isZero();
        assertThat(failed.errorMessage().orElseThrow()).isEqualTo("waiting for mood-1, but event " + mood.id()
                + " failed for good: HTTP 422: bad valence");
        assertThat(calls).containsExactly("mood-1", "journal-1");
    }

    @Test
    void givenWaitOnAnEventThatDoesNotExist_whenProcessed_thenItCountsAsAFailedAttempt() {
        UUID nowhere = UUID.randomUUID();
        OutboxEvent lost = stored(anEvent().withAttempts(0, 2).createdAt(now()).build());
        OutboxProcessor processor = OutboxProcessor.builder(repository).clock(clock).sleeper(clock.sleeper())
                .handler(new ScriptedHandler(TYPE, e -> HandlerResult.waitFor(nowhere, "waiting for a ghost")))
                .config(ProcessorConfig.builder().waitRecheck(Duration.ofSeconds(30)).build()).build();
        processors.add(processor);

        processor.processOnce();
        assertThat(reload(lost).attemptCount()).isEqualTo(1);
        assertThat(reload(lost).nextAttemptAt()).contains(now().plusSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        processor.processOnce();

        OutboxEvent dead = reload(lost);
        assertThat(dead.isFailedForGood()).isTrue();
        assertThat(dead.attemptCount()).isEqualTo(2);
        assertThat(dead.errorMessage().orElseThrow()).contains("waited on event " + nowhere + ", which does not exist");
    }

    @Test
    void givenWakeUpMissed_whenRecheckTimeComes_thenWaitingEventLookedAtAgainAndDelivered() {
        moodAndLinkedJournal();
        repository.save(mood.withMaxAttempts(5).failed("held elsewhere", java.util.Optional.of(now().plusSeconds(3600))));
        OutboxProcessor processor = processor(attempt -> HandlerResult.done(), Duration.ofSeconds(30));
        processor.processOnce();
        assertThat(reload(journal).waitsFor()).contains(mood.id());
        // completed by someone whose completion woke nobody (another process's missed wake-up, say)
        repository.save(reload(mood).completed(now(), java.util.Optional.empty()));

        clock.advance(Duration.ofSeconds(29));
        assertThat(processor.processOnce().claimed()).isZero();
        clock.advance(Duration.ofSeconds(1));
        BatchResult recheck = processor.processOnce();

        assertThat(recheck.delivered()).isEqualTo(1);
        assertThat(reload(journal).attemptCount()).isEqualTo(1);
    }

    @Test
    void givenNoPositiveWaitRecheck_whenConfigBuilt_thenRefusedNamingIt() {
        assertThatThrownBy(() -> ProcessorConfig.builder().waitRecheck(Duration.ZERO).build())
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("waitRecheck");
        assertThat(ProcessorConfig.defaults().waitRecheck()).isEqualTo(Duration.ofMinutes(1));
        assertThat(ProcessorConfig.defaults().toBuilder().build().waitRecheck()).isEqualTo(Duration.ofMinutes(1));
    }
}
