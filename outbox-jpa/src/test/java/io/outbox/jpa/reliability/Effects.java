package io.outbox.jpa.reliability;

import io.outbox.testing.backend.StandInBackend;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the stand-in backend shows of a backlog: entities created (delivered), entities never
 * created (lost), creates beyond the first (duplicate effects), creates of entities nobody
 * wrote (strangers), and repeated keys it answered from memory (repeats absorbed). Immutable.
 */
record Effects(long delivered, long lost, long duplicateEffects, long strangers, long repeatsAbsorbed,
               List<String> examples) {

    static Effects of(StandInBackend backend, Collection<String> written) {
        Map<String, Integer> creates = new HashMap<>();
        backend.collections().forEach(c -> creates.putAll(backend.createsPerClientId(c)));
        Set<String> expected = new HashSet<>(written);
        long delivered = expected.stream().filter(creates::containsKey).count();
        long duplicates = creates.values().stream().mapToLong(n -> n - 1L).sum();
        long strangers = creates.keySet().stream().filter(id -> !expected.contains(id)).count();
        List<String> examples = creates.entrySet().stream().filter(e -> e.getValue() > 1 || !expected.contains(e.getKey()))
                .limit(5).map(e -> e.getKey() + " created " + e.getValue() + " times").toList();
        List<String> lostExamples = expected.stream().filter(id -> !creates.containsKey(id)).limit(5)
                .map(id -> id + " never created").toList();
        List<String> all = new java.util.ArrayList<>(examples);
        all.addAll(lostExamples);
        return new Effects(delivered, expected.size() - delivered, duplicates, strangers,
                backend.counters().replays(), List.copyOf(all));
    }
}
