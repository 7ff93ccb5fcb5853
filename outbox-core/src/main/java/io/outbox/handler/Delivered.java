package io.outbox.handler;

import io.outbox.event.OutboxEvent;

import java.util.Objects;
import java.util.Optional;

/**
 * An event its handler delivered in this batch, with what its {@link HandlerResult.Done} asked to
 * keep (a backend id, say), as {@link OutboxHandler#keepDelivered} receives it. Immutable.
 */
public record Delivered(OutboxEvent event, Optional<String> data) {
    /** Checks both. */
    public Delivered {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(data, "data");
    }
}
