package io.outbox.cli;

import io.outbox.event.EventStatus;
import io.outbox.event.OutboxEvent;
import io.outbox.jpa.UnsyncedEntriesBackfill.Source;
import io.outbox.jpa.UnsyncedEntriesBackfill.StoredEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What {@code outbox verify} checks of one user's outbox against their stored entries: every
 * entry that never reached the backend (no backend id, not deleted) has a live event (pending,
 * processing or failed) of its type, and every event of an entry type names an entry that is
 * stored, live or as a tombstone, unless the app delivers it without one. Events of types no
 * table holds are not checked. Pure: it reads nothing itself. Stateless.
 */
final class OutboxVerification {
    private static final Set<EventStatus> LIVE = Set.of(EventStatus.PENDING, EventStatus.PROCESSING,
            EventStatus.FAILED);

    private OutboxVerification() {
    }

    /** The kinds of mismatch, by their {@code --json} names. */
    enum Kind {
        /** An entry that never reached the backend has no live event: nothing will ever send it. */
        MISSING_EVENT("missing_event"),
        /** An event names an entry that is not stored, not even as a tombstone. */
        ORPHANED_EVENT("orphaned_event");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        String wireName() {
            return wireName;
        }
    }

    /**
     * One thing that does not add up.
     *
     * @param entry the entry of a missing event (empty for an orphan)
     * @param event the orphaned event (empty for a missing event)
     */
    record Mismatch(Kind kind, String eventType, String entityId, Optional<StoredEntry> entry,
                    Optional<OutboxEvent> event, String problem) {
        Mismatch {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * The mismatches among one user's events and {@code entries}, missing events first, in the
     * entries' order. Orphans are judged on {@code eventsBefore}, read before the entries (an
     * event made later may name an entry made later too); missing events on {@code eventsAfter},
     * read after them (an entry read was made with its event, or before it). Tests may pass one
     * list twice.
     */
    static List<Mismatch> check(List<OutboxEvent> eventsBefore, List<StoredEntry> entries,
                                List<OutboxEvent> eventsAfter, List<Source> sources,
                                Predicate<OutboxEvent> deliverableWithoutEntity) {
        List<Mismatch> found = new ArrayList<>();
        Set<String> live = new HashSet<>();
        eventsAfter.stream().filter(e -> LIVE.contains(e.status()))
                .forEach(e -> live.add(key(e.eventType(), e.entityId())));
        for (StoredEntry entry : entries) {
            if (entry.unsynced() && !live.contains(key(entry.source().eventType(), entry.id()))) {
                found.add(new Mismatch(Kind.MISSING_EVENT, entry.source().eventType(), entry.id(), Optional.of(entry),
                        Optional.empty(), entry.source().table() + " " + entry.id() + " never reached the backend"
                        + " and has no pending, processing or failed event to send it"));
            }
        }
        Map<String, Source> tableOfType = new HashMap<>();
        sources.forEach(source -> tableOfType.putIfAbsent(source.eventType(), source));
        Set<String> stored = new HashSet<>();
        entries.forEach(entry -> stored.add(key(entry.source().eventType(), entry.id())));
        for (OutboxEvent event : eventsBefore) {
            Source source = tableOfType.get(event.eventType());
            if (source != null && !stored.contains(key(event.eventType(), event.entityId()))
                    && !deliverableWithoutEntity.test(event)) {
                found.add(new Mismatch(Kind.ORPHANED_EVENT, event.eventType(), event.entityId(), Optional.empty(),
                        Optional.of(event), "its " + event.status().wireName() + " " + event.operation().wireName()
                        + " names " + source.table() + " " + Output.shorten(event.entityId()) + ", which is not"
                        + " stored for this user, not even as a tombstone"));
            }
        }
        return List.copyOf(found);
    }

    /** The ids of the orphaned events no processor holds: those {@code cleanup --orphans} deletes. */
    static List<UUID> deletableOrphans(List<Mismatch> mismatches) {
        return orphans(mismatches, false);
    }

    /** The ids of orphaned events a processor holds (processing): left alone, it fails them for good. */
    static List<UUID> processingOrphans(List<Mismatch> mismatches) {
        return orphans(mismatches, true);
    }

    private static List<UUID> orphans(List<Mismatch> mismatches, boolean processing) {
        return mismatches.stream().flatMap(m -> m.event().stream())
                .filter(e -> (e.status() == EventStatus.PROCESSING) == processing).map(OutboxEvent::id).toList();
    }

    private static String key(String eventType, String entityId) {
        return eventType + '\u0000' + entityId.trim();
    }
}
