package io.outbox.processor;

import io.outbox.InvalidConfigurationException;
import io.outbox.OutboxException;
import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerRegistry;
import io.outbox.listener.OutboxListener;
import io.outbox.repository.OutboxRepository;
import io.outbox.repository.Scope;
import io.outbox.stats.OutboxStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Delivers due events: claims a batch, runs its handlers with bounded concurrency, records
 * each outcome, and repeats; when nothing is due it waits for a {@link #trigger()} or the
 * poll interval. Its loop survives store failures (logged once, then backed off). While a
 * batch outlasts half the lease its claims are renewed, and the outcomes of claims lost
 * meanwhile are not recorded. {@link #stop} returns it to a state it can {@link #start()}
 * from again; {@link #close()} is final. It owns its threads and stops them in {@code stop}
 * and {@code close}. Thread-safe: batches never overlap, and start, stop and close are serialised.
 */
public final class OutboxProcessor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxProcessor.class);

    private enum State { IDLE, RUNNING, STOPPING, CLOSED }

    private final OutboxRepository repository;
    private final HandlerRegistry handlers;
    private final ProcessorConfig config;
    private final Clock clock;
    private final Sleeper sleeper;
    private final OutboxListener listener;
    private final Scope scope;
    private final String owner;
    private final BatchClaimer claimer;
    private final BatchDelivery delivery;
    private final Housekeeping housekeeping;
    private final StoreBackoff backoff;
    private final ReentrantLock lifecycle = new ReentrantLock();
    private final ReentrantLock batchLock = new ReentrantLock();
    private final ReentrantLock wakeLock = new ReentrantLock();
    private final Condition wakeUp = wakeLock.newCondition();
    private boolean triggered;
    private volatile State state = State.IDLE;
    /** Counts stops, so a loop or a drain begun before a stop ends even when a start follows at once. */
    private volatile long stops;
    private Thread loop;

    OutboxProcessor(OutboxProcessorBuilder b) {
        this.repository = b.repository;
        this.handlers = HandlerRegistry.of(b.handlers);
        if (handlers.eventTypes().isEmpty()) {
            throw new InvalidConfigurationException("a processor needs at least one handler");
        }
        this.config = b.config;
        this.clock = b.clock;
        this.listener = new SafeListener(b.listener);
        this.scope = new Scope(b.userId, handlers.eventTypes());
        this.owner = b.owner.orElseGet(() -> "pid" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8));
        this.sleeper = b.sleeper.orElse(this::awaitWakeUp);
        this.claimer = new BatchClaimer(repository, config, scope, owner);
        OutcomeRecorder recorder = new OutcomeRecorder(repository, config, b.random, listener, owner, handlers,
                b.transactor);
        this.delivery = new BatchDelivery(repository, handlers, config, clock, owner, recorder,
                () -> state == State.STOPPING);
        this.housekeeping = new Housekeeping(repository, config, listener, b.exclusiveStore);
        this.backoff = new StoreBackoff(config.maxStoreBackoff(), listener);
    }

    /** A builder of a processor that delivers the events {@code repository} holds. */
    public static OutboxProcessorBuilder builder(OutboxRepository repository) {
        return new OutboxProcessorBuilder(repository);
    }

    /**
     * Starts the background loop. Idempotent while running; a stopped processor starts again
     * (its handler threads are made anew). A start during a {@link #stop} waits for the stop.
     *
     * @throws IllegalStateException when the processor was closed
     */
    public void start() {
        lifecycle.lock();
        try {
            if (state == State.RUNNING) {
                return;
            }
            if (state == State.CLOSED) {
                throw new IllegalStateException("a closed processor cannot be started again; build a new one");
            }
            state = State.RUNNING;
            long run = stops;
            loop = new Thread(() -> runLoop(run), "outbox-loop-" + owner);
            loop.setDaemon(true);
            loop.start();
        } finally {
            lifecycle.unlock();
        }
        log.info("outbox processor {} started for {} (types {})", owner,
                scope.userId().map(u -> "user " + u).orElse("all users"), handlers.eventTypes());
    }

    /** Whether the background loop runs: started, and not stopped or closed since. */
    public boolean isRunning() {
        return state == State.RUNNING;
    }

    /** Asks for a batch now (after a user saved, say). Many triggers before the loop wakes make one batch. */
    public void trigger() {
        wakeLock.lock();
        try {
            triggered = true;
            wakeUp.signalAll();
        } finally {
            wakeLock.unlock();
        }
    }

    /** Claims and delivers one batch on the calling thread; returns what it did. */
    public BatchResult processOnce() {
        batchLock.lock();
        try {
            if (state == State.STOPPING || state == State.CLOSED) {
                return BatchResult.EMPTY;
            }
            Instant now = clock.instant();
            housekeeping.runDue(now);
            List<OutboxEvent> claimed = claimer.claim(now);
            if (claimed.isEmpty()) {
                claimer.finished(0, Duration.ZERO);
                return BatchResult.EMPTY;
            }
            listener.claimed(claimed);
            BatchResult result = delivery.deliver(claimed);
            claimer.finished(claimed.size(), Duration.between(now, clock.instant()));
            return result;
        } finally {
            batchLock.unlock();
        }
    }

    /**
     * Delivers until nothing is due and nothing will be due within {@code timeout}, or until
     * the processor is stopped; waits between retries as the schedule says. Store failures
     * propagate to the caller.
     */
    public DrainResult drainUntilIdle(Duration timeout) {
        BatchResult totals = BatchResult.EMPTY;
        Instant lastProgress = clock.instant();
        long run = stops;
        while (state != State.STOPPING && state != State.CLOSED && stops == run) {
            BatchResult batch = processOnce();
            totals = totals.plus(batch);
            Instant now = clock.instant();
            if (batch.claimed() > 0) {
                lastProgress = now;
                continue;
            }
            Optional<Instant> next = repository.nextDueAt(scope);
            if (next.isEmpty() || Duration.between(now, next.get()).compareTo(timeout) > 0
                    || Duration.between(lastProgress, now).compareTo(timeout) > 0) {
                return new DrainResult(totals, true, next);
            }
            Duration wait = Duration.between(now, next.get());
            if (wait.compareTo(config.pollInterval()) > 0) {
                wait = config.pollInterval();
            } else if (wait.toMillis() < 10) {
                wait = Duration.ofMillis(10); // due but held by another worker: look again shortly
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new DrainResult(totals, false, Optional.empty());
    }

    /** Statistics for this processor's scope (its user, or everyone) and its handlers. */
    public OutboxStatistics statistics() {
        Instant now = clock.instant();
        return OutboxStatistics.from(repository.snapshot(scope.userId(), now.minus(config.staleAfter())),
                handlers.eventTypes(), now);
    }

    /** The name this processor's claims carry. */
    public String owner() {
        return owner;
    }

    /** The settings it runs with. */
    public ProcessorConfig config() {
        return config;
    }

    /**
     * Stops taking new batches and lets in-flight handlers finish for up to {@code timeout}, their
     * outcomes recorded; handlers not started yet do not start, and handlers still running then
     * are interrupted: those events are released unattempted, safe to retry. Afterwards the
     * processor may be {@linkplain #start() started} again. Does nothing once closed.
     */
    public void stop(Duration timeout) {
        lifecycle.lock();
        try {
            if (state == State.CLOSED) {
                return;
            }
            stopWithin(timeout);
            state = State.IDLE;
        } finally {
            lifecycle.unlock();
        }
    }

    /** Stops as {@link #stop} does within {@link ProcessorConfig#shutdownTimeout()}, for good. */
    @Override
    public void close() {
        lifecycle.lock();
        try {
            if (state == State.CLOSED) {
                return;
            }
            stopWithin(config.shutdownTimeout());
            state = State.CLOSED;
        } finally {
            lifecycle.unlock();
        }
    }

    /** Stops the loop and the batch under way, then closes the threads. Called holding the lifecycle lock. */
    private void stopWithin(Duration timeout) {
        state = State.STOPPING;
        stops++;
        Thread running = loop;
        loop = null;
        trigger();
        boolean interrupted = false;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (running != null) {
                running.join(Math.max(1, timeout.toMillis()));
            }
            // a batch on another thread (a drain) gets what is left of the deadline
            if (!batchLock.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                log.warn("handlers did not finish within {}; interrupting them, their events stay safe to retry",
                        timeout);
                delivery.abandon();
                batchLock.lock();
            }
        } catch (InterruptedException e) {
            interrupted = true;
            delivery.abandon();
            batchLock.lock();
        }
        try {
            delivery.close();
        } finally {
            batchLock.unlock();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        log.info("outbox processor {} stopped", owner);
    }

    private void runLoop(long run) {
        while (state == State.RUNNING && stops == run) {
            Duration wait = config.pollInterval();
            try {
                BatchResult batch = processOnce();
                backoff.answered();
                if (batch.claimed() > 0) {
                    continue;
                }
            } catch (OutboxException e) {
                housekeeping.storeFailed();
                wait = backoff.failed(e);
            } catch (RuntimeException e) {
                housekeeping.storeFailed();
                wait = backoff.failed(new OutboxException("unexpected failure in the outbox loop: " + e.getMessage(), e));
            }
            try {
                awaitWakeUp(wait);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Waits up to {@code timeout} for a trigger or a stop; consumes the trigger. */
    private void awaitWakeUp(Duration timeout) throws InterruptedException {
        wakeLock.lock();
        try {
            long nanos = timeout.toNanos();
            while (!triggered && nanos > 0 && (state == State.RUNNING || state == State.IDLE)) {
                nanos = wakeUp.awaitNanos(nanos);
            }
            triggered = false;
        } finally {
            wakeLock.unlock();
        }
    }
}
