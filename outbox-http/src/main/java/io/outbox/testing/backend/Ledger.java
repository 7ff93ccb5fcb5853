package io.outbox.testing.backend;

import io.outbox.http.Json;
import io.outbox.http.JsonException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The stand-in's state and its rules: resources per collection, the answer remembered per acted
 * key, the creates per client id and the journal. Thread-safe: every method holds the one
 * monitor, so a key is acted on at most once even when its retries arrive together.
 */
final class Ledger {
    private static final Logger log = LoggerFactory.getLogger(Ledger.class);
    private static final Function<Map<String, Object>, Optional<String>> ACCEPT_ALL = body -> Optional.empty();

    private final Map<String, Function<Map<String, Object>, Optional<String>>> validators;
    private final Clock clock;
    private final Map<String, Map<String, Resource>> resources = new LinkedHashMap<>();
    /** Per collection, the backend id of each live resource by its client id: a create looks it up, not scans. */
    private final Map<String, Map<String, String>> byClientId = new HashMap<>();
    private final Map<String, Map<String, Integer>> creates = new LinkedHashMap<>();
    private final Map<String, Answer> remembered = new HashMap<>();
    private final List<JournalEntry> journal = new ArrayList<>();
    /** When the backend first acted on each key, by its clock. */
    private final Map<String, Instant> actedAt = new HashMap<>();
    /** Every create acted on, in the order decided. */
    private final List<Arrival> arrivals = new ArrayList<>();

    Ledger(Map<String, Function<Map<String, Object>, Optional<String>>> validators, Clock clock) {
        this.validators = Map.copyOf(validators);
        this.clock = clock;
    }

    /**
     * Answers a request that passed the token and key checks. A remembered key is replayed whatever
     * the fault (a drop aside, which the caller applies before); otherwise an error fault answers
     * without acting, and ACT_THEN_DROP acts and then gives no answer.
     */
    synchronized Optional<Answer> handle(Incoming in, Optional<Fault> fault) {
        String key = in.key().orElseThrow();
        Optional<FaultKind> slow = fault.map(Fault::kind).filter(FaultKind.SLOW::equals);
        Answer known = remembered.get(key);
        if (known != null) {
            record(in, OptionalInt.of(known.status()), false, true, slow);
            return Optional.of(known);
        }
        Optional<Answer> injected = fault.flatMap(f -> f.answer(clock.instant()));
        if (injected.isPresent()) {
            record(in, OptionalInt.of(injected.get().status()), false, false, fault.map(Fault::kind));
            return injected;
        }
        Answer answer = act(in);
        boolean acted = isActedOn(in.method(), answer.status());
        if (acted) {
            remembered.put(key, answer);
        }
        if (fault.filter(f -> f.is(FaultKind.ACT_THEN_DROP)).isPresent()) {
            record(in, OptionalInt.empty(), acted, false, Optional.of(FaultKind.ACT_THEN_DROP));
            return Optional.empty();
        }
        record(in, OptionalInt.of(answer.status()), acted, false, slow);
        return Optional.of(answer);
    }

    /** Notes a request answered without acting or dropped before it ({@code status} empty). */
    synchronized void record(Incoming in, OptionalInt status, Optional<FaultKind> fault) {
        record(in, status, false, false, fault);
    }

    /** The clock of the backend's instants; thread-safe itself, so read without the monitor. */
    Clock clock() {
        return clock;
    }

    synchronized List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    synchronized Optional<Instant> actedAt(String key) {
        return Optional.ofNullable(actedAt.get(key));
    }

    synchronized List<JournalEntry> journal() {
        return List.copyOf(journal);
    }

