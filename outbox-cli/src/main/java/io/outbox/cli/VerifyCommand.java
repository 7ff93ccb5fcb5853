package io.outbox.cli;

import io.outbox.event.OutboxEvent;
import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.UnsyncedEntriesBackfill;
import io.outbox.jpa.UnsyncedEntriesBackfill.StoredEntry;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code outbox verify [--repair]}: whether this user's outbox and stored entries agree
 * ({@link OutboxVerification}); {@code --repair} makes the missing create events the way the
 * upgrade to the outbox did ({@link UnsyncedEntriesBackfill}). Confined to the command's thread.
 */
@Command(name = "verify", description = "Check that every entry not yet synced has an event to send it, and that"
        + " every event's entry is stored; --repair makes the missing events.")
public final class VerifyCommand implements Callable<Integer> {
    private final Session session;
    private final Output output;
    @Option(names = "--repair", description = "Make a pending create event for each entry that has none; orphaned"
            + " events are left to 'outbox cleanup --orphans'.")
    boolean repair;
    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    /** The command, with the session and output it runs with. */
    @Inject
    public VerifyCommand(Session session, Output output) {
        this.session = session;
        this.output = output;
    }

    @Override
    public Integer call() {
        String user = session.user();
        OutboxStore store = session.store();
        MismatchFinder.Found found = MismatchFinder.find(store, session.app(), user);
        List<OutboxVerification.Mismatch> mismatches = found.mismatches();
        Map<OutboxVerification.Mismatch, OutboxEvent> repaired = repair ? repair(store, mismatches) : Map.of();
        long left = mismatches.size() - repaired.size();
        if (json) {
            output.json(view(user, found.entriesChecked(), found.eventsChecked(), mismatches, repaired, left));
        } else {
            mismatches.forEach(m -> output.line(line(m, Optional.ofNullable(repaired.get(m)))));
            output.line(summary(mismatches, repaired.size()));
        }
        return left == 0 ? ExitCodes.DONE : ExitCodes.UNDONE;
    }

    /** The missing events, made in one transaction; each mismatch repaired, with the event that repairs it. */
    private Map<OutboxVerification.Mismatch, OutboxEvent> repair(OutboxStore store,
                                                                 List<OutboxVerification.Mismatch> mismatches) {
        List<OutboxVerification.Mismatch> missing = mismatches.stream()
                .filter(m -> m.kind() == OutboxVerification.Kind.MISSING_EVENT).toList();
        List<StoredEntry> entries = missing.stream().map(m -> m.entry().orElseThrow()).toList();
        List<OutboxEvent> made = UnsyncedEntriesBackfill.recordCreates(store, entries, session.clock().instant());
        Map<OutboxVerification.Mismatch, OutboxEvent> repaired = new HashMap<>();
        for (int i = 0; i < made.size(); i++) {
            repaired.put(missing.get(i), made.get(i));
        }
        return repaired;
    }

    private static String line(OutboxVerification.Mismatch m, Optional<OutboxEvent> repairedBy) {
        String event = m.event().map(e -> " event " + e.id()).orElse("");
        return m.kind().wireName() + "  " + m.eventType() + " " + Output.shorten(m.entityId()) + event + ": "
                + m.problem() + repairedBy.map(e -> "; repaired: made pending create event " + e.id()).orElse("");
    }

    /** The count, and what to run for what is left. */
    private static String summary(List<OutboxVerification.Mismatch> mismatches, int repaired) {
        if (mismatches.isEmpty()) {
            return "no mismatches: every entry not yet synced has an event, and every event's entry is stored";
        }
        int found = mismatches.size();
        String line = found + " mismatch" + (found == 1 ? "" : "es")
                + (repaired > 0 ? ", " + repaired + " repaired" : "");
        List<String> todo = new ArrayList<>();
        if (repaired == 0 && mismatches.stream().anyMatch(m -> m.kind() == OutboxVerification.Kind.MISSING_EVENT)) {
            todo.add("'outbox verify --repair' makes the missing events");
        }
        if (mismatches.stream().anyMatch(m -> m.kind() == OutboxVerification.Kind.ORPHANED_EVENT)) {
            todo.add("'outbox cleanup --orphans' removes the orphaned events");
        }
        return todo.isEmpty() ? line : line + "; " + String.join(", ", todo);
    }

    private static Map<String, Object> view(String user, int entries, int events,
                                            List<OutboxVerification.Mismatch> mismatches,
                                            Map<OutboxVerification.Mismatch, OutboxEvent> repaired, long left) {
        List<Object> found = new ArrayList<>();
        for (OutboxVerification.Mismatch m : mismatches) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("kind", m.kind().wireName());
            v.put("event_type", m.eventType());
            v.put("entity_id", m.entityId());
            v.put("event_id", m.event().map(e -> e.id().toString()).orElse(null));
            v.put("status", m.event().map(e -> e.status().wireName()).orElse(null));
            v.put("problem", m.problem());
            v.put("repaired_by", Optional.ofNullable(repaired.get(m)).map(e -> e.id().toString()).orElse(null));
            found.add(v);
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("user_id", user);
        v.put("entries_checked", entries);
        v.put("events_checked", events);
        v.put("mismatches", found);
        v.put("repaired", repaired.size());
        v.put("left", left);
        return v;
    }
}
