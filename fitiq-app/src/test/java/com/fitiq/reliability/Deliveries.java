package com.fitiq.reliability;

import io.outbox.testing.backend.JournalEntry;
import io.outbox.testing.backend.Resource;
import io.outbox.testing.backend.StandInBackend;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the stand-in backend shows of a FitIQ store: the events it acted on, creates made twice,
 * and whether its progress entries equal the store's, change for change. Stateless.
 */
final class Deliveries {
    static final String COLLECTION = "progress";

    private Deliveries() {
    }

    /** Idempotency keys (event ids) the backend acted on; the stand-in acts on a key at most once. */
    static Set<String> actedKeys(StandInBackend backend) {
        return backend.journal().stream().filter(JournalEntry::acted).map(j -> j.idempotencyKey().orElseThrow())
                .collect(Collectors.toSet());
    }

    /** Creates beyond the first per client id: an entry made twice at the backend. */
    static long duplicateCreates(StandInBackend backend) {
        return backend.createsPerClientId(COLLECTION).values().stream().mapToLong(n -> n - 1L).sum();
    }

    /**
     * The backend holds exactly the entries whose create was delivered and whose delete was not;
     * an entry whose every change was delivered has the store's values and backend id, and one
     * version per delivered change (a PUT done twice would show as an extra version).
     */
    static void assertBackendEqualsLocal(StoreRows rows, StandInBackend backend, String hint) {
        Map<String, Resource> remote = backend.resources(COLLECTION).values().stream()
                .collect(Collectors.toMap(Resource::clientId, Function.identity()));
        Map<String, List<StoreRows.Event>> byEntity = rows.eventsByEntity();
        assertThat(rows.entries().stream().map(StoreRows.Entry::id).collect(Collectors.toSet()))
                .as("backend holds no entry the store does not have; " + hint).containsAll(remote.keySet());
        for (StoreRows.Entry entry : rows.entries()) {
            List<StoreRows.Event> events = byEntity.getOrDefault(entry.id(), List.of());
            String about = "entry " + entry.id() + " of " + entry.userId() + " with events " + events + "; " + hint;
            assertThat(events).as("an entry has its create event; " + about)
                    .anyMatch(e -> e.operation().equals("create"));
            boolean created = done(events, "create");
            boolean deleted = done(events, "delete");
            if (!created || deleted) {
                assertThat(remote).as("not at the backend: " + about).doesNotContainKey(entry.id());
                continue;
            }
            Resource resource = remote.get(entry.id());
            assertThat(resource).as("at the backend: " + about).isNotNull();
            if (events.stream().allMatch(e -> e.status().equals("completed"))) {
                assertThat(resource.body()).as("same values: " + about)
                        .containsEntry("type", entry.type()).containsEntry("unit", entry.unit());
                assertThat(((Number) resource.body().get("quantity")).doubleValue()).as("same quantity: " + about)
                        .isEqualTo(entry.quantity());
                assertThat(Instant.parse((String) resource.body().get("date"))).as("same date: " + about)
                        .isEqualTo(entry.date());
                assertThat(entry.backendId()).as("backend id kept: " + about).isEqualTo(
                        Optional.of(resource.backendId()));
                long updates = events.stream().filter(e -> e.operation().equals("update")).count();
                assertThat(resource.version()).as("each update applied once: " + about).isEqualTo(1 + updates);
            }
        }
        assertThat(backend.createsPerClientId(COLLECTION).values()).as("no entry created twice; " + hint)
                .allMatch(n -> n == 1);
    }

    private static boolean done(List<StoreRows.Event> events, String operation) {
        return events.stream().anyMatch(e -> e.operation().equals(operation) && e.status().equals("completed"));
    }
}
