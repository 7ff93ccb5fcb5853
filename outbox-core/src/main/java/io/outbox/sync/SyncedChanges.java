package io.outbox.sync;

import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The writes every app's use cases make on its synced entries, each change and its outbox event
 * in one transaction: add, change, delete (a tombstone and a delete event), and the listing of
 * a user's live entries with their sync state. An app's service validates its commands, then
 * calls these. Thread-safe when its ports are.
 *
 * @param <T> the app's entry
 */
public final class SyncedChanges<T extends SyncedEntry<T>> {
    private final SyncedEntries<T> entries;
    private final Transactor transactor;
    private final SyncStates syncStates;
    private final Events<T> events;
    private final NotFound notFound;
    private final Clock clock;

    /** Makes the event of one change of an entry (its type and metadata are the app's). */
    @FunctionalInterface
    public interface Events<T> {
        /** The event of {@code operation} on {@code entry}, with {@code priority}, created at {@code at}. */
        OutboxEvent of(T entry, Operation operation, int priority, Instant at);
    }

    /** The failure for an entry the user does not have, or has deleted (the app's bad-input exception). */
    @FunctionalInterface
    public interface NotFound {
        /** The failure to throw for entry {@code id} of {@code userId}. */
        RuntimeException of(String userId, UUID id);
    }

    /** What a change may do besides its own write, in the same transaction. */
    @FunctionalInterface
    public interface AlsoInTransaction<T> {
        /** Runs on the changed {@code entry}; events go to {@code outbox}, {@code now} is the change's time. */
        void run(T entry, Transactor.Recorder outbox, Instant now);
    }

    /** Changes over the app's entries and ports; {@code clock} dates the events. */
    public SyncedChanges(SyncedEntries<T> entries, Transactor transactor, SyncStates syncStates, Events<T> events,
                         NotFound notFound, Clock clock) {
        this.entries = entries;
        this.transactor = transactor;
        this.syncStates = syncStates;
        this.events = events;
        this.notFound = notFound;
        this.clock = clock;
    }

    /**
     * The current time, for entries dated now. A change's events carry the time read inside its
     * transaction, once the store is open (a store opened on first use may take a second), so an
     * event's creation time lies just before the commit that makes it visible.
     */
    public Instant now() {
        return clock.instant();
    }

    /** Adds the entries, each with a create event of {@code priority}, all in one transaction. */
    public void add(List<T> added, int priority) {
        add(added, priority, outbox -> { });
    }

    /**
     * As {@link #add(List, int)}, running {@code check} first in the same transaction (a check of
     * what the entries refer to, say; its exception rolls everything back).
     */
    public void add(List<T> added, int priority, Consumer<Transactor.Recorder> check) {
        transactor.inTransaction(outbox -> {
            Instant now = clock.instant();
            check.accept(outbox);
            for (T entry : added) {
                entries.insert(entry);
                outbox.record(events.of(entry, Operation.CREATE, priority, now));
            }
        });
    }

    /** The user's live entry; the app's not-found failure otherwise. */
    public T live(String userId, UUID id) {
        return entries.findLive(userId, id).orElseThrow(() -> notFound.of(userId, id));
    }

    /**
     * Changes the user's live entry with {@code change} (given the stored one) and records an
     * update event of {@code priority}, in one transaction. An exception of {@code change}
     * (the app's check of the new state) rolls it back.
     */
    public void change(String userId, UUID id, int priority, UnaryOperator<T> change) {
        transactor.inTransaction(outbox -> {
            Instant now = clock.instant();
            T entry = change.apply(live(userId, id));
            entries.update(entry);
            outbox.record(events.of(entry, Operation.UPDATE, priority, now));
        });
    }

    /** Deletes the user's live entry (a tombstone) and records a delete event of {@code priority}. */
    public void delete(String userId, UUID id, int priority) {
        delete(userId, id, priority, (entry, outbox, now) -> { });
    }

    /** As {@link #delete(String, UUID, int)}, with {@code also} run after it in the same transaction. */
    public void delete(String userId, UUID id, int priority, AlsoInTransaction<T> also) {
        transactor.inTransaction(outbox -> {
            Instant now = clock.instant();
            T deleted = live(userId, id).asDeleted();
            entries.update(deleted);
            outbox.record(events.of(deleted, Operation.DELETE, priority, now));
            also.run(deleted, outbox, now);
        });
    }

    /** The user's live entries, oldest first, each made into a view with its sync state. */
    public <V> List<V> list(String userId, BiFunction<T, SyncState, V> view) {
        Map<String, SyncState> unsynced = syncStates.unsynced(userId);
        return entries.listLive(userId).stream()
                .map(e -> view.apply(e, unsynced.getOrDefault(e.id().toString(), SyncState.SYNCED))).toList();
    }
}
