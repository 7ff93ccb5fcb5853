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
 * poll interval. Its loop survives store failures (logged once, then backed off). It owns
 * its threads and stops them in {@link #close()}. Thread-safe: batches never overlap.
 */
public final class OutboxProcessor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxProcessor.class);
    private static final Duration MIN_STORE_BACKOFF = Duration.ofMillis(100);

    private enum State { IDLE, RUNNING, STOPPING, CLOSED }

    private final OutboxRepository repository;
    private final HandlerRegistry handlers;
    private final ProcessorConfig config;
    private final Clock clock;
    private final Sleeper sleeper;
    private final OutboxListener listener;
    private final Scope scope;
    private final String owner;
    private final HandlerRunner runner;
    private final BatchClaimer claimer;
    private final OutcomeRecorder recorder;
    private final Housekeeping housekeeping;
    private final ReentrantLock batchLock = new ReentrantLock();
    private final ReentrantLock wakeLock = new ReentrantLock();
    private final Condition wakeUp = wakeLock.newCondition();
    private boolean triggered;
    private volatile State state = State.IDLE;
    private Thread loop;
    private int storeFailures;

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
        this.runner = new HandlerRunner(handlers, config.concurrency(), "outbox-" + owner);
        this.claimer = new BatchClaimer(repository, config, scope, owner);
        this.recorder = new OutcomeRecorder(repository, config, b.random, listener, owner);
        this.housekeeping = new Housekeeping(repository, config, listener, b.exclusiveStore);
    }

    /** A builder of a processor that delivers the events {@code repository} holds. */
    public static OutboxProcessorBuilder builder(OutboxRepository repository) {
        return new OutboxProcessorBuilder(repository);
    }

    /** Starts the background loop. Idempotent while running. */
    public synchronized void start() {
        if (state == State.RUNNING) {
            return;
        }
        if (state != State.IDLE) {
            throw new IllegalStateException("a stopped processor cannot be started again; build a new one");
        }
        state = State.RUNNING;
        loop = new Thread(this::runLoop, "outbox-loop-" + owner);
        loop.setDaemon(true);
        loop.start();
        log.info("outbox processor {} started for {} (types {})", owner,
                scope.userId().map(u -> "user " + u).orElse("all users"), handlers.eventTypes());
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
            HandlerRunner.Outcome outcome = runner.run(claimed);
            Instant done = clock.instant();
            BatchResult result = recorder.record(outcome.finished(), done);
            int released = releaseUnfinished(outcome.unfinished());
            claimer.finished(claimed.size(), Duration.between(now, done));
            return result.plus(new BatchResult(outcome.unfinished().size(), 0, 0, 0, released));
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
        while (state != State.STOPPING && state != State.CLOSED) {
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
     * Stops taking new batches and lets in-flight handlers finish for up to {@code timeout};
     * handlers still running then are interrupted and their events released, safe to retry.
     */
    public void stop(Duration timeout) {
        Thread running;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.STOPPING;
            running = loop;
        }
        trigger();
        try {
            if (running != null) {
                running.join(timeout.toMillis());
            }
            if (!batchLock.tryLock(running == null ? timeout.toMillis() : 0, TimeUnit.MILLISECONDS)) {
                log.warn("handlers did not finish within {}; interrupting them, their events stay safe to retry",
                        timeout);
                runner.abandon();
                batchLock.lock();
            }
            batchLock.unlock();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            runner.abandon();
        } finally {
            state = State.CLOSED;
            runner.close();
        }
        log.info("outbox processor {} stopped", owner);
    }

    @Override
    public void close() {
        stop(config.shutdownTimeout());
    }

    private int releaseUnfinished(List<OutboxEvent> unfinished) {
        if (unfinished.isEmpty()) {
            return 0;
        }
        List<UUID> ids = unfinished.stream().map(OutboxEvent::id).toList();
        try {
            return repository.release(ids, owner, clock.instant());
        } catch (OutboxException e) {
            log.warn("could not release {} unfinished events; they come back when their lease ends", ids.size(), e);
            return 0;
        }
    }

    private void runLoop() {
        while (state == State.RUNNING) {
            Duration wait = config.pollInterval();
            try {
                BatchResult batch = processOnce();
                storeRecovered();
                if (batch.claimed() > 0) {
                    continue;
                }
            } catch (OutboxException e) {
                wait = storeFailed(e);
            } catch (RuntimeException e) {
                wait = storeFailed(new OutboxException("unexpected failure in the outbox loop: " + e.getMessage(), e));
            }
            try {
                awaitWakeUp(wait);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Duration storeFailed(OutboxException e) {
        storeFailures++;
        housekeeping.storeFailed();
        if (storeFailures == 1) {
            log.error("outbox store failed; retrying with backoff until it answers: {}", e.getMessage(), e);
            listener.storeFailed(e);
        } else {
            log.debug("outbox store still failing (try {}): {}", storeFailures, e.getMessage());
        }
        long factor = 1L << Math.min(storeFailures - 1, 16);
        Duration backoff = MIN_STORE_BACKOFF.multipliedBy(factor);
        return backoff.compareTo(config.maxStoreBackoff()) > 0 ? config.maxStoreBackoff() : backoff;
    }

    private void storeRecovered() {
        if (storeFailures > 0) {
            log.info("outbox store answers again after {} failed tries", storeFailures);
            storeFailures = 0;
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
