package com.lume.support;

import com.lume.demo.WellnessContract;
import io.outbox.testing.backend.JournalEntry;
import io.outbox.testing.backend.Resource;
import io.outbox.testing.backend.StandInBackend;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What end-to-end tests check at the stand-in backend against the app's own listings (the JSON of
 * {@code mood list}, {@code journal list} and {@code outbox list}): equal state, no entry created
 * twice, and linked journals sent only after their mood's create was acted on.
 */
public final class BackendChecks {
    private BackendChecks() {
    }

    /** Differences between the backend and the local listings; empty when equal. */
    public static List<String> differences(StandInBackend backend, List<Map<String, Object>> moods,
                                           List<Map<String, Object>> journals) {
        List<String> problems = new ArrayList<>();
        compare(backend.resources(WellnessContract.MOODS), moods, Map.of("valence", "valence", "labels", "labels",
                "note", "note", "date", "date"), problems);
        compare(backend.resources(WellnessContract.JOURNALS), journals, Map.of("title", "title", "content",
                "content", "mood_id", "mood_client_id", "date", "date"), problems);
        return problems;
    }

    /** Client ids the backend created more than once, in either collection. */
    public static List<String> createdTwice(StandInBackend backend) {
        List<String> twice = new ArrayList<>();
        for (String collection : List.of(WellnessContract.MOODS, WellnessContract.JOURNALS)) {
            backend.createsPerClientId(collection).forEach((client, n) -> {
                if (n != 1) {
                    twice.add(collection + " " + client + " x" + n);
                }
            });
        }
        return twice;
    }

    /** The id of each entity's create event, from {@code outbox list --json}. */
    public static Map<String, String> createEvents(List<Map<String, Object>> events) {
        Map<String, String> creates = new HashMap<>();
        events.stream().filter(e -> "create".equals(e.get("operation")))
                .forEach(e -> creates.putIfAbsent((String) e.get("entity_id"), (String) e.get("id")));
        return creates;
    }

    /** The ids of an entity's events of one operation, from {@code outbox list --json}. */
    public static List<String> eventsOf(List<Map<String, Object>> events, String entity, String operation) {
        return events.stream().filter(e -> entity.equals(e.get("entity_id")) && operation.equals(e.get("operation")))
                .map(e -> (String) e.get("id")).toList();
    }

    /** Index of the first request with one of the keys and the method (acted on, if asked), or -1. */
    public static int firstRequest(List<JournalEntry> requests, List<String> keys, String method, boolean acted) {
        for (int i = 0; i < requests.size(); i++) {
            JournalEntry r = requests.get(i);
            if (r.method().equals(method) && r.idempotencyKey().filter(keys::contains).isPresent()
                    && (!acted || r.acted())) {
                return i;
            }
        }
        return -1;
    }

    private static void compare(Map<String, Resource> remote, List<Map<String, Object>> local,
                                Map<String, String> fields, List<String> problems) {
        if (remote.size() != local.size()) {
            problems.add("backend holds " + remote.size() + " entries, the app " + local.size());
        }
        for (Map<String, Object> entry : local) {
            Optional<Resource> theirs = remote.values().stream().filter(r -> r.clientId().equals(entry.get("id")))
                    .findFirst();
            if (theirs.isEmpty()) {
                problems.add(entry.get("id") + " is missing at the backend");
                continue;
            }
            fields.forEach((localKey, remoteKey) -> {
                if (!same(entry.get(localKey), theirs.get().body().get(remoteKey))) {
                    problems.add(entry.get("id") + " differs in " + remoteKey);
                }
            });
            if (!Objects.equals(entry.get("backend_id"), theirs.get().backendId())) {
                problems.add(entry.get("id") + " has backend id " + entry.get("backend_id") + " locally, "
                        + theirs.get().backendId() + " at the backend");
            }
        }
    }

    private static boolean same(Object local, Object remote) {
        if (local instanceof Number a && remote instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        return Objects.equals(local, remote);
    }
}
