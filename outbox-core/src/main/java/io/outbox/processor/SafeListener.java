package io.outbox.processor;

import io.outbox.OutboxException;
import io.outbox.event.OutboxEvent;
import io.outbox.listener.OutboxListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Shields the processor from a listener that throws: the failure is logged and delivery goes on. */
final class SafeListener implements OutboxListener {
    private static final Logger log = LoggerFactory.getLogger(SafeListener.class);
    private final OutboxListener delegate;

    SafeListener(OutboxListener delegate) {
        this.delegate = delegate;
    }

    private void guard(String hook, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("outbox listener {} threw in {}; ignored", delegate.getClass().getName(), hook, e);
        }
    }

    @Override
    public void claimed(List<OutboxEvent> events) {
        guard("claimed", () -> delegate.claimed(events));
    }

    @Override
    public void delivered(OutboxEvent event, Duration handlerTime, Duration latency) {
        guard("delivered", () -> delegate.delivered(event, handlerTime, latency));
    }

    @Override
    public void retried(OutboxEvent event, String reason, Instant nextAttemptAt) {
        guard("retried", () -> delegate.retried(event, reason, nextAttemptAt));
    }

    @Override
    public void retried(OutboxEvent event, String reason, Instant nextAttemptAt, Duration handlerTime) {
        guard("retried", () -> delegate.retried(event, reason, nextAttemptAt, handlerTime));
    }

    @Override
    public void failedForGood(OutboxEvent event, String reason) {
        guard("failedForGood", () -> delegate.failedForGood(event, reason));
    }

    @Override
    public void failedForGood(OutboxEvent event, String reason, Duration handlerTime) {
        guard("failedForGood", () -> delegate.failedForGood(event, reason, handlerTime));
    }

    @Override
    public void reclaimed(int count) {
        guard("reclaimed", () -> delegate.reclaimed(count));
    }

    @Override
    public void cleanedUp(int count) {
        guard("cleanedUp", () -> delegate.cleanedUp(count));
    }

    @Override
    public void storeFailed(OutboxException failure) {
        guard("storeFailed", () -> delegate.storeFailed(failure));
    }

    @Override
    public void waiting(OutboxEvent event, java.util.UUID awaited, String reason) {
        guard("waiting", () -> delegate.waiting(event, awaited, reason));
    }
}
