package io.outbox.cli;

import io.outbox.event.OutboxEvent;
import io.outbox.http.RemoteApi;
import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.StoreTransactor;
import io.outbox.listener.OutboxListener;
import io.outbox.processor.OutboxProcessor;
import io.outbox.processor.ProcessorConfig;
import io.outbox.retry.RetryPolicy;
import io.outbox.stats.OutboxStatistics;
import io.outbox.testing.backend.Counters;
import io.outbox.testing.backend.FaultKind;
import io.outbox.testing.backend.StandInBackend;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The sync half of both apps' demos: drains the demo user's outbox into the stand-in
 * backend with the real handlers and processor (short backoff so the demo takes seconds),
 * and reports what happened. Stateless.
 */
public final class DemoSync {
    /** Short waits so that a run with many injected faults still ends in seconds. */
    static final List<Duration> DEMO_DELAYS = List.of(Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800));
    static final int DEMO_MAX_ATTEMPTS = 12;

    private DemoSync() {
    }

    /** What the sync did. */
    public record Result(long delivered, long retries, long failedForGood, long pending, Duration elapsed,
                         Counters backend) {
    }

    /**
     * Syncs {@code user}'s events in {@code store} to the stand-in {@code backend} with the app's
     * real handlers and short waits, until nothing is left to do; reports progress on {@code output}.
     */
    public static Result run(OutboxApp app, OutboxStore store, String user, StandInBackend backend, String token,
                             Clock clock, Output output) {
        RemoteApi api = RemoteApi.builder(backend.baseUri(), token).requestTimeout(Duration.ofSeconds(1)).build();
        boolean live = System.console() != null;
        AtomicLong delivered = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        OutboxListener counting = new OutboxListener() {
            @Override
            public void delivered(OutboxEvent event, Duration handlerTime, Duration latency) {
                if (delivered.incrementAndGet() % 25 == 0 && live) {
                    output.progress("syncing: " + delivered.get() + " delivered, " + retries.get() + " retries");
                }
            }

            @Override
            public void retried(OutboxEvent event, String reason, Instant nextAttemptAt) {
                retries.incrementAndGet();
            }
        };
        long start = System.nanoTime();
        OutboxStatistics stats;
        try (OutboxStore.Held onlySync = store.lockProcessing("a sync");
             OutboxProcessor processor = OutboxProcessor.builder(store.repository())
                .handlers(app.handlers(store, api)).clock(clock).forUser(user).exclusiveStore(store.exclusive())
                .transactor(new StoreTransactor(() -> store))
                .listener(counting).config(ProcessorConfig.builder().batchSize(20).concurrency(4)
                        .maxAttemptsOverride(DEMO_MAX_ATTEMPTS)
                        .retryPolicy(new RetryPolicy(DEMO_DELAYS, 0.2)).build()).build()) {
            processor.drainUntilIdle(Duration.ofSeconds(30));
            stats = processor.statistics();
        }
        if (live) {
            output.progress("syncing: " + delivered.get() + " delivered, " + retries.get() + " retries");
            output.err().println();
        }
        return new Result(delivered.get(), retries.get(), stats.failedForGood(),
                stats.total() - stats.completed() - stats.failedForGood(), Duration.ofNanos(System.nanoTime() - start),
                backend.counters());
    }

    /** The report's lines about the sync and the backend. */
    public static List<String> report(Result r, double failureRate) {
        Map<FaultKind, Long> faults = r.backend().faults();
        String kinds = faults.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
        return List.of(
                String.format(java.util.Locale.ROOT, "stand-in backend: %d requests, %d faults injected (%.0f %% asked%s)",
                        r.backend().requests(), r.backend().totalFaults(), failureRate * 100,
                        kinds.isEmpty() ? "" : ": " + kinds),
                "repeats absorbed by the Idempotency-Key: " + r.backend().replays(),
                String.format(java.util.Locale.ROOT, "delivered %d events in %.1f s with %d retries; failed for good %d,"
                        + " still pending %d", r.delivered(), r.elapsed().toMillis() / 1000.0, r.retries(),
                        r.failedForGood(), r.pending()));
    }

}
