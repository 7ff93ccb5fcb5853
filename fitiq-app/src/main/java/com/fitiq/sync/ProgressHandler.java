package com.fitiq.sync;

import com.fitiq.progress.ProgressEntry;
import com.fitiq.progress.ProgressEvents;
import com.fitiq.progress.usecase.ProgressEntries;
import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerResult;
import io.outbox.http.EntryDelivery;
import io.outbox.http.Json;
import io.outbox.http.RemoteApi;
import io.outbox.http.SyncedEntryHandler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pushes progress entries to {@code /api/v1/progress} (docs/remote-api.md): the entry's current
 * state, the event id as {@code Idempotency-Key}, and the backend id stored on the entry once its
 * create is delivered. Updates and deletes run after their entry's create (the outbox keeps each
 * entity's order), so they find the backend id. Thread-safe.
 */
public final class ProgressHandler extends SyncedEntryHandler<ProgressEntry> {
    static final String PATH = "/api/v1/progress";

    private final ProgressEntries entries;
    private final EntryDelivery delivery;

    public ProgressHandler(ProgressEntries entries, RemoteApi api) {
        super(ProgressEvents.TYPE, "progress entry", entries);
        this.entries = entries;
        this.delivery = new EntryDelivery(api);
    }

    @Override
    protected HandlerResult deliver(OutboxEvent event, ProgressEntry entry, String noun) {
        return delivery.deliver(event, new EntryDelivery.Target(noun, PATH, entry.backendId(),
                () -> new EntryDelivery.Ready(body(entry)), () -> { }, waitingForCreate(noun), List.of()));
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
