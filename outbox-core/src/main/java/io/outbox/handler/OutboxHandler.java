package io.outbox.handler;

import io.outbox.event.OutboxEvent;

/**
 * Delivers events of one type. Implementations must be thread-safe: the processor calls
 * them from several threads at once, for different entities. A runtime exception thrown
 * here counts as {@link HandlerResult.RetryLater} with its message.
 *
 * <p>Delivery is at least once: after a crash an event may be handed over again, with the
 * same id. Handlers make that harmless by sending the event id as an idempotency key.
 */
public interface OutboxHandler {

    /** The one event type this handler takes. */
    String eventType();

    HandlerResult handle(OutboxEvent event);
}
