package io.outbox.benchmarks.cli;

import io.outbox.benchmarks.baseline.BareDrain;
import io.outbox.benchmarks.harness.HeapWatch;
import io.outbox.benchmarks.scenario.Configs;
import io.outbox.benchmarks.scenario.Latencies;
import io.outbox.benchmarks.scenario.NoOpHandler;
import io.outbox.benchmarks.store.Backlog;
import io.outbox.benchmarks.store.BenchStore;
import io.outbox.http.Json;
import io.outbox.processor.OutboxProcessor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A draining JVM, for the memory and scale-out scenarios: {@code URL ours|bare BATCH
 * CONCURRENCY FILL}. It opens the store, loads {@code FILL} pending events when asked to
 * (memory), prints {@code READY}, and on each {@code GO} drains until nothing is due and
 * prints {@code DONE {json}} with what it delivered, its wall-clock start and end (epoch µs)
 * and its heap peaks; {@code EXIT} ends it.
 */
public final class DrainWorkerMain {
    private DrainWorkerMain() {
    }

    public static void main(String[] args) throws IOException {
        String url = args[0];
        boolean bare = "bare".equals(args[1]);
        int batch = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        long fill = Long.parseLong(args[4]);
        Clock clock = Clock.systemUTC();
        try (BenchStore store = BenchStore.open(url)) {
            if (fill > 0) {
                Backlog.pending(store, 1, fill);
                store.analyze();
            }
            NoOpHandler handler = new NoOpHandler();
            OutboxProcessor processor = OutboxProcessor.builder(store.outbox().repository()).handler(handler)
                    .config(Configs.of(batch, concurrency)).exclusiveStore(store.outbox().exclusive()).build();
            BareDrain drain = new BareDrain(store, "bare-" + ProcessHandle.current().pid(), batch);
            LongSupplier run = bare ? () -> drain.drainAll(row -> { })
                    : () -> processor.drainUntilIdle(Duration.ofSeconds(1)).totals().delivered();
            System.out.println("READY");
            BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = stdin.readLine()) != null && !line.equals("EXIT")) {
                if (line.equals("GO")) {
                    System.out.println("DONE " + Json.write(drainOnce(run, clock)));
                }
            }
            processor.close();
        } catch (RuntimeException e) {
            System.err.println("drain worker failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static Map<String, Object> drainOnce(LongSupplier run, Clock clock) {
        try (HeapWatch heap = HeapWatch.start()) {
            long start = Latencies.epochMicros(clock);
            long delivered = run.getAsLong();
            long end = Latencies.epochMicros(clock);
            Map<String, Object> done = new LinkedHashMap<>();
            done.put("delivered", delivered);
            done.put("startMicros", start);
            done.put("endMicros", end);
            done.put("peakHeapBytes", heap.peakUsedBytes());
            done.put("peakLiveAfterGcBytes", heap.peakLiveAfterGcBytes());
            done.put("maxHeapBytes", HeapWatch.maxHeapBytes());
            return done;
        }
    }
}
