package com.lume.sync;

import com.lume.privacy.PrivateText;
import com.lume.wellness.MoodEntry;
import com.lume.wellness.WellnessEvents;
import com.lume.wellness.usecase.MoodEntries;
import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerResult;
import io.outbox.handler.OutboxHandler;
import io.outbox.http.Json;
import io.outbox.http.RemoteApi;
import io.outbox.repository.OutboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
public final class MoodHandler implements OutboxHandler {
    static final String PATH = "/api/v1/wellness/mood-entries";
    private static final Logger log = LoggerFactory.getLogger(MoodHandler.class);

    private final MoodEntries moods;
    private final Deliveries deliveries;
    private final EntryDelivery delivery;

    public MoodHandler(MoodEntries moods, OutboxRepository outbox, RemoteApi api) {
        this.moods = moods;
        this.deliveries = new Deliveries(outbox);
        this.delivery = new EntryDelivery(api);
    }

    @Override
    public String eventType() {
        return WellnessEvents.MOOD;
    }

    @Override
    public HandlerResult handle(OutboxEvent event) {
        Optional<UUID> id = EntryDelivery.entityId(event);
        if (id.isEmpty()) {
            return HandlerResult.failedForGood("entity id " + event.entityId() + " is not a mood entry id");
        }
        Optional<MoodEntry> row = moods.find(id.get());
        HandlerResult result = row.map(entry -> fromRow(event, entry)).orElseGet(() -> fromPayload(event, id.get()));
        log.debug("mood entry {} {}: {}", id.get(), event.operation().wireName(), result.getClass().getSimpleName());
        return result;
    }

    private HandlerResult fromRow(OutboxEvent event, MoodEntry entry) {
        String noun = "mood entry " + entry.id();
        if (!entry.userId().equals(event.userId())) {
            return HandlerResult.failedForGood(noun + " belongs to another user than its event");
        }
        return delivery.deliver(event, new EntryDelivery.Target(noun, PATH, entry.backendId(),
                () -> new EntryDelivery.Ready(body(entry.id().toString(), entry.valence(), entry.labels(),
                        entry.note(), entry.date())),
                backendId -> moods.setBackendId(entry.id(), backendId), () -> moods.forgetPrivateText(entry.id()),
                HandlerResult.retryLater("waiting for " + noun + " to reach the backend first"),
                PrivateText.of(entry.note().orElse(null))));
    }

    private HandlerResult fromPayload(OutboxEvent event, UUID id) {
        String noun = "mood entry " + id;
        LegacyPayload.Reading reading = LegacyPayload.read(event);
        if (reading instanceof LegacyPayload.OwnEvent) {
            return HandlerResult.failedForGood(noun + " is not in the local store any more");
        }
        if (reading instanceof LegacyPayload.Unreadable unreadable) {
            return HandlerResult.failedForGood("migrated " + noun + ": " + unreadable.why() + "; nothing was sent");
        }
        LegacyPayload payload = ((LegacyPayload.Legacy) reading).payload();
        Optional<String> note = payload.string("note");
        return delivery.deliver(event, new EntryDelivery.Target("migrated " + noun, PATH,
                Migrated.backendId(deliveries, WellnessEvents.MOOD, event, payload), () -> legacyBody(event, id, payload),
                backendId -> { }, () -> { }, Migrated.noBackendId(noun), PrivateText.of(note.orElse(null))));
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
