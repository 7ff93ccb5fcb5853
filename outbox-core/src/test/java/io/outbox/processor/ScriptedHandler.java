package io.outbox.processor;

import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerResult;
import io.outbox.handler.OutboxHandler;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A test handler that records every call and answers as its script says. Thread-safe. */
final class ScriptedHandler implements OutboxHandler {
    private final String type;
    private final Function<OutboxEvent, HandlerResult> script;
    private final List<OutboxEvent> calls = new CopyOnWriteArrayList<>();

    ScriptedHandler(String type, Function<OutboxEvent, HandlerResult> script) {
        this.type = type;
        this.script = script;
    }

    static ScriptedHandler succeeding(String type) {
        return new ScriptedHandler(type, e -> HandlerResult.done());
    }

    @Override
    public String eventType() {
        return type;
    }

    @Override
    public HandlerResult handle(OutboxEvent event) {
        calls.add(event);
        return script.apply(event);
    }

    List<OutboxEvent> calls() {
        return List.copyOf(calls);
    }

    List<UUID> calledIds() {
        return calls.stream().map(OutboxEvent::id).toList();
    }
}
