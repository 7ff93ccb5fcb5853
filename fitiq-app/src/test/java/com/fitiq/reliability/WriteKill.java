package com.fitiq.reliability;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One write command of the write-kill campaign (add, update or delete of alice's entries) and
 * what the store may look like after it was killed: the change with its event, or neither, and
 * nothing else touched. Immutable.
 */
record WriteKill(String operation, Optional<String> target, Instant date, String[] args) {
    static final String USER = "alice";

    static String[] addArgs(Instant date) {
        return new String[] {"progress", "add", "--type", "weight", "--quantity", "70.5", "--date", date.toString()};
    }

    /** Adds half the time, else an update (of the date) or a delete of one of alice's live entries. */
    static WriteKill pick(StoreRows rows, Random random, Instant date) {
        List<StoreRows.Entry> live = rows.entriesOf(USER).stream().filter(e -> !e.deleted()).toList();
        double dice = random.nextDouble();
        if (live.size() < 2 || dice < 0.5) {
            return new WriteKill("create", Optional.empty(), date, addArgs(date));
        }
        String id = live.get(random.nextInt(live.size())).id();
        return dice < 0.75
                ? new WriteKill("update", Optional.of(id), date, new String[] {"progress", "update", id, "--date",
                        date.toString()})
                : new WriteKill("delete", Optional.of(id), date, new String[] {"progress", "delete", id});
    }

    /**
     * The change and its one pending event are both in the store or neither is; no other row
     * changed; a run that ended by itself exited 0 with its change made, and so did one that printed
     * its result (the new id) before it was killed.
     */
    void assertBothOrNeither(StoreRows before, StoreRows after, OptionalInt exitCode, boolean printedResult,
                             String hint) {
        exitCode.ifPresent(code -> assertThat(code).as("a write that finished succeeded; " + hint).isZero());
        Set<String> oldEvents = before.events().stream().map(StoreRows.Event::id).collect(Collectors.toSet());
        Set<String> oldEntries = before.entries().stream().map(StoreRows.Entry::id).collect(Collectors.toSet());
        assertThat(after.eventsWhere(e -> oldEvents.contains(e.id()))).as("earlier events untouched; " + hint)
                .containsExactlyInAnyOrderElementsOf(before.events());
        List<StoreRows.Entry> others = after.entries().stream().filter(e -> oldEntries.contains(e.id())
                && !target.equals(Optional.of(e.id()))).toList();
        assertThat(others).as("other entries untouched; " + hint).containsExactlyInAnyOrderElementsOf(
                before.entries().stream().filter(e -> !target.equals(Optional.of(e.id()))).toList());
        List<StoreRows.Event> newEvents = after.eventsWhere(e -> !oldEvents.contains(e.id()));
        List<StoreRows.Entry> newEntries = after.entries().stream().filter(e -> !oldEntries.contains(e.id())).toList();
        boolean changed = switch (operation) {
            case "create" -> !newEntries.isEmpty();
            case "update" -> after.entry(target.orElseThrow()).orElseThrow().date().equals(date);
            default -> after.entry(target.orElseThrow()).orElseThrow().deleted();
        };
        String state = "; found new entries " + newEntries + ", new events " + newEvents + "; " + hint;
        assertThat(newEntries).as("an update or delete makes no entry, an add at most one" + state)
                .hasSize(changed && operation.equals("create") ? 1 : 0);
        assertThat(newEvents).as("one event exactly when the change is there" + state).hasSize(changed ? 1 : 0);
        if (changed) {
            String entity = target.orElseGet(() -> newEntries.get(0).id());
            assertThat(newEvents.get(0)).as("the change's event" + state).extracting(StoreRows.Event::entityId,
                    StoreRows.Event::userId, StoreRows.Event::operation, StoreRows.Event::status,
                    StoreRows.Event::priority).containsExactly(entity, USER, operation, "pending", 10);
            StoreRows.Entry entry = after.entry(entity).orElseThrow();
            assertThat(entry.date()).as("the change as given" + state).isEqualTo(operation.equals("delete")
                    ? before.entry(entity).orElseThrow().date() : date);
        }
        if (exitCode.isPresent() || printedResult) {
            assertThat(changed).as("a write that finished or printed its result made its change" + state).isTrue();
        }
    }

    @Override
    public String toString() {
        return operation + target.map(t -> " of " + t).orElse("");
    }
}
