package com.lume.sync;

import com.lume.wellness.JournalEntry;
import com.lume.wellness.MoodEntry;
import com.lume.wellness.WellnessEvents;
import com.lume.wellness.usecase.JournalEntries;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Pushes journal entries to {@code /api/v1/wellness/journal-entries} (docs/remote-api.md), like
 * {@link MoodHandler}. A journal entry linked to a mood entry is sent only once that mood entry's
 * create has completed, so its {@code mood_client_id} names something the backend has: until
 * then the handler answers {@link HandlerResult#waitFor} on the mood entry's create event, so the
 * journal entry's event waits without spending an attempt and is due the moment that create
 * completes; when that create fails for good, the outbox fails the journal entry's event for good
 * too, naming it (and the handler says so itself should it find the create failed already).
 * A link to another user's mood entry fails for good; a legacy link to a mood entry this store
 * never had is sent as it is. A tombstone's title and content are erased once its delete is
 * delivered. Thread-safe.
 */
public final class JournalHandler extends SyncedEntryHandler<JournalEntry> {
    static final String PATH = "/api/v1/wellness/journal-entries";

    private final JournalEntries journals;
    private final MoodEntries moods;
    private final Deliveries deliveries;
    private final EntryDelivery delivery;

    /** A handler that reads entries from {@code journals} and {@code moods}, and creates' states from {@code outbox}. */
    public JournalHandler(JournalEntries journals, MoodEntries moods, OutboxRepository outbox, RemoteApi api) {
        super(WellnessEvents.JOURNAL, "journal entry", journals);
        this.journals = journals;
        this.moods = moods;
        this.deliveries = new Deliveries(outbox);
        this.delivery = new EntryDelivery(api);
    }

    @Override
    protected HandlerResult deliver(OutboxEvent event, JournalEntry entry, String noun) {
        return delivery.deliver(event, new EntryDelivery.Target(noun, PATH, entry.backendId(),
                () -> afterMood(event, entry.moodId().map(UUID::toString), () -> body(entry.id().toString(),
                        entry.title(), entry.content(), entry.moodId().map(UUID::toString), entry.date())),
                () -> journals.forgetPrivateText(entry.id()),
                waitingForCreate(noun),
                PrivateText.of(entry.title(), entry.content())));
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
        String title = payload.string("title").orElse("");
        String content = payload.string("content").orElse("");
        Optional<String> mood = payload.uuid("mood_id", "moodId");
        return delivery.deliver(event, new EntryDelivery.Target("migrated " + noun, PATH,
                Migrated.backendId(deliveries, WellnessEvents.JOURNAL, event, payload),
                () -> afterMood(event, mood, () -> body(id.toString(), title, content, mood,
                        Migrated.date(event, payload))),
                () -> { }, Migrated.noBackendId(noun), PrivateText.of(title, content)));
    }

    /** The body, once the linked mood entry (if any) has reached the backend. */
    private EntryDelivery.Body afterMood(OutboxEvent event, Optional<String> moodId,
                                         Supplier<String> body) {
        if (moodId.isEmpty()) {
            return new EntryDelivery.Ready(body.get());
        }
        String mood = moodId.get();
        Optional<MoodEntry> row = parse(mood).flatMap(moods::find);
        if (row.isPresent() && !row.get().userId().equals(event.userId())) {
            return new EntryDelivery.Blocked(HandlerResult.failedForGood("the linked mood entry " + mood
                    + " belongs to another user; nothing was sent"));
        }
        if (row.isPresent() && row.get().backendId().isPresent()) {
            return new EntryDelivery.Ready(body.get());
        }
        Deliveries.CreateState create = deliveries.createOf(WellnessEvents.MOOD, mood);
        if (create instanceof Deliveries.Delivered || (create instanceof Deliveries.Unknown && row.isEmpty())) {
            // Unknown without a row: a legacy link to a mood entry this store never had; sent as it is
            return new EntryDelivery.Ready(body.get());
        }
        if (create instanceof Deliveries.Waiting waiting) {
            return new EntryDelivery.Blocked(waitFor(mood, waiting.createEventId()));
        }
        if (create instanceof Deliveries.FailedForGood failed) {
            // the outbox fails this event for good naming that create, and revives it when the create is retried
            return new EntryDelivery.Blocked(waitFor(mood, failed.createEventId()));
        }
        // Unknown with a row: a mood entry made before the outbox, not yet backfilled; looked at again later
        return new EntryDelivery.Blocked(HandlerResult.retryLater("waiting for mood entry " + mood
                + " to reach the backend"));
    }

    private static HandlerResult waitFor(String mood, UUID create) {
        return HandlerResult.waitFor(create, "waiting for mood entry " + mood + " to reach the backend (its create,"
                + " event " + create + ")");
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    static String body(String clientId, String title, String content, Optional<String> moodClientId, Instant date) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", clientId);
        body.put("title", title);
        body.put("content", content);
        body.put("mood_client_id", moodClientId.orElse(null));
        body.put("date", date.toString());
        return Json.write(body);
    }
}
