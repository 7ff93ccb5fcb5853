package io.outbox.http;

import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.handler.Delivered;
import io.outbox.handler.HandlerResult;
import io.outbox.handler.OutboxHandler;
import io.outbox.sync.SyncedEntries;
import io.outbox.sync.SyncedEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The handler of one kind of synced entry: it reads the event's entry from the local store at
 * send time (its current state, not the state at the change), refuses an entry of another user
 * than its event's, and hands the rest to the app's {@link #deliver}, usually one
 * {@link EntryDelivery}. An event whose entity id is not an id, or whose entry is gone, fails for
 * good. Thread-safe when the app's part is.
 *
 * @param <T> the app's entry
 */
public abstract class SyncedEntryHandler<T extends SyncedEntry<T>> implements OutboxHandler {
    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String eventType;
    private final String entryName;
    private final SyncedEntries<T> entries;

    /** {@code entryName} names the entries in reasons: "progress entry", "mood entry". */
    protected SyncedEntryHandler(String eventType, String entryName, SyncedEntries<T> entries) {
        this.eventType = eventType;
        this.entryName = entryName;
        this.entries = entries;
    }

    @Override
    public final String eventType() {
        return eventType;
    }

    @Override
    public final HandlerResult handle(OutboxEvent event) {
        Optional<UUID> id = EntryDelivery.entityId(event);
        if (id.isEmpty()) {
            return HandlerResult.failedForGood("entity id " + event.entityId() + " is not a " + entryName + " id");
        }
        String noun = entryName + " " + id.get();
        Optional<T> entry = entries.find(id.get());
        HandlerResult result;
        if (entry.isEmpty()) {
            result = withoutEntry(event, id.get(), noun);
        } else if (!entry.get().userId().equals(event.userId())) {
            result = HandlerResult.failedForGood(noun + " belongs to another user than its event");
        } else {
            result = deliver(event, entry.get(), noun);
        }
        log.debug("{} {}: {}", noun, event.operation().wireName(), result.getClass().getSimpleName());
        return result;
    }

    /**
     * Keeps the backend id each delivered create got on its entry, for the whole batch at once:
     * with the processor's transactor, in the transaction that completes the creates, so an entry
     * has its backend id exactly when its create is completed. An entry no longer stored (a
     * migrated event's) is left alone.
     */
    @Override
    public void keepDelivered(List<Delivered> delivered) {
        for (Delivered d : delivered) {
            if (d.event().operation() == Operation.CREATE && d.data().isPresent()) {
                EntryDelivery.entityId(d.event()).ifPresent(id -> entries.setBackendId(id, d.data().get()));
            }
        }
    }

    /** Delivers the event of an entry of the event's user, found in the local store; {@code noun} names it. */
    protected abstract HandlerResult deliver(OutboxEvent event, T entry, String noun);

    /**
     * The answer when the event's entry is not in the local store: failed for good, nothing to
     * send. An app whose migrated events carry their own payload overrides it.
     */
    protected HandlerResult withoutEntry(OutboxEvent event, UUID id, String noun) {
        return HandlerResult.failedForGood(noun + " is not in the local store any more");
    }

    /** The answer to an update or delete whose entry's create has not reached the backend yet. */
    protected static HandlerResult waitingForCreate(String noun) {
        return HandlerResult.retryLater("waiting for " + noun + " to reach the backend first");
    }
}
