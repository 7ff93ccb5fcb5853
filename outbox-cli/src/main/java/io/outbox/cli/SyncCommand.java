package io.outbox.cli;

import io.outbox.OutboxException;
import io.outbox.http.RemoteApi;
import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.StoreTransactor;
import io.outbox.processor.DrainResult;
import io.outbox.processor.OutboxProcessor;
import io.outbox.processor.ProcessorConfig;
import io.outbox.retry.RetryPolicy;
import io.outbox.stats.OutboxStatistics;
import jakarta.inject.Inject;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code sync}: pushes this user's changes to the API. {@code --until-idle} (the default) ends
 * when nothing is due within the timeout; {@code --watch} runs until Ctrl-C or SIGTERM. Both
 * end with the summary line {@code delivered N, failed M, pending P} on stdout.
 */
@Command(name = "sync", description = "Push this user's local changes to the API, with retries and backoff.")
public final class SyncCommand implements Callable<Integer> {
    private final Session session;
    private final Output output;
    private final StopSignals signals;

    @Option(names = "--api", paramLabel = "URL", required = true, description = "Base URL of the API, e.g."
            + " https://api.example.com (the token comes from ${sys:" + GlobalOptions.ENV_PREFIX + "}_API_TOKEN).")
    String api;

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    /** How long to run. */
    static final class Mode {
        @Option(names = "--until-idle", description = "Stop when nothing is due within --timeout (default).")
        boolean untilIdle;
        @Option(names = "--watch", description = "Keep running until Ctrl-C or SIGTERM.")
        boolean watch;
    }

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "With --until-idle: stop once nothing is due within this (default 60s).")
    Duration timeout;
    @Option(names = "--request-timeout", paramLabel = "DURATION", defaultValue = "10s",
            converter = DurationConverter.class, description = "A request unanswered for this long is retried"
            + " (default 10s).")
    Duration requestTimeout;
    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "10", description = "Events claimed at once"
            + " (default 10).")
    int batchSize;
    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "3", description = "Requests in flight at"
            + " once, at most (default 3).")
    int concurrency;
    @Option(names = "--retry-delays", paramLabel = "DURATIONS", defaultValue = "1s,5s,30s,2m,10m", split = ",",
            converter = DurationConverter.class, description = "Waits after each failed attempt; the last repeats"
            + " (default 1s,5s,30s,2m,10m).")
    List<Duration> retryDelays;
    @Option(names = "--max-attempts", paramLabel = "N", description = "Replaces each event's attempt limit for this"
            + " run (each event has its own, 5 when made).")
    Integer maxAttempts;
    @Option(names = "--lease", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "On a shared store, how long a claim lasts before another process may take it over"
            + " (default 5m).")
    Duration lease;

    /** The command, with the session, output and stop signals it runs with. */
    @Inject
    public SyncCommand(Session session, Output output, StopSignals signals) {
        this.session = session;
        this.output = output;
        this.signals = signals;
    }

    @Override
    public Integer call() {
        String user = session.user();
        URI apiUri = apiUri();
        String token = token();
        ProcessorConfig config = config();
        OutboxStore store = session.store();
        if (mode.watch) {
            store.letOwnerLeave(); // it works on through the next owner of a shared store, so none waits for it
        }
        session.app().checkReadyToSync(store);
        RemoteApi remote = RemoteApi.builder(apiUri, token).requestTimeout(requestTimeout).build();
        SyncProgress progress = new SyncProgress(output, System.console() != null);
        try (OutboxStore.Held onlySync = store.lockProcessing("a sync");
             OutboxProcessor processor = OutboxProcessor.builder(store.repository())
                .handlers(session.app().handlers(store, remote)).config(config).clock(session.clock())
                .forUser(user).exclusiveStore(store.exclusive()).listener(progress)
                .transactor(new StoreTransactor(() -> store)).build();
             AutoCloseable wakeUps = store.onEventsCommitted(processor::trigger)) {
            if (mode.watch) {
                watch(processor);
            } else {
                DrainResult result = processor.drainUntilIdle(timeout);
                progress.finish();
                if (!result.idle()) {
                    output.error("sync stopped before it was idle");
                }
            }
            return summary(processor.statistics(), progress.delivered());
        } catch (OutboxException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("sync failed: " + e.getMessage(), e);
        }
    }

    private void watch(OutboxProcessor processor) throws InterruptedException {
        StopSignals.Waiter stop = signals.install();
        processor.start();
        stop.await();
        processor.stop(Duration.ofSeconds(8)); // in-flight requests finish or are left safe to retry
    }

    private int summary(OutboxStatistics stats, long delivered) {
        long failed = stats.failedForGood();
        long pending = stats.total() - stats.completed() - failed;
        output.line("delivered " + delivered + ", failed " + failed + ", pending " + pending);
        if (mode.watch) {
            return ExitCodes.DONE;
        }
        return failed == 0 && pending == 0 ? ExitCodes.DONE : ExitCodes.UNDONE;
    }

    /** The API's base, checked by the HTTP client's own rule, so a bad one is bad input (exit 2), not exit 3. */
    private URI apiUri() {
        URI uri;
        try {
            uri = URI.create(api);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new BadInputException("--api '" + Output.shorten(api) + "' is not an http(s) URL; use e.g."
                    + " https://api.example.com");
        }
        if (!RemoteApi.isUsableBase(uri)) {
            // the rest of the client's rule: no user info, query or fragment
            throw new BadInputException("--api '" + Output.shorten(api) + "' has a user, query or fragment; give the"
                    + " base URL alone, e.g. https://api.example.com (the token comes from the environment)");
        }
        return uri;
    }

    private String token() {
        String variable = session.app().envPrefix() + "_API_TOKEN";
        String token = session.environment().get(variable);
        if (token == null || token.isBlank()) {
            throw new BadInputException(variable + " is not set; export the API token before syncing");
        }
        if (!token.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new BadInputException(variable + " holds characters a token cannot have; use printable ASCII");
        }
        return token;
    }

    private ProcessorConfig config() {
        ProcessorConfig.Builder builder = ProcessorConfig.builder();
        Limits.requireRange("--batch-size", batchSize, 1, 10_000);
        Limits.requireRange("--concurrency", concurrency, 1, 1_000);
        if (maxAttempts != null) {
            Limits.requireRange("--max-attempts", maxAttempts, 1, 1_000);
            builder.maxAttemptsOverride(maxAttempts);
        }
        // a zero wait would spend every attempt of an event at once, in one bad minute of the network
        if (retryDelays.isEmpty() || retryDelays.stream().anyMatch(Duration::isZero) || lease.isZero()
                || timeout.isZero() || requestTimeout.isZero()) {
            throw new BadInputException("--retry-delays, --lease, --timeout and --request-timeout must be positive"
                    + " durations such as 5s");
        }
        return builder.batchSize(batchSize).concurrency(concurrency).lease(lease)
                .retryPolicy(new RetryPolicy(retryDelays, RetryPolicy.DEFAULT_JITTER))
                .pollInterval(Duration.ofSeconds(2)).build();
    }

}
