package io.outbox.micrometer;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.outbox.OutboxException;
import io.outbox.StoreUnavailableException;
import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerResult;
import io.outbox.handler.OutboxHandler;
import io.outbox.listener.OutboxListener;
import io.outbox.processor.DrainResult;
import io.outbox.processor.OutboxProcessor;
import io.outbox.testing.OutboxEventBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.outbox.testing.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** The counters and timers, fed by a real processor's listener calls. */
class OutboxMetricsListenerTest {
    private static final String MOOD = "mood";
    private static final String JOURNAL = "journal";
    private final TestOutbox outbox = new TestOutbox();

    @AfterEach
    void close() {
        outbox.close();
    }

    private OutboxEventBuilder mood() {
        return anEvent().withType(MOOD).createdAt(outbox.now());
    }

    private OutboxEventBuilder journal() {
        return anEvent().withType(JOURNAL).createdAt(outbox.now());
    }

    /** Journal entity "flaky" answers 503 on its first attempt; entity "bad" is refused for good. */
    private static OutboxHandler journalHandler() {
        return TestOutbox.handler(JOURNAL, event -> switch (event.entityId()) {
            case "flaky" -> event.attemptCount() == 1 ? HandlerResult.retryLater("HTTP 503") : HandlerResult.done();
            case "bad" -> HandlerResult.failedForGood("HTTP 422");
            default -> HandlerResult.done();
        });
    }

    private double count(String name, String... tags) {
        return outbox.registry.get(name).tags(tags).counter().count();
    }

    private Timer timer(String name, String... tags) {
        return outbox.registry.get(name).tags(tags).timer();
    }

    private DrainResult drain(OutboxProcessor processor) {
        DrainResult result = processor.drainUntilIdle(Duration.ofMinutes(1));
        assertThat(result.idle()).isTrue();
        return result;
    }

    @Test
    void givenDeliveriesARetryAndAFailureForGood_whenDrained_thenEachCountedPerEventTypeAndOutcome() {
        outbox.stored(mood());
        outbox.stored(mood());
        outbox.stored(journal());
        outbox.stored(journal().forEntity("flaky"));
        outbox.stored(journal().forEntity("bad"));

        drain(outbox.processor(new OutboxMetricsListener(outbox.registry),
                TestOutbox.succeeding(MOOD), journalHandler()));

        assertThat(count("outbox.deliveries", "event_type", MOOD)).isEqualTo(2);
        assertThat(count("outbox.deliveries", "event_type", JOURNAL)).isEqualTo(2);
        assertThat(count("outbox.failures", "event_type", JOURNAL, "outcome", "retry")).isEqualTo(1);
        assertThat(count("outbox.failures", "event_type", JOURNAL, "outcome", "failed_for_good")).isEqualTo(1);
        assertThat(outbox.registry.find("outbox.failures").tag("event_type", MOOD).counters()).isEmpty();
    }

    @Test
    void givenJournalWaitingOnItsMood_whenDrained_thenTheWaitCountedAndNotAsAFailure() {
        OutboxEvent mood = outbox.stored(mood().createdAt(outbox.now().minusSeconds(1)));
        outbox.stored(journal());

        drain(outbox.processor(new OutboxMetricsListener(outbox.registry), TestOutbox.succeeding(MOOD),
                TestOutbox.handler(JOURNAL, e -> outbox.repository.findById(mood.id()).orElseThrow().isUndelivered()
                        ? HandlerResult.waitFor(mood.id(), "waiting for the mood") : HandlerResult.done())));

        assertThat(count("outbox.waits", "event_type", JOURNAL)).isEqualTo(1);
        assertThat(count("outbox.deliveries", "event_type", JOURNAL)).isEqualTo(1);
        assertThat(outbox.registry.find("outbox.failures").counters()).isEmpty();
    }

    @Test
    void givenHandlerThatAlwaysAsksForRetry_whenItsLastAttemptFails_thenCountedAsFailedForGoodNotAsRetry() {
        outbox.stored(journal().forEntity("flaky").withAttempts(0, 3));

        drain(outbox.processor(new OutboxMetricsListener(outbox.registry),
                TestOutbox.handler(JOURNAL, e -> HandlerResult.retryLater("HTTP 503"))));

        assertThat(count("outbox.failures", "event_type", JOURNAL, "outcome", "retry")).isEqualTo(2);
        assertThat(count("outbox.failures", "event_type", JOURNAL, "outcome", "failed_for_good")).isEqualTo(1);
    }

