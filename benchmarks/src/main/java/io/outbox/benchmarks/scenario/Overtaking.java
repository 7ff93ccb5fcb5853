package io.outbox.benchmarks.scenario;

import io.outbox.benchmarks.harness.BenchmarkException;
import io.outbox.testing.backend.Arrival;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the stand-in's arrivals say about a user's changes made while an import drains: each
 * change's latency from its commit to its arrival, how many import entries were still to arrive
 * when the last change had arrived, and the most import entries that arrived between one change's
 * commit and its own arrival (the ones it waited behind). Immutable.
 *
 * @param latencies            per change, commit to arrival, in the order the commits were given
 * @param importPendingAtLast  import entries that had not arrived when the last change arrived
 * @param mostImportWaitedFor  the most import arrivals between one change's commit and its arrival
 * @param duringImport         changes committed before the import's last entry arrived: the ones
 *                             whose latency says something about a draining outbox
 */
public record Overtaking(List<Duration> latencies, int importPendingAtLast, int mostImportWaitedFor,
                         int duringImport) {
    /** Keeps an unmodifiable copy of the latencies. */
    public Overtaking {
        latencies = List.copyOf(latencies);
    }

    /**
     * Reads {@code arrivals} (the stand-in's, every collection the import and the changes went to):
     * an arrival whose client id is a key of {@code commits} is a change, every other one an import
     * entry, of {@code importTotal}. Fails when a change has not arrived.
     */
    public static Overtaking of(Map<String, Instant> commits, List<Arrival> arrivals, int importTotal) {
        Map<String, Instant> arrived = new HashMap<>();
        List<Instant> imported = new ArrayList<>();
        for (Arrival arrival : arrivals) {
            if (commits.containsKey(arrival.clientId())) {
                arrived.putIfAbsent(arrival.clientId(), arrival.receivedAt());
            } else {
                imported.add(arrival.receivedAt());
            }
        }
        imported.sort(Comparator.naturalOrder());
        List<Duration> latencies = new ArrayList<>(commits.size());
        Instant last = Instant.MIN;
        Instant importEnd = imported.isEmpty() ? Instant.MIN : imported.get(imported.size() - 1);
        int most = 0;
        int during = 0;
        for (Map.Entry<String, Instant> change : commits.entrySet()) {
            Instant at = arrived.get(change.getKey());
            if (at == null) {
                throw new BenchmarkException("the change " + change.getKey() + " never reached the backend");
            }
            latencies.add(Duration.between(change.getValue(), at));
            last = at.isAfter(last) ? at : last;
            most = Math.max(most, countBetween(imported, change.getValue(), at));
            during += change.getValue().isBefore(importEnd) ? 1 : 0;
        }
        return new Overtaking(latencies, importTotal - countBetween(imported, Instant.MIN, last), most, during);
    }

    /** The latencies in milliseconds, for percentiles. */
    public List<Double> millis() {
        return latencies.stream().map(d -> d.toNanos() / 1e6).toList();
    }

    /** How many of the sorted {@code instants} fall after {@code from} and at or before {@code to}. */
    private static int countBetween(List<Instant> sorted, Instant from, Instant to) {
        return firstAfter(sorted, to) - firstAfter(sorted, from);
    }

    private static int firstAfter(List<Instant> sorted, Instant at) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted.get(mid).isAfter(at)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
