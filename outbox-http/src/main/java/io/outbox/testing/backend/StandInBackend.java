package io.outbox.testing.backend;

import com.sun.net.httpserver.HttpServer;
import io.outbox.InvalidConfigurationException;
import io.outbox.OutboxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A stand-in for the remote API of docs/remote-api.md on 127.0.0.1, for tests and demos; never on the
 * path of a real sync. It serves any collection under {@code /api/v1/}, remembers acted-on keys,
 * injects seeded faults and keeps a journal of every request. Thread-safe; {@link #close()} stops
 * the server and its threads (close it: the JDK server's dispatcher thread keeps a JVM alive).
 */
public final class StandInBackend implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StandInBackend.class);
    /**
     * Requests answered at once, as a real API serves many clients: with 4, answers delayed 20 ms
     * capped the stand-in at 200 requests/s, below what one app's sync sends.
     */
    private static final int THREADS = 32;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Ledger ledger;
    private final byte[] token;
    private final URI baseUri;
    private final AtomicBoolean closed = new AtomicBoolean();

    private StandInBackend(HttpServer server, ExecutorService executor, Ledger ledger, byte[] token) {
        this.server = server;
        this.executor = executor;
        this.ledger = ledger;
        this.token = token;
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Starts a backend on an ephemeral loopback port; see {@link #baseUri()}. */
    public static StandInBackend start(Options options) {
        Objects.requireNonNull(options, "options");
        Ledger ledger = new Ledger(options.validators(), options.clock());
        StandInHandler handler = new StandInHandler(options.token().getBytes(StandardCharsets.UTF_8), ledger,
                new FaultDice(options.faults(), options.seed()), options.faults().slowDelay());
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        try {
            HttpServer server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 50);
            server.createContext("/", handler);
            server.setExecutor(executor);
            server.start();
            StandInBackend backend = new StandInBackend(server, executor, ledger,
                    options.token().getBytes(StandardCharsets.UTF_8));
            log.info("stand-in backend listening on {} ({})", backend.baseUri, options);
            return backend;
        } catch (IOException | RuntimeException failed) {
            executor.shutdownNow();
            throw new OutboxException("could not start the stand-in backend on 127.0.0.1", failed);
        }
    }

    /** Where it listens, {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * From now on, requests get the faults of {@code plan}, drawn from {@code seed}; the state
     * (entries, remembered keys, journal) stays. Requests in flight finish under the old plan.
     * A campaign kills a client under faults, then restarts it against the same backend healed.
     */
    public synchronized void injectFaults(FaultPlan plan, long seed) {
        Objects.requireNonNull(plan, "plan");
        server.removeContext("/");
        server.createContext("/", new StandInHandler(token, ledger, new FaultDice(plan, seed), plan.slowDelay()));
    }

    /** When the backend first acted on the idempotency key, by its clock; empty while it has not. */
    public Optional<Instant> actedAt(String idempotencyKey) {
        return ledger.actedAt(idempotencyKey);
    }

    /**
     * Every create acted on so far (a replayed key or a 409 is none), in the order decided, each
     * with its client id and when its request was received: when each change reached the backend.
     */
    public List<Arrival> arrivals() {
        return ledger.arrivals();
    }

    /** Every request received so far, in the order they were decided. */
    public List<JournalEntry> journal() {
        return ledger.journal();
    }

    /** Totals over the journal so far. */
    public Counters counters() {
        return Counters.of(ledger.journal());
    }

    /** Collections that have had a POST, such as {@code progress} or {@code wellness/mood-entries}. */
    public Set<String> collections() {
        return ledger.collections();
    }

    /** The live entries of {@code collection} by backend id, in creation order: a snapshot. */
    public Map<String, Resource> resources(String collection) {
        return ledger.resources(collection);
    }

    /** Live entries per collection: a snapshot. */
    public Map<String, Map<String, Resource>> resources() {
        Map<String, Map<String, Resource>> all = new LinkedHashMap<>();
        collections().forEach(collection -> all.put(collection, resources(collection)));
        return Collections.unmodifiableMap(all);
    }

    /** How many times each client id of {@code collection} was created (deleted ones too): all 1 unless something was done twice. */
    public Map<String, Integer> createsPerClientId(String collection) {
        return ledger.creates(collection);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("stand-in backend threads did not stop within 5 s");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        log.info("stand-in backend on {} stopped", baseUri);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "stand-in-backend-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * How a stand-in behaves. Immutable; its {@code toString()} hides the token.
     *
     * @param token      the bearer token it accepts; any other, or none, gets 401
     * @param faults     which faults it injects ({@link FaultPlan#none()} by default)
     * @param seed       seeds the fault draws, so a run replays (0 by default)
     * @param validators per collection ({@code progress}, {@code wellness/mood-entries}), a check of
     *                   POST and PUT bodies giving the message of a 422, or empty to accept (none by default)
     * @param clock      for the dates of {@code Retry-After} (the system UTC clock by default)
     */
    public record Options(String token, FaultPlan faults, long seed,
                          Map<String, Function<Map<String, Object>, Optional<String>>> validators, Clock clock) {
        private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]+");

        /** Checks the token (visible ASCII) and keeps an unmodifiable copy of the validators. */
        public Options {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(faults, "faults");
            Objects.requireNonNull(validators, "validators");
            Objects.requireNonNull(clock, "clock");
            if (!TOKEN.matcher(token).matches()) {
                throw new InvalidConfigurationException("the token must be one or more visible ASCII characters");
            }
            validators = Map.copyOf(validators);
        }

        /** Accepts {@code token}, injects no faults, validates nothing. */
        public static Options withToken(String token) {
            return new Options(token, FaultPlan.none(), 0, Map.of(), Clock.systemUTC());
        }

        /** The same options with this fault plan. */
        public Options withFaults(FaultPlan plan) {
            return new Options(token, plan, seed, validators, clock);
        }

        /** The same options with this seed of the fault draws. */
        public Options withSeed(long value) {
            return new Options(token, faults, value, validators, clock);
        }

        /** The same options with a body check for one collection (its message is a 422's). */
        public Options withValidator(String collection, Function<Map<String, Object>, Optional<String>> validator) {
            Map<String, Function<Map<String, Object>, Optional<String>>> more = new LinkedHashMap<>(validators);
            more.put(collection, validator);
            return new Options(token, faults, seed, more, clock);
        }

        /** The same options with this clock for {@code Retry-After} dates. */
        public Options withClock(Clock value) {
            return new Options(token, faults, seed, validators, value);
        }

        @Override
        public String toString() {
            return "Options[token redacted, faults " + faults + ", seed " + seed + ", validators for "
                    + validators.keySet() + "]";
        }
    }
}
