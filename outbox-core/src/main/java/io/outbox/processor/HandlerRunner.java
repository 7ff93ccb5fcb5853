package io.outbox.processor;

import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerRegistry;
import io.outbox.handler.HandlerResult;
import io.outbox.handler.OutboxHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Runs the handlers of one batch on a fixed pool, so no more than {@code concurrency} run at
 * once. Each entity appears at most once per batch, so parallel handlers always work on
 * different entities. Once the processor is stopping, handlers not started yet are not started:
 * their events come back unfinished. It owns its pool and closes it. Thread-safe.
 */
final class HandlerRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HandlerRunner.class);
    private static final long WAIT_SLICE_MILLIS = 50;
    /** The MDC keys set around each handler call (see {@link OutboxHandler}). */
    static final String EVENT_ID = "outbox.event_id";
    static final String EVENT_TYPE = "outbox.event_type";
    static final String ENTITY_ID = "outbox.entity_id";
    static final String USER_ID = "outbox.user_id";

    private final HandlerRegistry handlers;
    private final ExecutorService pool;
    private final BooleanSupplier stopping;
    private volatile boolean abandoning;

    HandlerRunner(HandlerRegistry handlers, int concurrency, String name, BooleanSupplier stopping) {
        this.handlers = handlers;
        this.stopping = stopping;
        this.pool = Executors.newFixedThreadPool(concurrency, daemonThreads(name));
    }

    /** The outcome of a batch: finished attempts, and events left unattempted or unfinished. */
    record Outcome(List<Attempt> finished, List<OutboxEvent> unfinished) {
    }

    Outcome run(List<OutboxEvent> events) {
        List<Future<Attempt>> futures = new ArrayList<>(events.size());
        for (OutboxEvent event : events) {
            futures.add(pool.submit(() -> stopping.getAsBoolean() ? null : attempt(event)));
        }
        List<Attempt> finished = new ArrayList<>(events.size());
        List<OutboxEvent> unfinished = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            Attempt attempt = await(futures.get(i));
            if (attempt == null) {
                unfinished.add(events.get(i));
            } else {
                finished.add(attempt);
            }
        }
        return new Outcome(List.copyOf(finished), List.copyOf(unfinished));
    }

    /** Stop waiting for handlers: interrupt them and report their events unfinished. */
    void abandon() {
        abandoning = true;
    }

    private Attempt await(Future<Attempt> future) {
        while (true) {
            if (abandoning) {
                future.cancel(true);
            }
            try {
                return future.get(WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                // look at the abandon flag again
            } catch (CancellationException cancelled) {
                return null;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                future.cancel(true);
                return null;
            } catch (ExecutionException unexpected) {
                // attempt() catches everything a handler throws; this is a defect in the runner itself
                log.error("handler task failed unexpectedly", unexpected.getCause());
                return null;
            }
        }
    }

    private Attempt attempt(OutboxEvent event) {
        OutboxHandler handler = handlers.forType(event.eventType()).orElseThrow(
                () -> new IllegalStateException("claimed an event of unhandled type " + event.eventType()));
        long start = System.nanoTime();
        HandlerResult result;
        MDC.put(EVENT_ID, event.id().toString());
        MDC.put(EVENT_TYPE, event.eventType());
        MDC.put(ENTITY_ID, event.entityId());
        MDC.put(USER_ID, event.userId());
        try {
            result = handler.handle(event);
            if (result == null) {
                result = HandlerResult.retryLater("handler " + handler.getClass().getName() + " returned no result");
            }
        } catch (RuntimeException | LinkageError | AssertionError thrown) {
            String message = thrown.getMessage() == null ? thrown.getClass().getName()
                    : thrown.getClass().getSimpleName() + ": " + thrown.getMessage();
            log.debug("handler for {} threw", event.id(), thrown);
            result = HandlerResult.retryLater(message);
        } finally {
            MDC.remove(EVENT_ID);
            MDC.remove(EVENT_TYPE);
            MDC.remove(ENTITY_ID);
            MDC.remove(USER_ID);
        }
        return new Attempt(event, result, Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-handler-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
