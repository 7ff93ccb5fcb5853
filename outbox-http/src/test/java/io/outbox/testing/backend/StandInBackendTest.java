package io.outbox.testing.backend;

import io.outbox.InvalidConfigurationException;
import io.outbox.http.CapturedLogs;
import io.outbox.http.Json;
import io.outbox.http.RetryAfter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The stand-in backend speaks docs/remote-api.md: idempotent keys, conflicts, 404s, tokens, seeded faults, a journal. */
class StandInBackendTest {
    private static final String TOKEN = "stand-in-token-5c1e";
    private static final String MOODS = "/api/v1/wellness/mood-entries";

    private final List<StandInBackend> backends = new ArrayList<>();

    @AfterEach
    void closeBackends() {
        backends.forEach(StandInBackend::close);
    }

    private StandInBackend start(StandInBackend.Options options) {
        StandInBackend backend = StandInBackend.start(options);
        backends.add(backend);
        return backend;
    }

    private StandInBackend start() {
        return start(StandInBackend.Options.withToken(TOKEN));
    }

    private static RawClient client(StandInBackend backend) {
        return new RawClient(backend.baseUri(), TOKEN);
    }

    private static String mood(String clientId, double valence) {
        return Json.write(Map.of("client_id", clientId, "valence", valence, "labels", List.of("calm"),
                "date", "2025-01-31T08:00:00Z"));
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static String idOf(HttpResponse<String> response) {
        return (String) Json.parseObject(response.body()).get("id");
    }

    @Test
    void givenSameKeyTwice_whenPosted_thenCreatedOnce_andTheSameAnswerReplayed() {
        StandInBackend backend = start();
        RawClient client = client(backend);
        String key = key();

        HttpResponse<String> first = client.answer("POST", MOODS, mood("m-1", 0.4), key);
        HttpResponse<String> second = client.answer("POST", MOODS, mood("m-1", 0.4), key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(backend.resources("wellness/mood-entries")).containsOnlyKeys(idOf(first));
        assertThat(backend.createsPerClientId("wellness/mood-entries")).containsExactly(Map.entry("m-1", 1));
        assertThat(backend.journal()).extracting(JournalEntry::acted, JournalEntry::replay)
                .containsExactly(tuple(true, false), tuple(false, true));
    }

    @Test
    void givenKnownClientId_whenPostedWithANewKey_then409WithTheExistingId_andThatAnswerRemembered() {
        StandInBackend backend = start();
        RawClient client = client(backend);
        String id = idOf(client.answer("POST", MOODS, mood("m-1", 0.4), key()));
        String conflictKey = key();

        HttpResponse<String> conflict = client.answer("POST", MOODS, mood("m-1", 0.9), conflictKey);
        client.answer("DELETE", MOODS + "/" + id, null, key());
        HttpResponse<String> replayed = client.answer("POST", MOODS, mood("m-1", 0.9), conflictKey);

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(Json.parseObject(conflict.body())).isEqualTo(Map.of("id", id));
        assertThat(replayed.statusCode()).isEqualTo(409);
        assertThat(replayed.body()).isEqualTo(conflict.body());
        assertThat(backend.resources("wellness/mood-entries")).isEmpty();
        assertThat(backend.createsPerClientId("wellness/mood-entries")).containsExactly(Map.entry("m-1", 1));
        assertThat(backend.journal().get(1).acted()).isTrue();
        assertThat(backend.journal().get(3).replay()).isTrue();
    }

    @Test
    void givenDeletedEntry_whenItsClientIdIsPostedAgain_thenANewEntryIsCreated_andTheOthersStillConflict() {
        StandInBackend backend = start();
        RawClient client = client(backend);
        String first = idOf(client.answer("POST", MOODS, mood("m-1", 0.4), key()));
        String other = idOf(client.answer("POST", MOODS, mood("m-2", 0.1), key()));
        client.answer("DELETE", MOODS + "/" + first, null, key());

        HttpResponse<String> again = client.answer("POST", MOODS, mood("m-1", 0.5), key());
        HttpResponse<String> conflict = client.answer("POST", MOODS, mood("m-2", 0.1), key());

        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(idOf(again)).isNotEqualTo(first);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(Json.parseObject(conflict.body())).isEqualTo(Map.of("id", other));
        assertThat(backend.createsPerClientId("wellness/mood-entries")).containsEntry("m-1", 2);
    }

    @Test
    void givenUnknownBackendId_whenPutOrDeleted_then404WithError_andTheKeyIsNotRemembered() {
        StandInBackend backend = start();
        RawClient client = client(backend);
        String unknown = MOODS + "/" + UUID.randomUUID();
        String putKey = key();
        String deleteKey = key();

        HttpResponse<String> put = client.answer("PUT", unknown, mood("m-1", 0.1), putKey);
        HttpResponse<String> delete = client.answer("DELETE", unknown, null, deleteKey);
        HttpResponse<String> laterPost = client.answer("POST", MOODS, mood("m-1", 0.1), putKey);
        HttpResponse<String> laterDelete = client.answer("DELETE", MOODS + "/" + idOf(laterPost), null, deleteKey);

        assertThat(put.statusCode()).isEqualTo(404);
        assertThat(Json.parseObject(put.body())).containsKey("error");
        assertThat(delete.statusCode()).isEqualTo(404);
        assertThat(laterPost.statusCode()).isEqualTo(201);
        assertThat(laterDelete.statusCode()).isEqualTo(204);
        assertThat(backend.journal()).extracting(JournalEntry::replay).containsOnly(false);
    }

    @Test
    void givenWrongOrMissingToken_whenSent_then401WithAnError_andNothingDoneOrRemembered() {
        StandInBackend backend = start();
        RawClient client = client(backend);
        String key = key();

        HttpResponse<String> wrong = client.send("POST", MOODS, mood("m-1", 0.4), key, "guessed-token").orElseThrow();
        HttpResponse<String> missing = client.send("POST", MOODS, mood("m-1", 0.4), key, null).orElseThrow();
        HttpResponse<String> right = client.answer("POST", MOODS, mood("m-1", 0.4), key);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(Json.parseObject(wrong.body())).containsOnlyKeys("error");
        assertThat(wrong.body()).doesNotContain(TOKEN).doesNotContain("guessed-token");
        assertThat(right.statusCode()).isEqualTo(201);
        assertThat(backend.createsPerClientId("wellness/mood-entries")).containsExactly(Map.entry("m-1", 1));
    }

    @Test
    void givenMissingOrMalformedKey_whenSent_then400_andNothingDone() {
        StandInBackend backend = start();
        RawClient client = client(backend);

        HttpResponse<String> missing = client.answer("POST", MOODS, mood("m-1", 0.4), null);
        HttpResponse<String> upper = client.answer("POST", MOODS, mood("m-1", 0.4), key().toUpperCase());

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(Json.parseObject(missing.body()).get("error")).asString().contains("Idempotency-Key");
        assertThat(upper.statusCode()).isEqualTo(400);
        assertThat(backend.resources("wellness/mood-entries")).isEmpty();
    }

    @Test
    void givenEntry_whenPutThenDeleted_thenVersionsCounted_andTheDeleteReplayedAfterRemoval() {
        StandInBackend backend = start();
        RawClient client = client(backend);
        String id = idOf(client.answer("POST", MOODS, mood("m-1", 0.4), key()));
        String deleteKey = key();

        HttpResponse<String> put = client.answer("PUT", MOODS + "/" + id, mood("m-1", -0.5), key());
        Resource updated = backend.resources("wellness/mood-entries").get(id);
        HttpResponse<String> delete = client.answer("DELETE", MOODS + "/" + id, null, deleteKey);
        HttpResponse<String> deleteAgain = client.answer("DELETE", MOODS + "/" + id, null, deleteKey);

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.body()).containsEntry("valence", new BigDecimal("-0.5"));
        assertThat(delete.statusCode()).isEqualTo(204);
        assertThat(deleteAgain.statusCode()).isEqualTo(204);
        assertThat(backend.journal().get(3).replay()).isTrue();
        assertThat(backend.resources("wellness/mood-entries")).isEmpty();
    }

    @Test
    void givenPutChangingTheClientId_whenSent_then422() {
        StandInBackend backend = start();
        RawClient client = client(backend);
        String id = idOf(client.answer("POST", MOODS, mood("m-1", 0.4), key()));

        HttpResponse<String> put = client.answer("PUT", MOODS + "/" + id, mood("m-2", 0.4), key());

        assertThat(put.statusCode()).isEqualTo(422);
        assertThat(backend.resources("wellness/mood-entries").get(id).version()).isEqualTo(1);
    }

    @Test
    void givenValidator_whenABodyBreaksIt_then422WithItsMessage_andNothingStored() {
        StandInBackend backend = start(StandInBackend.Options.withToken(TOKEN).withValidator("wellness/mood-entries",
                body -> ((Number) body.get("valence")).doubleValue() > 1 ? Optional.of("valence must be in [-1, 1]")
                        : Optional.empty()));
        RawClient client = client(backend);

        HttpResponse<String> rejected = client.answer("POST", MOODS, mood("m-1", 1.5), key());
        HttpResponse<String> accepted = client.answer("POST", MOODS, mood("m-2", 1.0), key());
        HttpResponse<String> otherCollection = client.answer("POST", "/api/v1/progress", mood("p-1", 9.0), key());

        assertThat(rejected.statusCode()).isEqualTo(422);
        assertThat(Json.parseObject(rejected.body())).isEqualTo(Map.of("error", "valence must be in [-1, 1]"));
        assertThat(accepted.statusCode()).isEqualTo(201);
        assertThat(otherCollection.statusCode()).isEqualTo(201);
        assertThat(backend.createsPerClientId("wellness/mood-entries")).containsOnlyKeys("m-2");
    }

    @Test
    void givenValidatorThatThrows_whenPosted_then500NamingOnlyTheExceptionType_andNothingStored() {
        StandInBackend backend = start(StandInBackend.Options.withToken(TOKEN).withValidator("wellness/mood-entries",
                body -> {
                    throw new IllegalStateException("cannot read " + body.get("client_id"));
                }));

        HttpResponse<String> answer = client(backend).answer("POST", MOODS, mood("m-secret", 0.1), key());

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("IllegalStateException").doesNotContain("m-secret");
        assertThat(backend.resources("wellness/mood-entries")).isEmpty();
    }

    @Test
    void givenBadBodies_whenPosted_then4xxWithoutActing() {
        StandInBackend backend = start();
        RawClient client = client(backend);

        assertThat(client.answer("POST", MOODS, "{\"valence\":0.1}", key()).statusCode()).isEqualTo(400);
        assertThat(client.answer("POST", MOODS, "not json", key()).statusCode()).isEqualTo(400);
        assertThat(client.answer("POST", MOODS, "[1]", key()).statusCode()).isEqualTo(400);
        assertThat(backend.counters().acted()).isZero();
    }

    @Test
    void givenCollectionsOfOneOrMoreSegments_whenRouted_thenALastUuidSegmentIsTheBackendId() {
        StandInBackend backend = start();
        RawClient client = client(backend);
        String progressId = idOf(client.answer("POST", "/api/v1/progress", mood("p-1", 1), key()));
        String journalId = idOf(client.answer("POST", "/api/v1/wellness/journal-entries", mood("j-1", 1), key()));

        assertThat(client.answer("PUT", "/api/v1/progress/" + progressId, mood("p-1", 2), key()).statusCode()).isEqualTo(200);
        assertThat(client.answer("PUT", "/api/v1/wellness/journal-entries/" + journalId, mood("j-1", 2), key()).statusCode())
                .isEqualTo(200);
        assertThat(client.answer("PUT", "/api/v1/wellness/journal-entries/" + progressId, mood("p-1", 2), key()).statusCode())
                .isEqualTo(404);
        assertThat(client.answer("PUT", "/api/v1/progress", mood("p-1", 2), key()).statusCode()).isEqualTo(405);
        assertThat(client.answer("POST", "/api/v1/progress/" + progressId, mood("p-1", 2), key()).statusCode()).isEqualTo(405);
        assertThat(client.answer("POST", "/elsewhere", mood("p-1", 2), key()).statusCode()).isEqualTo(404);
        assertThat(backend.collections()).containsExactly("progress", "wellness/journal-entries");
        assertThat(backend.resources().get("wellness/journal-entries").get(journalId).version()).isEqualTo(2);
    }

    @Test
    void givenTheSameSeed_whenTheSameRequestsArrive_thenTheSameFaults_andAnotherSeedDiffers() {
        FaultPlan plan = FaultPlan.of(0.5).withSlowDelay(Duration.ZERO);

        List<String> one = faultsOf(start(StandInBackend.Options.withToken(TOKEN).withFaults(plan).withSeed(7)));
        List<String> two = faultsOf(start(StandInBackend.Options.withToken(TOKEN).withFaults(plan).withSeed(7)));
        List<String> other = faultsOf(start(StandInBackend.Options.withToken(TOKEN).withFaults(plan).withSeed(8)));

        assertThat(one).isEqualTo(two);
        assertThat(one).isNotEqualTo(other);
        assertThat(one).contains("none").anyMatch(fault -> !fault.equals("none"));
    }

    /** Sends 40 creates, each retried with its key until acted on or 4 tries, and lists fault and status of each request. */
    private static List<String> faultsOf(StandInBackend backend) {
        RawClient client = client(backend);
        for (int i = 0; i < 40; i++) {
            String key = "00000000-0000-4000-8000-" + String.format("%012d", i);
            for (int attempt = 0; attempt < 4; attempt++) {
                Optional<HttpResponse<String>> answer = client.send("POST", MOODS, mood("m-" + i, 0.1), key);
                if (answer.isPresent() && answer.get().statusCode() == 201) {
                    break;
                }
            }
        }
        return backend.journal().stream()
                .map(e -> e.fault().map(Enum::name).orElse("none") + "/" + e.status() + "/" + e.replay())
                .map(s -> s.startsWith("none/") ? "none" : s)
                .collect(Collectors.toList());
    }

    @Test
    void givenActThenDrop_whenRetriedWithTheSameKey_thenActedOnce_andTheRetryAbsorbed() {
        StandInBackend backend = start(StandInBackend.Options.withToken(TOKEN)
                .withFaults(FaultPlan.of(1.0, FaultKind.ACT_THEN_DROP)));
        RawClient client = client(backend);
        String key = key();

        Optional<HttpResponse<String>> first = client.send("POST", MOODS, mood("m-1", 0.4), key);
        HttpResponse<String> retry = client.answer("POST", MOODS, mood("m-1", 0.4), key);

        assertThat(first).isEmpty();
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(backend.resources("wellness/mood-entries")).containsOnlyKeys(idOf(retry));
        assertThat(backend.journal()).containsExactly(
                new JournalEntry("POST", MOODS, Optional.of(key), OptionalInt.empty(), true, false,
                        Optional.of(FaultKind.ACT_THEN_DROP)),
                new JournalEntry("POST", MOODS, Optional.of(key), OptionalInt.of(201), false, true, Optional.empty()));
        assertThat(backend.counters()).isEqualTo(new Counters(2, 1, 1, Map.of(FaultKind.ACT_THEN_DROP, 1L)));
    }

    @Test
    void givenAnActedKey_whenErrorFaultsKeepComing_thenEveryRetryGetsTheRememberedAnswer() {
        StandInBackend backend = start(StandInBackend.Options.withToken(TOKEN).withSeed(3).withFaults(new FaultPlan(1.0,
                EnumSet.of(FaultKind.SERVER_ERROR, FaultKind.UNAVAILABLE, FaultKind.TOO_MANY_REQUESTS,
                        FaultKind.ACT_THEN_DROP), Duration.ZERO)));
        RawClient client = client(backend);
        String key = key();
        Optional<HttpResponse<String>> answer = Optional.empty();
        for (int i = 0; i < 50 && backend.counters().acted() == 0; i++) {
            answer = client.send("POST", MOODS, mood("m-1", 0.4), key);
        }

        List<HttpResponse<String>> replays = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            replays.add(client.answer("POST", MOODS, mood("m-1", 0.4), key));
        }

        assertThat(answer).isEmpty();
        String id = backend.resources("wellness/mood-entries").keySet().iterator().next();
        assertThat(replays).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201))
                .allSatisfy(r -> assertThat(idOf(r)).isEqualTo(id));
        assertThat(backend.createsPerClientId("wellness/mood-entries")).containsExactly(Map.entry("m-1", 1));
        assertThat(backend.counters().replays()).isEqualTo(10);
    }

    @Test
    void givenDropFault_whenSent_thenNoAnswer_andNothingDone() {
        StandInBackend backend = start(StandInBackend.Options.withToken(TOKEN).withFaults(FaultPlan.of(1.0, FaultKind.DROP)));
        RawClient client = client(backend);
        String key = key();

        Optional<HttpResponse<String>> first = client.send("POST", MOODS, mood("m-1", 0.4), key);
        Optional<HttpResponse<String>> second = client.send("POST", MOODS, mood("m-1", 0.4), key);

        assertThat(first).isEmpty();
        assertThat(second).isEmpty();
        assertThat(backend.resources("wellness/mood-entries")).isEmpty();
        assertThat(backend.journal()).allSatisfy(e -> {
            assertThat(e.dropped()).isTrue();
            assertThat(e.acted()).isFalse();
            assertThat(e.fault()).contains(FaultKind.DROP);
        });
    }

    @Test
    void givenRunningBackend_whenFaultsInjectedThenHealed_thenStateKeptAndOnlyTheMiddleRequestDropped() {
        StandInBackend backend = start(StandInBackend.Options.withToken(TOKEN));
        RawClient client = client(backend);
        String key = key();

        Optional<HttpResponse<String>> healthy = client.send("POST", MOODS, mood("m-1", 0.4), key);
        backend.injectFaults(FaultPlan.of(1.0, FaultKind.DROP), 7);
        Optional<HttpResponse<String>> faulty = client.send("POST", MOODS, mood("m-2", 0.4), key());
        backend.injectFaults(FaultPlan.none(), 0);
        Optional<HttpResponse<String>> replayed = client.send("POST", MOODS, mood("m-1", 0.4), key);

        assertThat(healthy).get().extracting(HttpResponse::statusCode).isEqualTo(201);
        assertThat(faulty).isEmpty();
        assertThat(replayed).get().extracting(HttpResponse::body).isEqualTo(healthy.get().body());
        assertThat(backend.resources("wellness/mood-entries")).hasSize(1);
        assertThat(backend.createsPerClientId("wellness/mood-entries")).containsOnlyKeys("m-1");
    }

    @Test
    void givenSlowDownFaults_whenSent_then429And503CarryRetryAfterInSecondsOrAsADate() {
        StandInBackend backend = start(StandInBackend.Options.withToken(TOKEN).withSeed(11)
                .withFaults(FaultPlan.of(1.0, FaultKind.TOO_MANY_REQUESTS, FaultKind.UNAVAILABLE)));
        RawClient client = client(backend);
        Instant before = Instant.now();

        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(client.answer("POST", MOODS, mood("m-1", 0.4), key()));
        }

        Set<Integer> statuses = answers.stream().map(HttpResponse::statusCode).collect(Collectors.toSet());
        List<String> retryAfters = answers.stream().map(r -> r.headers().firstValue("Retry-After").orElseThrow())
                .collect(Collectors.toList());
        assertThat(statuses).containsExactlyInAnyOrder(429, 503);
        assertThat(retryAfters).contains("1").anyMatch(value -> value.endsWith(" GMT"));
        assertThat(retryAfters).allSatisfy(value -> assertThat(RetryAfter.parse(value, before))
                .hasValueSatisfying(at -> assertThat(at).isBetween(before, before.plusSeconds(3))));
        assertThat(backend.resources("wellness/mood-entries")).isEmpty();
    }

    @Test
    void givenSlowFault_whenSent_thenTheAnswerComesAfterTheDelay() {
        StandInBackend backend = start(StandInBackend.Options.withToken(TOKEN)
                .withFaults(FaultPlan.of(1.0, FaultKind.SLOW).withSlowDelay(Duration.ofMillis(150))));
        RawClient client = client(backend);

        long start = System.nanoTime();
        HttpResponse<String> answer = client.answer("POST", MOODS, mood("m-1", 0.4), key());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(backend.journal().get(0).fault()).contains(FaultKind.SLOW);
    }

    @Test
    void givenSlowFault_whenCreated_thenTheArrivalIsStampedWhenReceived_beforeTheDelay() {
        StandInBackend backend = start(StandInBackend.Options.withToken(TOKEN)
                .withFaults(FaultPlan.of(1.0, FaultKind.SLOW).withSlowDelay(Duration.ofMillis(150))));
        RawClient client = client(backend);
        String key = key();

        client.answer("POST", MOODS, mood("m-1", 0.4), key);

        assertThat(backend.arrivals()).singleElement().satisfies(arrival -> {
            assertThat(arrival.collection()).isEqualTo("wellness/mood-entries");
            assertThat(arrival.clientId()).isEqualTo("m-1");
            assertThat(Duration.between(arrival.receivedAt(), backend.actedAt(key).orElseThrow()))
                    .as("received, then the slow answer's delay, then acted on")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(150));
        });
    }

    @Test
    void givenAReplayedKeyAndAConflict_whenPosted_thenOnlyTheFirstCreateIsAnArrival() {
        StandInBackend backend = start();
        RawClient client = client(backend);
        String key = key();

        client.answer("POST", MOODS, mood("m-1", 0.4), key);
        client.answer("POST", MOODS, mood("m-1", 0.4), key);
        client.answer("POST", MOODS, mood("m-1", 0.4), key());
        client.answer("POST", MOODS, mood("m-2", 0.1), key());

        assertThat(backend.arrivals()).extracting(Arrival::clientId).containsExactly("m-1", "m-2");
    }

    @Test
    void givenRetriesOfOneKeyArrivingTogether_whenServed_thenOneCreate_andEveryoneTheSameAnswer() throws Exception {
        StandInBackend backend = start();
        RawClient client = client(backend);
        String key = key();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    go.await(5, TimeUnit.SECONDS);
                    return client.answer("POST", MOODS, mood("m-1", 0.4), key);
                }));
            }
            go.countDown();
            Set<String> bodies = new HashSet<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(5, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(201);
                bodies.add(response.body());
            }
            assertThat(bodies).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(backend.createsPerClientId("wellness/mood-entries")).containsExactly(Map.entry("m-1", 1));
        assertThat(backend.counters()).isEqualTo(new Counters(8, 1, 7, Map.of()));
    }

    @Test
    void givenAMixOfRequests_whenServed_thenTheJournalAndCountersAddUp() {
        StandInBackend backend = start();
        RawClient client = client(backend);
        String key = key();
        String id = idOf(client.answer("POST", MOODS, mood("m-1", 0.4), key));
        client.answer("POST", MOODS, mood("m-1", 0.4), key);
        client.answer("POST", MOODS, mood("m-1", 0.4), key());
        client.send("POST", MOODS, mood("m-2", 0.4), key(), "wrong");
        client.answer("PUT", MOODS + "/" + id, mood("m-1", 0.2), key());
        client.answer("DELETE", MOODS + "/" + UUID.randomUUID(), null, key());

        List<JournalEntry> journal = backend.journal();

        assertThat(journal).extracting(e -> e.method() + " " + e.status().orElse(-1) + " " + e.acted() + " " + e.replay())
                .containsExactly("POST 201 true false", "POST 201 false true", "POST 409 true false",
                        "POST 401 false false", "PUT 200 true false", "DELETE 404 false false");
        assertThat(journal).allSatisfy(e -> assertThat(e.fault()).isEmpty());
        assertThat(journal.get(0).idempotencyKey()).contains(key);
        assertThat(journal.get(4).path()).isEqualTo(MOODS + "/" + id);
        assertThat(backend.counters()).isEqualTo(new Counters(6, 3, 1, Map.of()));
        assertThatThrownBy(() -> journal.add(journal.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void givenClosedBackend_whenSent_thenNoAnswer() {
        StandInBackend backend = start();
        RawClient client = client(backend);
        assertThat(client.answer("POST", MOODS, mood("m-1", 0.4), key()).statusCode()).isEqualTo(201);

        backend.close();

        assertThat(client.send("POST", MOODS, mood("m-2", 0.4), key())).isEmpty();
    }

    @Test
    void givenDebugLogging_whenServing_thenNeitherTheTokenNorABodyIsLogged() {
        String secret = "a private note about my day";
        try (CapturedLogs logs = CapturedLogs.ofOutbox()) {
            StandInBackend backend = start(StandInBackend.Options.withToken(TOKEN).withSeed(5)
                    .withFaults(FaultPlan.of(0.5).withSlowDelay(Duration.ZERO)));
            RawClient client = client(backend);
            for (int i = 0; i < 10; i++) {
                client.send("POST", MOODS, Json.write(Map.of("client_id", "m-" + i, "note", secret)), key());
            }
            client.send("POST", MOODS, "{\"note\":\"" + secret + "\"", key(), "wrong " + secret);
            backend.close();

            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("POST " + MOODS));
            assertThat(logs.lines()).allSatisfy(line -> assertThat(line).doesNotContain(TOKEN).doesNotContain(secret));
        }
    }

    @Test
    void givenBadOptions_whenBuilt_thenRejected_andTheTokenNeverPrinted() {
        assertThatThrownBy(() -> FaultPlan.of(1.5)).isInstanceOf(InvalidConfigurationException.class);
        assertThatThrownBy(() -> FaultPlan.of(Double.NaN)).isInstanceOf(InvalidConfigurationException.class);
        assertThatThrownBy(() -> new FaultPlan(0.1, Set.of(), Duration.ZERO)).isInstanceOf(InvalidConfigurationException.class);
        assertThatThrownBy(() -> FaultPlan.of(0.1).withSlowDelay(Duration.ofMillis(-1)))
                .isInstanceOf(InvalidConfigurationException.class);
        assertThatThrownBy(() -> StandInBackend.Options.withToken("two words")).isInstanceOf(InvalidConfigurationException.class);
        assertThat(StandInBackend.Options.withToken(TOKEN).toString()).doesNotContain(TOKEN);
        assertThat(FaultPlan.of(0.2).kinds()).containsExactly(FaultKind.values());
        assertThat(FaultPlan.none().slowDelay()).isEqualTo(Duration.ofMillis(200));
    }
}
