package io.outbox.cli;

import io.outbox.event.OutboxEvent;
import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.UnsyncedEntriesBackfill;
import io.outbox.jpa.UnsyncedEntriesBackfill.Source;
import io.outbox.jpa.UnsyncedEntriesBackfill.StoredEntry;
import io.outbox.repository.EventQuery;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads one user's events and entries from an open store for {@link OutboxVerification}, so
 * that what other processes commit meanwhile (an add and its event, a sync storing a backend id
 * and completing the create) never shows as a mismatch: events, then entries, then events
 * again, and a missing event's entry read once more. Stateless.
 */
final class MismatchFinder {
    private MismatchFinder() {
    }

    /**
     * What was found.
     *
     * @param entriesChecked the user's entries read, tombstones included
     * @param eventsChecked  the user's events read
     */
    record Found(List<OutboxVerification.Mismatch> mismatches, int entriesChecked, int eventsChecked) {
        Found {
            mismatches = List.copyOf(mismatches);
        }
    }

    /** The user's mismatches on {@code store}, as {@code app} knows its entries. */
    static Found find(OutboxStore store, OutboxApp app, String user) {
        List<Source> sources = app.entrySources();
        EventQuery all = new EventQuery(Optional.of(user), Optional.empty(), EventQuery.UNLIMITED);
        List<OutboxEvent> before = store.repository().find(all);
        List<StoredEntry> entries = UnsyncedEntriesBackfill.entriesOf(store, sources, user);
        List<OutboxEvent> after = store.repository().find(all);
        List<OutboxVerification.Mismatch> found = OutboxVerification.check(before, entries, after, sources,
                app::deliverableWithoutEntity);
        if (found.stream().anyMatch(m -> m.kind() == OutboxVerification.Kind.MISSING_EVENT)) {
            // a sync may have stored the backend id after the entries were read, then completed the create
            Set<String> stillUnsynced = UnsyncedEntriesBackfill.entriesOf(store, sources, user).stream()
                    .filter(StoredEntry::unsynced).map(e -> e.source().table() + ' ' + e.id())
                    .collect(Collectors.toSet());
            found = found.stream().filter(m -> m.entry().map(e -> stillUnsynced.contains(e.source().table() + ' '
                    + e.id())).orElse(true)).toList();
        }
        return new Found(found, entries.size(), before.size());
    }
}
