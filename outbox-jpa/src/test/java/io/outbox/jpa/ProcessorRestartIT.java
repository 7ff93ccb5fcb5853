package io.outbox.jpa;

import io.outbox.event.EventStatus;
import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerResult;
import io.outbox.handler.OutboxHandler;
import io.outbox.jpa.support.Stores;
import io.outbox.processor.OutboxProcessor;
import io.outbox.processor.ProcessorConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.outbox.testing.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** One processor stopped and started again, twice, on a real Derby store on disk: each start delivers. */
class ProcessorRestartIT {
    private static final String TYPE = "test.entity";
    private static final long WAIT_SECONDS = 60;

    @Test
    void givenProcessorOnDerby_whenStoppedAndStartedTwice_thenEachStartDeliversWhatWasSavedMeanwhileExactlyOnce()
            throws Exception {
        try (Stores.Opened opened = Stores.open(Stores.Kind.DERBY)) {
            OutboxStore store = opened.store();
            Map<UUID, AtomicInteger> handled = new ConcurrentHashMap<>();
            Semaphore deliveries = new Semaphore(0);
            OutboxHandler handler = OutboxHandler.of(TYPE, event -> {
                handled.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
                deliveries.release();
                return HandlerResult.done();
            });
            OutboxProcessor processor = OutboxProcessor.builder(store.repository()).handler(handler)
                    .owner("restarted").config(ProcessorConfig.builder().pollInterval(Duration.ofHours(1)).build())
                    .build();
            try (processor) {
                OutboxEvent first = record(store);
                processor.start();
                assertThat(deliveries.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)).as("first start delivers").isTrue();

                processor.stop(Duration.ofSeconds(WAIT_SECONDS));
                OutboxEvent second = record(store);
                assertThat(processor.isRunning()).isFalse();
                assertThat(status(store, second)).isEqualTo(EventStatus.PENDING);
                processor.start();
                processor.trigger();
                assertThat(deliveries.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)).as("second start delivers").isTrue();

                processor.stop(Duration.ofSeconds(WAIT_SECONDS));
                OutboxEvent third = record(store);
                processor.start();
                processor.trigger();
                assertThat(deliveries.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)).as("third start delivers").isTrue();
                processor.stop(Duration.ofSeconds(WAIT_SECONDS));

                for (OutboxEvent event : List.of(first, second, third)) {
                    OutboxEvent stored = store.repository().findById(event.id()).orElseThrow();
                    assertThat(stored.status()).isEqualTo(EventStatus.COMPLETED);
                    assertThat(stored.attemptCount()).isEqualTo(1);
                    assertThat(handled.get(event.id())).hasValue(1);
                }
                assertThat(handled).hasSize(3);
            }
        }
    }

    private static OutboxEvent record(OutboxStore store) {
        OutboxEvent event = anEvent().createdAt(Instant.now()).build();
        store.unitOfWork().write(work -> work.record(event));
        return event;
    }

    private static EventStatus status(OutboxStore store, OutboxEvent event) {
        return store.repository().findById(event.id()).orElseThrow().status();
    }
}
