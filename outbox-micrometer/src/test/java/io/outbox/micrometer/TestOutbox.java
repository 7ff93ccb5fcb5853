package io.outbox.micrometer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerResult;
import io.outbox.handler.OutboxHandler;
import io.outbox.listener.OutboxListener;
import io.outbox.processor.OutboxProcessor;
import io.outbox.processor.OutboxProcessorBuilder;
import io.outbox.processor.ProcessorConfig;
import io.outbox.retry.RetryPolicy;
import io.outbox.testing.InMemoryOutboxRepository;
import io.outbox.testing.ManualClock;
import io.outbox.testing.OutboxEventBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A real processor over the in-memory store, on a clock that moves only when told (its
 * drains advance the clock instead of sleeping), with a fresh registry. Not thread-safe.
 */
final class TestOutbox implements AutoCloseable {
    final ManualClock clock = ManualClock.at("2025-01-31T08:00:00Z");
    final InMemoryOutboxRepository repository = new InMemoryOutboxRepository();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<OutboxProcessor> processors = new ArrayList<>();

    Instant now() {
        return clock.instant();
    }

    OutboxEvent stored(OutboxEventBuilder event) {
        OutboxEvent built = event.build();
        repository.save(built);
        return built;
    }

    /** A processor, one handler at a time, no jitter, whose builder {@code more} may add to. */
    OutboxProcessor processor(OutboxListener listener, Function<OutboxProcessorBuilder, OutboxProcessorBuilder> more,
                              OutboxHandler... handlers) {
        OutboxProcessorBuilder builder = OutboxProcessor.builder(repository).handlers(List.of(handlers))
                .clock(clock).sleeper(clock.sleeper()).random(() -> 0.5).owner("test-worker").listener(listener)
                .config(ProcessorConfig.builder().concurrency(1)
                        .retryPolicy(RetryPolicy.defaults().withJitter(0)).build());
        OutboxProcessor processor = more.apply(builder).build();
        processors.add(processor);
        return processor;
    }

    OutboxProcessor processor(OutboxListener listener, OutboxHandler... handlers) {
        return processor(listener, Function.identity(), handlers);
    }

    @Override
    public void close() {
        processors.forEach(OutboxProcessor::close);
        registry.close();
    }

    /** A handler of {@code type} that answers as {@code script} says. */
    static OutboxHandler handler(String type, Function<OutboxEvent, HandlerResult> script) {
        return OutboxHandler.of(type, event -> script.apply(event));
    }

    /** A handler of {@code type} that delivers every event. */
    static OutboxHandler succeeding(String type) {
        return handler(type, e -> HandlerResult.done());
    }
}
