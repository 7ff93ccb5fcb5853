package com.lume.sync;

import com.lume.wellness.MoodEntry;
import com.lume.wellness.WellnessEvents;
import com.lume.wellness.usecase.MoodEntries;
import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerResult;
import io.outbox.http.EntryDelivery;
import io.outbox.http.Json;
import io.outbox.http.PrivateText;
import io.outbox.http.RemoteApi;
import io.outbox.http.SyncedEntryHandler;
import io.outbox.repository.OutboxRepository;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Pushes mood entries to {@code /api/v1/wellness/mood-entries} (docs/remote-api.md): the entry's state
 * read from its row at send time, or, for an event migrated from the legacy outbox whose entry
 * has no row, from the legacy payload. The backend id is stored on the row once the create is
 * delivered (a migrated create keeps it as its event's result); a tombstone's note is erased once
 * its delete is delivered. Thread-safe.
 */
public final class MoodHandler extends SyncedEntryHandler<MoodEntry> {
    static final String PATH = "/api/v1/wellness/mood-entries";

    private final MoodEntries moods;
    private final Deliveries deliveries;
    private final EntryDelivery delivery;

    public MoodHandler(MoodEntries moods, OutboxRepository outbox, RemoteApi api) {
        super(WellnessEvents.MOOD, "mood entry", moods);
        this.moods = moods;
        this.deliveries = new Deliveries(outbox);
        this.delivery = new EntryDelivery(api);
    }

    @Override
    protected HandlerResult deliver(OutboxEvent event, MoodEntry entry, String noun) {
        return delivery.deliver(event, new EntryDelivery.Target(noun, PATH, entry.backendId(),
                () -> new EntryDelivery.Ready(body(entry.id().toString(), entry.valence(), entry.labels(),
                        entry.note(), entry.date())),
                () -> moods.forgetPrivateText(entry.id()),
                waitingForCreate(noun),
                PrivateText.of(entry.note().orElse(null))));
    }

    /** An event migrated from the legacy outbox carries its entry in its payload; Lume's own do not. */
    @Override
    protected HandlerResult withoutEntry(OutboxEvent event, UUID id, String noun) {
        LegacyPayload.Reading reading = LegacyPayload.read(event);
        if (reading instanceof LegacyPayload.OwnEvent) {
            return super.withoutEntry(event, id, noun);
        }
        if (reading instanceof LegacyPayload.Unreadable unreadable) {
            return HandlerResult.failedForGood("migrated " + noun + ": " + unreadable.why() + "; nothing was sent");
        }
        LegacyPayload payload = ((LegacyPayload.Legacy) reading).payload();
        Optional<String> note = payload.string("note");
        return delivery.deliver(event, new EntryDelivery.Target("migrated " + noun, PATH,
                Migrated.backendId(deliveries, WellnessEvents.MOOD, event, payload), () -> legacyBody(event, id, payload),
                () -> { }, Migrated.noBackendId(noun), PrivateText.of(note.orElse(null))));
    }

    private static EntryDelivery.Body legacyBody(OutboxEvent event, UUID id, LegacyPayload payload) {
        Optional<Double> valence = payload.number("valence").filter(v -> v >= -1 && v <= 1);
        if (valence.isEmpty()) {
            return new EntryDelivery.Blocked(HandlerResult.failedForGood("migrated mood entry " + id
                    + " has no valence from -1 to 1 in its legacy payload; nothing was sent"));
        }
        return new EntryDelivery.Ready(body(id.toString(), valence.get(), payload.strings("labels"),
                payload.string("note"), Migrated.date(event, payload)));
    }

    static String body(String clientId, double valence, List<String> labels, Optional<String> note, Instant date) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", clientId);
        body.put("valence", valence);
        body.put("labels", labels);
        body.put("note", note.orElse(null));
        body.put("date", date.toString());
        return Json.write(body);
    }
}
