package com.fitiq.sync;

import com.fitiq.progress.ProgressEntry;
import com.fitiq.progress.ProgressEvents;
import com.fitiq.progress.usecase.ProgressEntries;
import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerResult;
import io.outbox.handler.OutboxHandler;
import io.outbox.http.Call;
import io.outbox.http.Json;
import io.outbox.http.RemoteApi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Pushes progress entries to {@code /api/v1/progress} (docs/remote-api.md): the entry's current
 * state, the event id as {@code Idempotency-Key}, and the backend id stored on the entry once
 * its create is delivered. Updates and deletes run after their entry's create (the outbox
 * keeps each entity's order), so they always find the backend id. Thread-safe.
 */
public final class ProgressHandler implements OutboxHandler {
    static final String PATH = "/api/v1/progress";

    private final ProgressEntries entries;
    private final RemoteApi api;

    public ProgressHandler(ProgressEntries entries, RemoteApi api) {
        this.entries = entries;
        this.api = api;
    }

    @Override
    public String eventType() {
        return ProgressEvents.TYPE;
    }

    @Override
    public HandlerResult handle(OutboxEvent event) {
        UUID id;
        try {
            id = UUID.fromString(event.entityId());
        } catch (IllegalArgumentException e) {
            return HandlerResult.failedForGood("entity id " + event.entityId() + " is not a progress entry id");
        }
        Optional<ProgressEntry> entry = entries.find(id);
        if (entry.isEmpty()) {
            return HandlerResult.failedForGood("progress entry " + id + " is not in the local store any more");
        }
        return switch (event.operation()) {
            case CREATE -> create(event, entry.get());
            case UPDATE -> withBackendId(entry.get(), backendId -> api.send(
                    Call.put(PATH + "/" + backendId, body(entry.get()), event.id())));
            case DELETE -> withBackendId(entry.get(), backendId -> api.send(
                    Call.delete(PATH + "/" + backendId, event.id())));
        };
    }

    private HandlerResult create(OutboxEvent event, ProgressEntry entry) {
        if (entry.backendId().isPresent()) {
            return HandlerResult.done(entry.backendId().get()); // an earlier attempt got through
        }
        HandlerResult result = api.send(Call.post(PATH, body(entry), event.id()));
        if (result instanceof HandlerResult.Done done && done.data().isPresent()) {
            entries.setBackendId(entry.id(), done.data().get());
        }
        return result;
    }

    private static HandlerResult withBackendId(ProgressEntry entry,
                                               java.util.function.Function<String, HandlerResult> call) {
        return entry.backendId().map(call).orElseGet(() -> HandlerResult.retryLater(
                "waiting for entry " + entry.id() + " to reach the backend first"));
    }

    static String body(ProgressEntry entry) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", entry.id().toString());
        body.put("type", entry.type().wireName());
        body.put("quantity", entry.quantity());
        body.put("unit", entry.unit());
        body.put("date", entry.date().toString());
        return Json.write(body);
    }
}