    synchronized Set<String> collections() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(resources.keySet()));
    }

    synchronized Map<String, Resource> resources(String collection) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(resources.getOrDefault(collection, Map.of())));
    }

    synchronized Map<String, Integer> creates(String collection) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(creates.getOrDefault(collection, Map.of())));
    }

    /** The contract's rule: a 2xx, or a 409 on POST, binds the key to its answer. */
    private static boolean isActedOn(String method, int status) {
        return (status >= 200 && status < 300) || (status == 409 && method.equals("POST"));
    }

    private Answer act(Incoming in) {
        Optional<Route> found = Route.parse(in.path());
        if (found.isEmpty()) {
            return Answer.error(404, "no such route");
        }
        Route route = found.get();
        switch (in.method()) {
            case "POST":
                return route.backendId().isPresent() ? notAllowed(in, route)
                        : withBody(in, route.collection(), body -> create(in, route.collection(), body));
            case "PUT":
                return route.backendId().map(id -> update(in, route.collection(), id)).orElseGet(() -> notAllowed(in, route));
            case "DELETE":
                return route.backendId().map(id -> delete(route.collection(), id)).orElseGet(() -> notAllowed(in, route));
            default:
                return notAllowed(in, route);
        }
    }

    private Answer create(Incoming in, String collection, Map<String, Object> body) {
        String clientId = (String) body.get("client_id");
        Map<String, Resource> live = resources.computeIfAbsent(collection, c -> new LinkedHashMap<>());
        Map<String, String> ids = byClientId.computeIfAbsent(collection, c -> new HashMap<>());
        String existing = ids.get(clientId);
        if (existing != null) {
            return Answer.json(409, Map.of("id", existing));
        }
        String backendId = UUID.randomUUID().toString();
        live.put(backendId, new Resource(backendId, clientId, body, 1));
        ids.put(clientId, backendId);
        creates.computeIfAbsent(collection, c -> new LinkedHashMap<>()).merge(clientId, 1, Integer::sum);
        arrivals.add(new Arrival(collection, clientId, in.receivedAt()));
        return Answer.json(201, Map.of("id", backendId));
    }

    private Answer update(Incoming in, String collection, String backendId) {
        Resource current = resources.getOrDefault(collection, Map.of()).get(backendId);
        if (current == null) {
            return Answer.error(404, "no " + collection + " entry " + backendId);
        }
        return withBody(in, collection, body -> {
            if (!current.clientId().equals(body.get("client_id"))) {
                return Answer.error(422, "client_id cannot change");
            }
            resources.get(collection).put(backendId, new Resource(backendId, current.clientId(), body,
                    current.version() + 1));
            return Answer.empty(200);
        });
    }

    private Answer delete(String collection, String backendId) {
        Resource removed = resources.getOrDefault(collection, new HashMap<>()).remove(backendId);
        if (removed == null) {
            return Answer.error(404, "no " + collection + " entry " + backendId);
        }
        byClientId.get(collection).remove(removed.clientId());
        return Answer.empty(204);
    }

    /** Checks the body every POST and PUT carries, then hands it on: a JSON object with a client id, valid for its collection. */
    private Answer withBody(Incoming in, String collection, Function<Map<String, Object>, Answer> then) {
        if (in.tooLarge()) {
            return Answer.error(413, "body larger than " + Incoming.MAX_BODY_BYTES + " bytes");
        }
        if (!in.json()) {
            return Answer.error(415, "Content-Type must be application/json");
        }
        Optional<String> text = in.text();
        if (text.isEmpty()) {
            return Answer.error(400, "body is not UTF-8");
        }
        Map<String, Object> body;
        try {
            body = Json.parseObject(text.get());
        } catch (JsonException bad) {
            return Answer.error(400, "body is not a JSON object: " + bad.getMessage());
        }
        Object clientId = body.get("client_id");
        if (!(clientId instanceof String) || ((String) clientId).isBlank()) {
            return Answer.error(400, "client_id is required");
        }
        Optional<String> invalid;
        try {
            invalid = validators.getOrDefault(collection, ACCEPT_ALL).apply(body);
        } catch (RuntimeException broken) {
            // the app's own check failed; its message may quote the body, so only the type is told
            log.warn("stand-in: the validator of {} threw {}", collection, broken.getClass().getName());
            return Answer.error(500, "validator failed: " + broken.getClass().getSimpleName());
        }
        return invalid.map(message -> Answer.error(422, message)).orElseGet(() -> then.apply(body));
    }

    private static Answer notAllowed(Incoming in, Route route) {
        String target = route.backendId().isPresent() ? "an entry of " + route.collection() : route.collection();
        return Answer.error(405, in.method() + " is not allowed on " + target);
    }

    private void record(Incoming in, OptionalInt status, boolean acted, boolean replay, Optional<FaultKind> fault) {
        journal.add(new JournalEntry(in.method(), in.path(), in.key(), status, acted, replay, fault));
        if (acted && !replay) {
            in.key().ifPresent(key -> actedAt.putIfAbsent(key, clock.instant()));
        }
    }
}
