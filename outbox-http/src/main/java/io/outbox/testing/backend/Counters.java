package io.outbox.testing.backend;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Totals over the stand-in backend's journal: requests received, keys acted on, replays absorbed
 * (answered from memory, nothing done) and faults injected per kind. Immutable.
 */
public record Counters(long requests, long acted, long replays, Map<FaultKind, Long> faults) {
    /** Keeps an unmodifiable copy of the faults per kind. */
    public Counters {
        Objects.requireNonNull(faults, "faults");
        faults = Map.copyOf(faults);
    }

    static Counters of(List<JournalEntry> journal) {
        Map<FaultKind, Long> faults = new EnumMap<>(FaultKind.class);
        long acted = 0;
        long replays = 0;
        for (JournalEntry entry : journal) {
            acted += entry.acted() ? 1 : 0;
            replays += entry.replay() ? 1 : 0;
            entry.fault().ifPresent(kind -> faults.merge(kind, 1L, Long::sum));
        }
        return new Counters(journal.size(), acted, replays, faults);
    }

    /** The faults of one kind injected so far. */
    public long faults(FaultKind kind) {
        return faults.getOrDefault(kind, 0L);
    }

    /** The faults of every kind injected so far. */
    public long totalFaults() {
        return faults.values().stream().mapToLong(Long::longValue).sum();
    }
}
