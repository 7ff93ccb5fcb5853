package io.outbox.benchmarks.scenario;

import io.outbox.benchmarks.harness.BenchmarkException;
import io.outbox.http.Json;

import java.util.List;
import java.util.Map;

/** What drain workers report ({@code DONE {json}}), read back and summed. Immutable. */
record WorkerResults(long delivered, long startMicros, long endMicros, long peakHeapBytes, long peakLiveBytes,
                     long maxHeapBytes) {

    static WorkerResults parse(String json) {
        Map<String, Object> m = Json.parseObject(json);
        return new WorkerResults(number(m, "delivered"), number(m, "startMicros"), number(m, "endMicros"),
                number(m, "peakHeapBytes"), number(m, "peakLiveAfterGcBytes"), number(m, "maxHeapBytes"));
    }

    /** All workers of one run together: their deliveries summed, from the first start to the last end. */
    static WorkerResults combine(List<WorkerResults> all) {
        if (all.isEmpty()) {
            throw new BenchmarkException("no worker reported");
        }
        return new WorkerResults(all.stream().mapToLong(WorkerResults::delivered).sum(),
                all.stream().mapToLong(WorkerResults::startMicros).min().orElseThrow(),
                all.stream().mapToLong(WorkerResults::endMicros).max().orElseThrow(),
                all.stream().mapToLong(WorkerResults::peakHeapBytes).max().orElseThrow(),
                all.stream().mapToLong(WorkerResults::peakLiveBytes).max().orElseThrow(),
                all.stream().mapToLong(WorkerResults::maxHeapBytes).max().orElseThrow());
    }

    double eventsPerSecond() {
        return delivered / ((endMicros - startMicros) / 1e6);
    }

    private static long number(Map<String, Object> m, String key) {
        Object value = m.get(key);
        if (!(value instanceof Number n)) {
            throw new BenchmarkException("worker result without " + key + ": " + m);
        }
        return n.longValue();
    }
}
