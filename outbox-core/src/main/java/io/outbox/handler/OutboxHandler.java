package io.outbox.handler;

import io.outbox.event.OutboxEvent;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Delivers events of one type. Implementations must be thread-safe: the processor calls
 * them from several threads at once, for different entities. A runtime exception thrown
 * here counts as {@link HandlerResult.RetryLater} with its message.
 *
 * <p>Delivery is at least once: after a crash an event may be handed over again, with the
 * same id. Handlers make that harmless by sending the event id as an idempotency key.
 *
 * <p>While {@link #handle} runs, SLF4J's MDC holds {@code outbox.event_id},
 * {@code outbox.event_type}, {@code outbox.entity_id} and {@code outbox.user_id}, so every line
 * a handler logs can name its event (with logback: {@code %X{outbox.event_id}}).
 */
public interface OutboxHandler {

    /** The one event type this handler takes. */
    String eventType();

    /** Delivers one event and says how it went. */
    HandlerResult handle(OutboxEvent event);

    /**
     * Keeps what the batch's deliveries of this handler's type got (a backend id on the entry,
     * say). The processor calls it once per batch, after the handlers ran and before their
     * events are marked completed; with a {@link io.outbox.sync.Transactor} given to the
     * processor, in the same transaction as those completions, so what is kept commits with them
     * and a batch costs one commit instead of one per event. An exception rolls the completions
     * back: the events come back when their lease ends, and their idempotency keys make the
     * repeat harmless. Nothing by default.
     */
    default void keepDelivered(List<Delivered> delivered) {
    }

    /**
     * A handler of {@code eventType} that delivers with {@code body} (which must be thread-safe):
     * for a handler that is one function, such as a test's or a benchmark's.
     */
    static OutboxHandler of(String eventType, Function<OutboxEvent, HandlerResult> body) {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(body, "body");
        return new OutboxHandler() {
            @Override
            public String eventType() {
                return eventType;
            }

            @Override
            public HandlerResult handle(OutboxEvent event) {
                return body.apply(event);
            }

            @Override
            public String toString() {
                return "OutboxHandler[" + eventType + "]";
            }
        };
    }
}
