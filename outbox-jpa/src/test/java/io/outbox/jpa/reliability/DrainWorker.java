package io.outbox.jpa.reliability;

import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerResult;
import io.outbox.handler.OutboxHandler;
import io.outbox.http.Call;
import io.outbox.http.Json;
import io.outbox.http.RemoteApi;
import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.StoreConfig;
import io.outbox.jpa.support.cli.Say;
import io.outbox.listener.OutboxListener;
import io.outbox.processor.OutboxProcessor;
import io.outbox.processor.ProcessorConfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A processor JVM for the reliability campaigns, run as
 * {@code DrainWorker URL OWNER LEASE_MS BATCH CONCURRENCY API} with the API token in
 * {@value #TOKEN_VARIABLE}. It opens the store, runs the processor's background loop (the
 * one that survives store failures, as {@code sync --watch} does) with a handler that POSTs
 * each event to the API, and talks to its parent on stdin/stdout: it says {@code ready},
 * starts on {@code go}, and on {@code stop} (or when stdin closes) stops, says
 * {@code stopped OWNER delivered N} and exits 0.
 */
public final class DrainWorker {
    static final String TOKEN_VARIABLE = "RELIABILITY_API_TOKEN";

    private DrainWorker() {
    }

    public static void main(String[] args) throws IOException {
        String url = args[0];
        String owner = args[1];
        Duration lease = Duration.ofMillis(Long.parseLong(args[2]));
        int batch = Integer.parseInt(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        RemoteApi api = RemoteApi.builder(URI.create(args[5]), System.getenv(TOKEN_VARIABLE))
                .requestTimeout(Duration.ofSeconds(5)).build();
        AtomicLong delivered = new AtomicLong();
        try (OutboxStore store = OutboxStore.open(StoreConfig.url(url))) {
            OutboxProcessor processor = OutboxProcessor.builder(store.repository()).handler(new PostEach(api))
                    .owner(owner).listener(counting(delivered)).config(ProcessorConfig.builder().batchSize(batch)
                            .concurrency(concurrency).pollInterval(Duration.ofMillis(200)).lease(lease)
                            .leaseCheckInterval(Duration.ofMillis(Math.min(1000, lease.toMillis() / 5))).build())
                    .build();
            try (AutoCloseable wakeUps = store.onEventsCommitted(processor::trigger)) {
                Say.line("ready " + owner);
                awaitCommands(processor);
                processor.stop(Duration.ofSeconds(10));
            }
        } catch (Exception e) {
            System.err.println("drain worker " + owner + " failed: " + e);
            System.exit(2);
        }
        Say.line("stopped " + owner + " delivered " + delivered.get());
        System.exit(0);
    }

    private static void awaitCommands(OutboxProcessor processor) throws IOException {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = stdin.readLine()) != null && !line.equals("stop")) {
            if (line.equals("go")) {
                processor.start();
                Say.line("started");
            }
        }
    }

    private static OutboxListener counting(AtomicLong delivered) {
        return new OutboxListener() {
            @Override
            public void delivered(OutboxEvent event, Duration handlerTime, Duration latency) {
                delivered.incrementAndGet();
            }
        };
    }

    /** POSTs the event's entity to its collection, the event id as Idempotency-Key. Thread-safe. */
    private static final class PostEach implements OutboxHandler {
        private final RemoteApi api;

        PostEach(RemoteApi api) {
            this.api = api;
        }

        @Override
        public String eventType() {
            return Backlog.TYPE;
        }

        @Override
        public HandlerResult handle(OutboxEvent event) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("client_id", event.entityId());
            body.put("labels", List.of(event.userId()));
            body.put("date", event.createdAt().toString());
            return api.send(Call.post(Backlog.collectionOf(event.entityId()), Json.write(body), event.id()));
        }
    }
}
