package io.outbox.testing;

import io.outbox.event.OutboxEvent;
import io.outbox.handler.Delivered;
import io.outbox.handler.HandlerResult;
import io.outbox.handler.OutboxHandler;

import java.util.List;

/** Calls a handler as the processor does, outside a processor: for a handler's own tests. Stateless. */
public final class Handlers {
    private Handlers() {
    }

    /**
     * Handles {@code event} and, when it was delivered, lets the handler keep what the delivery got
     * ({@link OutboxHandler#keepDelivered}), as the processor does for a batch of one.
     */
    public static HandlerResult deliverAlone(OutboxHandler handler, OutboxEvent event) {
        HandlerResult result = handler.handle(event);
        if (result instanceof HandlerResult.Done done) {
            handler.keepDelivered(List.of(new Delivered(event, done.data())));
        }
        return result;
    }
}
