package io.outbox.processor;

import io.outbox.OutboxException;
import io.outbox.StoreUnavailableException;
import io.outbox.event.EventStatus;
import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerResult;
import io.outbox.listener.OutboxListener;
import io.outbox.repository.ClaimRequest;
import io.outbox.repository.OutboxRepository;
import io.outbox.testing.InMemoryOutboxRepository;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.outbox.testing.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The processor's threads: bounded concurrency, trigger, a loop that survives store failures,
 * graceful stop, and a start again after a stop. These run real threads and wait on latches (never on a fixed sleep).
 */
class ProcessorLifecycleTest {
    private static final String TYPE = "test.entity";
    private static final long WAIT_SECONDS = 30;
    private final InMemoryOutboxRepository repository = new InMemoryOutboxRepository();

    private OutboxEvent stored() {
        OutboxEvent event = anEvent().createdAt(java.time.Instant.now()).build();
        repository.save(event);
        return event;
    }

    @Test
    void givenManySlowEvents_whenProcessed_thenConcurrencyNeverExceedsLimitAndEntitiesRunInParallel() throws Exception {
        for (int i = 0; i < 12; i++) {
            stored();
        }
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CyclicBarrier threeAtOnce = new CyclicBarrier(3);
        ScriptedHandler handler = new ScriptedHandler(TYPE, e -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                threeAtOnce.await(WAIT_SECONDS, TimeUnit.SECONDS); // only passes when 3 run in parallel
            } catch (Exception e1) {
                running.decrementAndGet();
                return HandlerResult.retryLater("barrier broken: handlers did not run in parallel");
            }
            running.decrementAndGet();
            return HandlerResult.done();
        });
        try (OutboxProcessor processor = OutboxProcessor.builder(repository).handler(handler)
                .config(ProcessorConfig.builder().batchSize(12).concurrency(3).build()).build()) {
            BatchResult result = processor.processOnce();

            assertThat(result.delivered()).isEqualTo(12);
            assertThat(peak).hasValue(3);
        }
    }

    @Test
    void givenStartedProcessorWithLongPoll_whenTriggered_thenDeliversAtOnce() throws Exception {
        CountDownLatch delivered = new CountDownLatch(1);
        ScriptedHandler handler = new ScriptedHandler(TYPE, e -> {
            delivered.countDown();
            return HandlerResult.done();
        });
        try (OutboxProcessor processor = OutboxProcessor.builder(repository).handler(handler)
                .config(ProcessorConfig.builder().pollInterval(Duration.ofHours(1)).build()).build()) {
            processor.start();
            processor.processOnce(); // whatever the loop's first look found, the store is now empty
            OutboxEvent event = stored();
            processor.trigger();

            assertThat(delivered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(handler.calledIds()).containsExactly(event.id());
        }
    }

    @Test
    void givenStoreFailingThreeTimes_whenLoopRuns_thenItSurvivesReportsOnceAndDelivers() throws Exception {
        OutboxEvent event = stored();
        AtomicInteger failuresLeft = new AtomicInteger(3);
        OutboxRepository flaky = failingClaims(repository, failuresLeft);
        AtomicInteger reported = new AtomicInteger();
        CountDownLatch delivered = new CountDownLatch(1);
        OutboxListener listener = new OutboxListener() {
            @Override
            public void storeFailed(OutboxException failure) {
                reported.incrementAndGet();
            }

            @Override
            public void delivered(OutboxEvent e, Duration handlerTime, Duration latency) {
                delivered.countDown();
            }
        };
        try (OutboxProcessor processor = OutboxProcessor.builder(flaky).handler(ScriptedHandler.succeeding(TYPE))
                .listener(listener).config(ProcessorConfig.builder().maxStoreBackoff(Duration.ofMillis(200)).build())
                .build()) {
            processor.start();

            assertThat(delivered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(failuresLeft).hasValue(0);
        assertThat(reported).hasValue(1);
        assertThat(repository.findById(event.id()).orElseThrow().status()).isEqualTo(EventStatus.COMPLETED);
    }

    @Test
    void givenHandlerInFlight_whenStopped_thenItFinishesWithinDeadline() throws Exception {
        OutboxEvent event = stored();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        ScriptedHandler handler = new ScriptedHandler(TYPE, e -> {
            started.countDown();
            Journal.awaitQuietly(mayFinish);
            return HandlerResult.done();
        });
        OutboxProcessor processor = OutboxProcessor.builder(repository).handler(handler).build();
        processor.start();
        assertThat(started.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        Thread stopper = new Thread(() -> processor.stop(Duration.ofSeconds(WAIT_SECONDS)));
        stopper.start();
        mayFinish.countDown();
        stopper.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));

        assertThat(stopper.isAlive()).isFalse();
        assertThat(repository.findById(event.id()).orElseThrow().status()).isEqualTo(EventStatus.COMPLETED);
    }

    @Test
    void givenHandlerHangingPastDeadline_whenStopped_thenInterruptedAndEventLeftSafeToRetry() throws Exception {
        OutboxEvent event = stored();
        CountDownLatch started = new CountDownLatch(1);
        ScriptedHandler handler = new ScriptedHandler(TYPE, e -> {
            started.countDown();
            Journal.awaitQuietly(new CountDownLatch(1)); // hangs until interrupted
            return HandlerResult.done();
        });
        OutboxProcessor processor = OutboxProcessor.builder(repository).handler(handler).build();
        processor.start();
        assertThat(started.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        processor.stop(Duration.ofMillis(200));

        OutboxEvent left = repository.findById(event.id()).orElseThrow();
        assertThat(left.status()).isEqualTo(EventStatus.PENDING);
        assertThat(left.attemptCount()).isZero();
        assertThat(left.isDue(java.time.Instant.now())).isTrue();
    }

    @Test
    void givenStoppedProcessor_whenStartedAgain_thenItDeliversWhatCameMeanwhile() throws Exception {
        OutboxEvent first = stored();
        Semaphore deliveries = new Semaphore(0);
        ScriptedHandler handler = new ScriptedHandler(TYPE, e -> {
            deliveries.release();
            return HandlerResult.done();
        });
        try (OutboxProcessor processor = OutboxProcessor.builder(repository).handler(handler)
                .config(ProcessorConfig.builder().pollInterval(Duration.ofHours(1)).build()).build()) {
            processor.start();
            assertThat(deliveries.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            processor.stop(Duration.ofSeconds(WAIT_SECONDS));
            assertThat(processor.isRunning()).isFalse();
            OutboxEvent second = stored();

            processor.start();
            processor.trigger();

            assertThat(processor.isRunning()).isTrue();
            assertThat(deliveries.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            processor.stop(Duration.ofSeconds(WAIT_SECONDS));
            processor.start();
            processor.stop(Duration.ofSeconds(WAIT_SECONDS));
            assertThat(handler.calledIds()).containsExactly(first.id(), second.id());
            assertThat(repository.findById(second.id()).orElseThrow().status()).isEqualTo(EventStatus.COMPLETED);
        }
    }

    @Test
    void givenStoppedProcessor_whenProcessedOnce_thenItDeliversOnTheCallersThread() {
        OutboxEvent event = stored();
        try (OutboxProcessor processor = OutboxProcessor.builder(repository)
                .handler(ScriptedHandler.succeeding(TYPE)).build()) {
            processor.stop(Duration.ofSeconds(WAIT_SECONDS));

            assertThat(processor.processOnce().delivered()).isEqualTo(1);
        }
        assertThat(repository.findById(event.id()).orElseThrow().status()).isEqualTo(EventStatus.COMPLETED);
    }

    @Test
    void givenClosedProcessor_whenStarted_thenRefusedAndNothingDelivered() {
        OutboxEvent event = stored();
        OutboxProcessor processor = OutboxProcessor.builder(repository).handler(ScriptedHandler.succeeding(TYPE))
                .build();
        processor.close();

        assertThatThrownBy(processor::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(processor.processOnce()).isEqualTo(BatchResult.EMPTY);
        assertThat(repository.findById(event.id()).orElseThrow().status()).isEqualTo(EventStatus.PENDING);
    }

    @Test
    void givenBatchInFlight_whenStopped_thenQueuedHandlersNeverStartAndTheirEventsGoBackUnattempted() throws Exception {
        OutboxEvent first = stored();
        OutboxEvent second = stored();
        OutboxEvent third = stored();
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<OutboxProcessor> self = new AtomicReference<>();
        ScriptedHandler handler = new ScriptedHandler(TYPE, e -> {
            started.countDown();
            Journal.awaitQuietly(() -> !self.get().isRunning()); // in flight until the stop has begun
            return HandlerResult.done();
        });
        OutboxProcessor processor = OutboxProcessor.builder(repository).handler(handler)
                .config(ProcessorConfig.builder().concurrency(1).build()).build();
        self.set(processor);
        processor.start();
        assertThat(started.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        processor.stop(Duration.ofSeconds(WAIT_SECONDS));

        assertThat(handler.calls()).hasSize(1);
        OutboxEvent ran = handler.calls().get(0);
        assertThat(repository.findById(ran.id()).orElseThrow().status()).isEqualTo(EventStatus.COMPLETED);
        assertThat(java.util.stream.Stream.of(first, second, third).filter(e -> !e.id().equals(ran.id()))
                .map(e -> repository.findById(e.id()).orElseThrow()))
                .hasSize(2)
                .allSatisfy(e -> {
                    assertThat(e.status()).isEqualTo(EventStatus.PENDING);
                    assertThat(e.attemptCount()).isZero();
                });
    }

    @Test
    void givenThrowingListener_whenDelivering_thenDeliveryGoesOn() {
        OutboxEvent event = stored();
        OutboxListener broken = new OutboxListener() {
            @Override
            public void claimed(List<OutboxEvent> events) {
                throw new IllegalStateException("listener bug");
            }
        };
        try (OutboxProcessor processor = OutboxProcessor.builder(repository)
                .handler(ScriptedHandler.succeeding(TYPE)).listener(broken).build()) {
            processor.processOnce();
        }
        assertThat(repository.findById(event.id()).orElseThrow().status()).isEqualTo(EventStatus.COMPLETED);
    }

    /** The repository, except that its first claims fail as an unreachable store would. */
    private static OutboxRepository failingClaims(OutboxRepository real, AtomicInteger failuresLeft) {
        return (OutboxRepository) Proxy.newProxyInstance(OutboxRepository.class.getClassLoader(),
                new Class<?>[]{OutboxRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("claim") && args[0] instanceof ClaimRequest
                            && failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        throw new StoreUnavailableException("connection refused", null);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
