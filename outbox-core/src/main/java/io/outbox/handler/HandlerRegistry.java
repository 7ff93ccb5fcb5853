package io.outbox.handler;

import io.outbox.InvalidConfigurationException;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One handler per event type, fixed when built. Immutable and thread-safe. */
public final class HandlerRegistry {
    private final Map<String, OutboxHandler> byType;

    private HandlerRegistry(Map<String, OutboxHandler> byType) {
        this.byType = Map.copyOf(byType);
    }

    /** Rejects two handlers for one type: which of them would deliver would be an accident. */
    public static HandlerRegistry of(Collection<? extends OutboxHandler> handlers) {
        Map<String, OutboxHandler> map = new LinkedHashMap<>();
        for (OutboxHandler handler : handlers) {
            OutboxHandler previous = map.putIfAbsent(handler.eventType(), handler);
            if (previous != null) {
                throw new InvalidConfigurationException("two handlers registered for event type '"
                        + handler.eventType() + "': " + previous.getClass().getName() + " and "
                        + handler.getClass().getName() + "; register one handler per type");
            }
        }
        return new HandlerRegistry(map);
    }

    /** The handler of {@code eventType}, if there is one. */
    public Optional<OutboxHandler> forType(String eventType) {
        return Optional.ofNullable(byType.get(eventType));
    }

    /** The event types that have a handler. */
    public Set<String> eventTypes() {
        return byType.keySet();
    }
}