    @Test
    void givenDeliveredAndFailedCalls_whenDrained_thenHandlerTimerCountsEachCallByOutcomeAndLatencyRunsFromCreation() {
        outbox.stored(mood().createdAt(outbox.now().minusSeconds(30)));
        outbox.stored(mood().createdAt(outbox.now().minusSeconds(90)));
        OutboxEvent flaky = outbox.stored(journal().forEntity("flaky").createdAt(outbox.now()));

        drain(outbox.processor(new OutboxMetricsListener(outbox.registry),
                TestOutbox.succeeding(MOOD), journalHandler()));

        Timer moodHandler = timer("outbox.handler.duration", "event_type", MOOD, "outcome", "delivered");
        assertThat(moodHandler.count()).isEqualTo(2);
        assertThat(outbox.repository.findById(flaky.id()).orElseThrow().attemptCount()).isEqualTo(2);
        assertThat(timer("outbox.handler.duration", "event_type", JOURNAL, "outcome", "delivered").count())
                .as("the journal's second call delivered it").isEqualTo(1);
        assertThat(timer("outbox.handler.duration", "event_type", JOURNAL, "outcome", "retry").count())
                .as("the journal's first call answered 503").isEqualTo(1);
        Timer moodLatency = timer("outbox.delivery.latency", "event_type", MOOD);
        assertThat(moodLatency.count()).isEqualTo(2);
        assertThat(moodLatency.totalTime(TimeUnit.SECONDS)).isEqualTo(120);
        assertThat(timer("outbox.delivery.latency", "event_type", JOURNAL).totalTime(TimeUnit.SECONDS))
                .as("delivered at the retry, 1 s after its creation").isEqualTo(1);
    }

    @Test
    void givenAppListener_whenWrapped_thenItHearsEveryCallAndMetersCarryTheGivenTags() {
        List<String> heard = new CopyOnWriteArrayList<>();
        OutboxListener app = new OutboxListener() {
            @Override
            public void claimed(List<OutboxEvent> events) {
                heard.add("claimed " + events.size());
            }

            @Override
            public void delivered(OutboxEvent event, Duration handlerTime, Duration latency) {
                heard.add("delivered " + event.entityId());
            }

            @Override
            public void retried(OutboxEvent event, String reason, Instant nextAttemptAt) {
                heard.add("retried " + event.entityId());
            }

            @Override
            public void failedForGood(OutboxEvent event, String reason) {
                heard.add("failed " + event.entityId());
            }
        };
        outbox.stored(journal().forEntity("flaky").createdAt(outbox.now().minusSeconds(1)));
        outbox.stored(journal().forEntity("bad"));

        drain(outbox.processor(new OutboxMetricsListener(outbox.registry, Tags.of("app", "lume"), app),
                journalHandler()));

        assertThat(heard).containsExactly("claimed 2", "retried flaky", "failed bad", "claimed 1", "delivered flaky");
        assertThat(count("outbox.deliveries", "app", "lume", "event_type", JOURNAL)).isEqualTo(1);
    }

    @Test
    void givenEventLeftProcessingAndOldCompletedEvent_whenExclusiveStoreProcessorRuns_thenReclaimedAndCleanupCounted() {
        outbox.stored(mood().processingBy("a-stopped-process", outbox.now().plusSeconds(300)));
        outbox.stored(mood().createdAt(outbox.now().minus(Duration.ofDays(9)))
                .completedAt(outbox.now().minus(Duration.ofDays(8))));

        outbox.processor(new OutboxMetricsListener(outbox.registry), b -> b.exclusiveStore(true),
                TestOutbox.succeeding(MOOD)).processOnce();

        assertThat(count("outbox.reclaimed")).isEqualTo(1);
        assertThat(count("outbox.cleanup.deleted")).isEqualTo(1);
        assertThat(count("outbox.deliveries", "event_type", MOOD)).isEqualTo(1);
    }

    @Test
    void givenStoreFailure_whenProcessorReportsIt_thenCountedAndPassedOn() {
        List<OutboxException> passedOn = new CopyOnWriteArrayList<>();
        OutboxListener app = new OutboxListener() {
            @Override
            public void storeFailed(OutboxException failure) {
                passedOn.add(failure);
            }
        };
        StoreUnavailableException down = new StoreUnavailableException("connection refused", null);

        new OutboxMetricsListener(outbox.registry, Tags.empty(), app).storeFailed(down);

        assertThat(count("outbox.store.failures")).isEqualTo(1);
        assertThat(passedOn).containsExactly(down);
    }
}
