package io.outbox.processor;

import io.outbox.event.OutboxEvent;
import io.outbox.handler.Delivered;
import io.outbox.handler.HandlerRegistry;
import io.outbox.handler.HandlerResult;
import io.outbox.listener.OutboxListener;
import io.outbox.repository.Completion;
import io.outbox.repository.Failure;
import io.outbox.repository.OutboxRepository;
import io.outbox.repository.Wait;
import io.outbox.retry.RetryPolicy;
import io.outbox.sync.Transactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Turns handler answers into stored outcomes: completions, failures and waits are each written
 * in one batched call (waits last, so an event waiting on one completed in the same batch is due
 * at once), then the listener hears of them. What the handlers keep of their deliveries
 * ({@link io.outbox.handler.OutboxHandler#keepDelivered}) is written just before the completions,
 * in their transaction when the processor has a {@link Transactor}. Stateless apart from its collaborators;
 * thread-safe.
 */
final class OutcomeRecorder {
    private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);

    private final OutboxRepository repository;
    private final RetryPolicy retryPolicy;
    private final Optional<Integer> maxAttemptsOverride;
    private final DoubleSupplier random;
    private final OutboxListener listener;
    private final String owner;
    private final Duration waitRecheck;
    private final HandlerRegistry handlers;
    private final Optional<Transactor> transactor;

    OutcomeRecorder(OutboxRepository repository, ProcessorConfig config, DoubleSupplier random,
                    OutboxListener listener, String owner, HandlerRegistry handlers, Optional<Transactor> transactor) {
        this.repository = repository;
        this.retryPolicy = config.retryPolicy();
        this.maxAttemptsOverride = config.maxAttemptsOverride();
        this.random = random;
        this.listener = listener;
        this.owner = owner;
        this.waitRecheck = config.waitRecheck();
        this.handlers = handlers;
        this.transactor = transactor;
    }

    BatchResult record(List<Attempt> attempts, Instant now) {
        List<Delivered> delivered = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        List<Wait> waits = new ArrayList<>();
        List<Runnable> notices = new ArrayList<>();
        int retried = 0;
        int failedForGood = 0;
        for (Attempt attempt : attempts) {
            OutboxEvent event = attempt.event();
            HandlerResult result = attempt.result();
            if (result instanceof HandlerResult.Done done) {
                delivered.add(new Delivered(event, done.data()));
                Duration latency = Duration.between(event.createdAt(), now);
                notices.add(() -> listener.delivered(event, attempt.handlerTime(), latency));
                log.debug("delivered {} ({} {}) in {} attempts", event.id(), event.eventType(),
                        event.operation().wireName(), event.attemptCount());
                continue;
            }
            if (result instanceof HandlerResult.WaitFor wait) {
                waits.add(new Wait(event.id(), owner, wait.awaited(), wait.reason(), now.plus(waitRecheck), now));
                notices.add(() -> listener.waiting(event, wait.awaited(), wait.reason()));
                log.debug("{} waits for {}: {}", event.id(), wait.awaited(), wait.reason());
                continue;
            }
            Failure failure = failureOf(event, result, now);
            failures.add(failure);
            if (failure.retryAt().isPresent()) {
                retried++;
                Instant next = failure.retryAt().get();
                notices.add(() -> listener.retried(event, failure.reason(), next, attempt.handlerTime()));
                log.debug("attempt {} of {} failed, retry at {}: {}", event.attemptCount(), event.id(), next,
                        failure.reason());
            } else {
                failedForGood++;
                notices.add(() -> listener.failedForGood(event, failure.reason(), attempt.handlerTime()));
                log.info("event {} ({} of entity {}) failed for good: {}", event.id(), event.eventType(),
                        event.entityId(), failure.reason());
            }
        }
        writeAll(delivered, failures, now);
        park(waits);
        notices.forEach(Runnable::run);
        return new BatchResult(attempts.size(), delivered.size(), retried, failedForGood, 0, waits.size());
    }

    /** Written after completions, so an event waiting on one completed in this batch is due at once. */
    private void park(List<Wait> waits) {
        int parked = waits.isEmpty() ? 0 : repository.park(waits);
        if (parked != waits.size()) {
            log.warn("{} of {} waits were not recorded: their claims had passed to another worker",
                    waits.size() - parked, waits.size());
        }
    }

    /** Each handler keeps what its deliveries of the batch got, its events in one call. */
    private void keepDelivered(List<Delivered> delivered) {
        Map<String, List<Delivered>> byType = new LinkedHashMap<>();
        delivered.forEach(d -> byType.computeIfAbsent(d.event().eventType(), type -> new ArrayList<>()).add(d));
        byType.forEach((type, mine) -> handlers.forType(type).ifPresent(h -> h.keepDelivered(List.copyOf(mine))));
    }

    private Failure failureOf(OutboxEvent event, HandlerResult result, Instant now) {
        if (result instanceof HandlerResult.FailedForGood permanent) {
            return new Failure(event.id(), owner, now, permanent.reason(), Optional.empty());
        }
        HandlerResult.RetryLater retry = (HandlerResult.RetryLater) result;
        int limit = maxAttemptsOverride.orElse(event.maxAttempts());
        if (event.attemptCount() >= limit) {
            String reason = "gave up after " + event.attemptCount() + " attempts: " + retry.reason();
            return new Failure(event.id(), owner, now, reason, Optional.empty());
        }
        Instant next = retryPolicy.nextAttempt(event.attemptCount(), now, retry.notBefore(), random);
        return new Failure(event.id(), owner, now, retry.reason(), Optional.of(next));
    }

    private void writeAll(List<Delivered> delivered, List<Failure> failures, Instant now) {
        List<Completion> completions = delivered.stream()
                .map(d -> new Completion(d.event().id(), owner, now, d.data())).toList();
        int[] written = new int[1];
        Runnable writes = () -> {
            keepDelivered(delivered);
            if (!completions.isEmpty()) {
                written[0] += repository.markCompleted(completions);
            }
            if (!failures.isEmpty()) {
                written[0] += repository.markFailed(failures);
            }
        };
        if (transactor.isPresent() && !delivered.isEmpty()) {
            transactor.get().inTransaction(recorder -> writes.run());
        } else {
            writes.run();
        }
        int expected = completions.size() + failures.size();
        int recorded = written[0];
        if (recorded != expected) {
            // Our lease ran out and another worker took some events over; its outcome stands.
            log.warn("{} of {} outcomes were not recorded: their claims had passed to another worker",
                    expected - recorded, expected);
        }
    }
}
