package io.outbox.http;

import io.outbox.InvalidConfigurationException;
import io.outbox.handler.HandlerResult;
import io.outbox.testing.backend.FaultKind;
import io.outbox.testing.backend.FaultPlan;
import io.outbox.testing.backend.StandInBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every row of docs/remote-api.md's answer table, through real loopback HTTP: against the stand-in
 * backend where it can give the answer, else against a scripted server.
 */
class RemoteApiTest {
    private static final String TOKEN = "tok-3f9a1c77e2b54d0c";
    private static final Instant NOW = Instant.parse("2025-01-31T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String PROGRESS = "/api/v1/progress";

    private final List<AutoCloseable> servers = new ArrayList<>();

    @AfterEach
    void closeServers() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    private StandInBackend backend(StandInBackend.Options options) {
        StandInBackend backend = StandInBackend.start(options);
        servers.add(backend);
        return backend;
    }

    private StandInBackend backend() {
        return backend(StandInBackend.Options.withToken(TOKEN));
    }

    private StandInBackend faulty(FaultKind kind) {
        return backend(StandInBackend.Options.withToken(TOKEN).withFaults(FaultPlan.of(1.0, kind)));
    }

    private ScriptedServer scripted() {
        ScriptedServer server = ScriptedServer.start();
        servers.add(server);
        return server;
    }

    private static RemoteApi api(URI base) {
        return RemoteApi.builder(base, TOKEN).clock(CLOCK).build();
    }

    private static String progress(String clientId, Object quantity) {
        return Json.write(Map.of("client_id", clientId, "type", "weight", "quantity", quantity, "unit", "kg",
                "date", "2025-01-31T08:00:00Z"));
    }

    private static Call create(String clientId) {
        return Call.post(PROGRESS, progress(clientId, 72.0), UUID.randomUUID());
    }

    private static String createdId(HandlerResult result) {
        assertThat(result).isInstanceOf(HandlerResult.Done.class);
        return ((HandlerResult.Done) result).data().orElseThrow();
    }

    // --- rows the stand-in backend answers -------------------------------------------------

    @Test
    void givenNewEntry_whenPosted_thenDoneWithTheBackendIdFromThe201() {
        StandInBackend backend = backend();

        String id = createdId(api(backend.baseUri()).send(create("c-1")));

        assertThat(backend.resources("progress")).containsOnlyKeys(id);
        assertThat(backend.resources("progress").get(id).clientId()).isEqualTo("c-1");
    }

    @Test
    void givenKnownClientId_whenPostedWithAnotherKey_thenDoneWithTheExistingIdFromThe409() {
        StandInBackend backend = backend();
        RemoteApi api = api(backend.baseUri());
        String id = createdId(api.send(create("c-1")));

        HandlerResult again = api.send(create("c-1"));

        assertThat(again).isEqualTo(HandlerResult.done(id));
        assertThat(backend.journal().get(1).status()).hasValue(409);
        assertThat(backend.createsPerClientId("progress")).containsExactly(Map.entry("c-1", 1));
    }

    @Test
    void givenEntry_whenPut_thenDoneWithoutData_andBodyReplaced() {
        StandInBackend backend = backend();
        RemoteApi api = api(backend.baseUri());
        String id = createdId(api.send(create("c-1")));

        HandlerResult result = api.send(Call.put(PROGRESS + "/" + id, progress("c-1", 70.5), UUID.randomUUID()));

        assertThat(result).isEqualTo(HandlerResult.done());
        assertThat(backend.resources("progress").get(id).body()).containsEntry("quantity", new BigDecimal("70.5"));
    }

    @Test
    void givenEntry_whenDeleted_thenDone() {
        StandInBackend backend = backend();
        RemoteApi api = api(backend.baseUri());
        String id = createdId(api.send(create("c-1")));

        HandlerResult result = api.send(Call.delete(PROGRESS + "/" + id, UUID.randomUUID()));

        assertThat(result).isEqualTo(HandlerResult.done());
        assertThat(backend.journal().get(1).status()).hasValue(204);
        assertThat(backend.resources("progress")).isEmpty();
    }

    @Test
    void givenUnknownBackendId_whenDeleted_thenDoneAsAlreadyGone() {
        StandInBackend backend = backend();

        HandlerResult result = api(backend.baseUri()).send(Call.delete(PROGRESS + "/" + UUID.randomUUID(), UUID.randomUUID()));

        assertThat(result).isEqualTo(HandlerResult.done());
        assertThat(backend.journal().get(0).status()).hasValue(404);
    }

    @Test
    void givenUnknownBackendId_whenPut_thenFailedForGoodWithTheServersMessage() {
        StandInBackend backend = backend();
        String id = UUID.randomUUID().toString();

        HandlerResult result = api(backend.baseUri()).send(Call.put(PROGRESS + "/" + id, progress("c-1", 1), UUID.randomUUID()));

        assertThat(result).isEqualTo(HandlerResult.failedForGood("HTTP 404: no progress entry " + id));
    }

    @Test
    void givenValueTheServerRejects_whenPosted_thenFailedForGoodWithThe422Message() {
        StandInBackend backend = backend(StandInBackend.Options.withToken(TOKEN).withValidator("progress",
                body -> ((Number) body.get("quantity")).doubleValue() > 500
                        ? Optional.of("quantity out of range") : Optional.empty()));

        HandlerResult result = api(backend.baseUri()).send(Call.post(PROGRESS, progress("c-1", 9000), UUID.randomUUID()));

        assertThat(result).isEqualTo(HandlerResult.failedForGood("HTTP 422: quantity out of range"));
        assertThat(backend.resources("progress")).isEmpty();
    }

    @Test
    void givenBodyWithoutClientId_whenPosted_thenFailedForGoodWithThe400Message() {
        StandInBackend backend = backend();

        HandlerResult result = api(backend.baseUri()).send(Call.post(PROGRESS, "{\"type\":\"weight\"}", UUID.randomUUID()));

        assertThat(result).isEqualTo(HandlerResult.failedForGood("HTTP 400: client_id is required"));
    }

    @Test
    void givenWrongToken_whenSent_thenRetriedSayingTheTokenWasRejected_withoutTheToken() {
        StandInBackend backend = backend(StandInBackend.Options.withToken("another-token"));

        HandlerResult result = api(backend.baseUri()).send(create("c-1"));

        assertThat(result).isEqualTo(HandlerResult.retryLater(
                "HTTP 401: the API token was rejected (missing or wrong bearer token)"));
        assertThat(backend.resources("progress")).isEmpty();
    }

    @Test
    void givenServerError_whenSent_thenRetryLaterWithTheServersMessage() {
        StandInBackend backend = faulty(FaultKind.SERVER_ERROR);

        HandlerResult result = api(backend.baseUri()).send(create("c-1"));

        assertThat(result).isEqualTo(HandlerResult.retryLater("HTTP 500: injected fault: server error"));
    }

    @Test
    void givenUnavailableWithRetryAfter_whenSent_thenRetryNoSoonerThanOneSecondLater() {
        StandInBackend backend = faulty(FaultKind.UNAVAILABLE);

        HandlerResult result = api(backend.baseUri()).send(create("c-1"));

        assertThat(result).isEqualTo(HandlerResult.retryNotBefore("HTTP 503: injected fault: unavailable",
                NOW.plusSeconds(1)));
    }

    @Test
    void givenTooManyRequests_whenSent_thenRetryNoSoonerThanRetryAfter() {
        StandInBackend backend = faulty(FaultKind.TOO_MANY_REQUESTS);

        HandlerResult result = api(backend.baseUri()).send(create("c-1"));

        assertThat(result).isInstanceOf(HandlerResult.RetryLater.class);
        assertThat(((HandlerResult.RetryLater) result).notBefore()).isPresent();
        assertThat(((HandlerResult.RetryLater) result).reason()).isEqualTo("HTTP 429: injected fault: too many requests");
    }

    @Test
    void givenDroppedConnection_whenSent_thenRetryLater_andNothingCreated() {
        StandInBackend backend = faulty(FaultKind.DROP);

        HandlerResult result = api(backend.baseUri()).send(create("c-1"));

        assertThat(result).isInstanceOf(HandlerResult.RetryLater.class);
        assertThat(((HandlerResult.RetryLater) result).reason()).startsWith("connection failed: ");
        assertThat(((HandlerResult.RetryLater) result).notBefore()).isEmpty();
        assertThat(backend.resources("progress")).isEmpty();
    }

    @Test
    void givenAnswerSlowerThanTheTimeout_whenSent_thenRetryLaterAfterTheTimeout() {
        StandInBackend backend = backend(StandInBackend.Options.withToken(TOKEN)
                .withFaults(FaultPlan.of(1.0, FaultKind.SLOW).withSlowDelay(Duration.ofSeconds(1))));
        RemoteApi api = RemoteApi.builder(backend.baseUri(), TOKEN).requestTimeout(Duration.ofMillis(300)).build();

        long start = System.nanoTime();
        HandlerResult result = api.send(create("c-1"));

        assertThat(result).isEqualTo(HandlerResult.retryLater("timeout after 300ms"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(950));
    }

    @Test
    void givenActedOnThenDropped_whenResentWithTheSameKey_thenDoneWithTheSameId_andCreatedOnce() {
        StandInBackend backend = faulty(FaultKind.ACT_THEN_DROP);
        RemoteApi api = api(backend.baseUri());
        Call call = create("c-1");

        HandlerResult first = api.send(call);
        HandlerResult retry = api.send(call);

        assertThat(first).isInstanceOf(HandlerResult.RetryLater.class);
        assertThat(retry).isEqualTo(HandlerResult.done(backend.resources("progress").keySet().iterator().next()));
        assertThat(backend.createsPerClientId("progress")).containsExactly(Map.entry("c-1", 1));
    }

    // --- rows only a scripted server gives -------------------------------------------------

    @Test
    void givenPost_whenSent_thenCarriesTokenKeyJsonContentTypeAndUtf8Body() {
        ScriptedServer server = scripted().answers(201, "{\"id\":\"b-1\"}");
        UUID key = UUID.fromString("3F2504E0-4F89-11D3-9A0C-0305E82C3301");
        String body = "{\"client_id\":\"c-1\",\"note\":\"caf\u00e9 \ud83d\ude00\"}";

        HandlerResult result = api(server.baseUri()).send(Call.post("/api/v1/wellness/mood-entries", body, key));

        ScriptedServer.Received received = server.lastRequest();
        assertThat(result).isEqualTo(HandlerResult.done("b-1"));
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/api/v1/wellness/mood-entries");
        assertThat(received.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(received.header("Idempotency-Key")).isEqualTo("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        assertThat(received.header("Content-Type")).isEqualTo("application/json");
        assertThat(received.body()).isEqualTo(body);
    }

    @Test
    void givenDeleteUnderABasePath_whenSent_thenJoinedPathAndHeaders_andNoBody() {
        ScriptedServer server = scripted().answers(204, "");
        UUID key = UUID.randomUUID();

        HandlerResult result = api(URI.create(server.baseUri() + "/")).send(Call.delete(PROGRESS + "/b-1", key));

        ScriptedServer.Received received = server.lastRequest();
        assertThat(result).isEqualTo(HandlerResult.done());
        assertThat(received.method()).isEqualTo("DELETE");
        assertThat(received.path()).isEqualTo(PROGRESS + "/b-1");
        assertThat(received.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(received.header("Idempotency-Key")).isEqualTo(key.toString());
        assertThat(received.header("Content-Type")).isEqualTo("application/json");
        assertThat(received.body()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} is done without data")
    @CsvSource({"PUT, 200", "PUT, 204", "POST, 200", "POST, 202", "DELETE, 200", "DELETE, 204", "PUT, 201"})
    void givenOther2xx_whenSent_thenDoneWithoutData(Call.Method method, int status) {
        ScriptedServer server = scripted().answers(status, status == 204 ? "" : "{\"ok\":true}");

        assertThat(api(server.baseUri()).send(call(method))).isEqualTo(HandlerResult.done());
    }

    @Test
    void givenPostAnswered201WithoutAnId_whenSent_thenFailedForGood() {
        ScriptedServer server = scripted().answers(201, "{}");

        assertThat(api(server.baseUri()).send(call(Call.Method.POST)))
                .isEqualTo(HandlerResult.failedForGood("HTTP 201 without a backend id in its body"));
    }

    @Test
    void givenPostAnswered409WithAnId_whenSent_thenDoneWithThatId() {
        ScriptedServer server = scripted().answers(409, "{\"id\":\"existing-7\"}");

        assertThat(api(server.baseUri()).send(call(Call.Method.POST))).isEqualTo(HandlerResult.done("existing-7"));
    }

    @Test
    void givenPostAnswered409WithoutAnId_whenSent_thenFailedForGood() {
        ScriptedServer server = scripted().answers(409, "{\"error\":\"conflict\"}");

        assertThat(api(server.baseUri()).send(call(Call.Method.POST)))
                .isEqualTo(HandlerResult.failedForGood("HTTP 409: conflict"));
    }

    @ParameterizedTest(name = "{0} {1} fails for good")
    @CsvSource({"POST, 400", "PUT, 400", "DELETE, 400", "PUT, 404", "POST, 404", "POST, 422", "PUT, 422",
        "PUT, 409", "DELETE, 409", "POST, 405", "PUT, 410", "POST, 413", "POST, 415", "DELETE, 418", "POST, 499"})
    void givenRequestErrors_whenSent_thenFailedForGoodWithTheServersMessage(Call.Method method, int status) {
        ScriptedServer server = scripted().answers(status, "{\"error\":\"quantity out of range\"}");

        assertThat(api(server.baseUri()).send(call(method)))
                .isEqualTo(HandlerResult.failedForGood("HTTP " + status + ": quantity out of range"));
    }

    @ParameterizedTest(name = "{0} is retried as a rejected token")
    @ValueSource(ints = {401, 403})
    void givenCredentialsRejected_whenSent_thenRetryLaterSayingSo(int status) {
        ScriptedServer server = scripted().answers(status, "{\"error\":\"bad credentials\"}");

        assertThat(api(server.baseUri()).send(call(Call.Method.PUT))).isEqualTo(HandlerResult.retryLater(
                "HTTP " + status + ": the API token was rejected (bad credentials)"));
    }

    @ParameterizedTest(name = "{0} is transient")
    @ValueSource(ints = {408, 500, 502, 504, 599})
    void givenTransientStatus_whenSent_thenRetryLaterOnTheSchedule(int status) {
        ScriptedServer server = scripted().answers(status, "{\"error\":\"try again\"}", "Retry-After", "30");

        assertThat(api(server.baseUri()).send(call(Call.Method.POST)))
                .isEqualTo(HandlerResult.retryLater("HTTP " + status + ": try again"));
    }

    @ParameterizedTest(name = "{0} with Retry-After in seconds")
    @ValueSource(ints = {429, 503})
    void givenSlowDownWithRetryAfterSeconds_whenSent_thenRetryNoSoonerThanThat(int status) {
        ScriptedServer server = scripted().answers(status, "{\"error\":\"slow down\"}", "Retry-After", "7");

        assertThat(api(server.baseUri()).send(call(Call.Method.POST)))
                .isEqualTo(HandlerResult.retryNotBefore("HTTP " + status + ": slow down", NOW.plusSeconds(7)));
    }

    @ParameterizedTest(name = "{0} with Retry-After as an HTTP date")
    @ValueSource(ints = {429, 503})
    void givenSlowDownWithRetryAfterDate_whenSent_thenRetryNoSoonerThanThatDate(int status) {
        ScriptedServer server = scripted().answers(status, "{\"error\":\"slow down\"}",
                "Retry-After", "Fri, 31 Jan 2025 08:02:30 GMT");

        assertThat(api(server.baseUri()).send(call(Call.Method.DELETE))).isEqualTo(HandlerResult.retryNotBefore(
                "HTTP " + status + ": slow down", Instant.parse("2025-01-31T08:02:30Z")));
    }

    @ParameterizedTest(name = "{0} with Retry-After ''{1}'' is like another 5xx")
    @CsvSource({"429, ''", "503, ''", "429, soon", "503, -3"})
    void givenSlowDownWithoutUsableRetryAfter_whenSent_thenRetryLaterOnTheSchedule(int status, String retryAfter) {
        ScriptedServer server = retryAfter.isEmpty() ? scripted().answers(status, "{\"error\":\"slow down\"}")
                : scripted().answers(status, "{\"error\":\"slow down\"}", "Retry-After", retryAfter);

        assertThat(api(server.baseUri()).send(call(Call.Method.POST)))
                .isEqualTo(HandlerResult.retryLater("HTTP " + status + ": slow down"));
    }

    @Test
    void givenErrorBodyThatIsNotJson_whenSent_thenRawTextOnOneLineCutShort() {
        ScriptedServer server = scripted().answers(502, "<html>\n<body>Bad   gateway</body>\n</html>" + "x".repeat(500));

        HandlerResult result = api(server.baseUri()).send(call(Call.Method.POST));

        assertThat(result).isInstanceOf(HandlerResult.RetryLater.class);
        String reason = ((HandlerResult.RetryLater) result).reason();
        assertThat(reason).startsWith("HTTP 502: <html> <body>Bad gateway</body> </html>xxx").endsWith("…");
        assertThat(reason.length()).isEqualTo("HTTP 502: ".length() + AnswerMapping.MAX_RAW_TEXT + 1);
    }

    @Test
    void givenErrorWithoutBody_whenSent_thenTheStatusAlone() {
        ScriptedServer server = scripted().answers(400, "");

        assertThat(api(server.baseUri()).send(call(Call.Method.PUT))).isEqualTo(HandlerResult.failedForGood("HTTP 400"));
    }

    @Test
    void givenRedirect_whenSent_thenNotFollowed_andRetriedAsUnexpected() {
        ScriptedServer server = scripted().answers(302, "", "Location", "http://elsewhere.invalid/");

        assertThat(api(server.baseUri()).send(call(Call.Method.POST)))
                .isEqualTo(HandlerResult.retryLater("HTTP 302: unexpected answer"));
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void givenClosedPort_whenSent_thenRetryLaterAsConnectionRefused() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        HandlerResult result = api(URI.create("http://127.0.0.1:" + port)).send(call(Call.Method.POST));

        assertThat(result).isEqualTo(HandlerResult.retryLater("connection refused"));
    }

    @Test
    void givenInterruptedThread_whenSent_thenRetryLater_andTheInterruptKept() {
        ScriptedServer server = scripted().answers(200, "");
        Thread.currentThread().interrupt();

        HandlerResult result = api(server.baseUri()).send(call(Call.Method.PUT));
        boolean stillInterrupted = Thread.interrupted();

        assertThat(result).isEqualTo(HandlerResult.retryLater("interrupted"));
        assertThat(stillInterrupted).isTrue();
    }

    // --- the token stays secret -------------------------------------------------------------

    @Test
    void givenApi_whenPrinted_thenTheTokenIsHidden() {
        RemoteApi api = RemoteApi.create(URI.create("https://api.example.com"), TOKEN);

        assertThat(api.toString()).doesNotContain(TOKEN).contains("https://api.example.com").contains("10s");
        assertThat(api.requestTimeout()).isEqualTo(RemoteApi.DEFAULT_REQUEST_TIMEOUT);
    }

    @Test
    void givenServerEchoingTheToken_whenSent_thenTheReasonMasksIt() {
        ScriptedServer server = scripted().answers(401, "{\"error\":\"token " + TOKEN + " is revoked\"}");

        HandlerResult result = api(server.baseUri()).send(call(Call.Method.POST));

        assertThat(((HandlerResult.RetryLater) result).reason()).doesNotContain(TOKEN).contains("[redacted] is revoked");
    }

    @Test
    void givenCalls_whenLoggedAtDebug_thenNeitherTheTokenNorTheBodyIsLogged() {
        StandInBackend backend = backend();
        String secretNote = "my private journal line";
        try (CapturedLogs logs = CapturedLogs.ofOutbox()) {
            RemoteApi api = api(backend.baseUri());
            Call call = Call.post(PROGRESS, Json.write(Map.of("client_id", "c-9", "note", secretNote)), UUID.randomUUID());
            api.send(call);
            api.send(Call.post(PROGRESS, "{\"note\":\"" + secretNote + "\"}", UUID.randomUUID()));

            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("POST " + PROGRESS)
                    .contains(call.idempotencyKey().toString()));
            assertThat(logs.lines()).allSatisfy(line -> assertThat(line).doesNotContain(TOKEN).doesNotContain(secretNote));
        }
    }

    @Test
    void givenBadSettings_whenBuilt_thenRejectedWithoutQuotingTheToken() {
        URI ok = URI.create("http://127.0.0.1:8080");

        assertThatThrownBy(() -> RemoteApi.create(URI.create("ftp://host"), TOKEN)).isInstanceOf(InvalidConfigurationException.class);
        assertThatThrownBy(() -> RemoteApi.create(URI.create("http://u:p@host"), TOKEN)).isInstanceOf(InvalidConfigurationException.class);
        assertThatThrownBy(() -> RemoteApi.create(URI.create("http://host?x=1"), TOKEN)).isInstanceOf(InvalidConfigurationException.class);
        assertThatThrownBy(() -> RemoteApi.create(ok, "bad token\r\nX: y")).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageNotContaining("bad token");
        assertThatThrownBy(() -> RemoteApi.create(ok, "")).isInstanceOf(InvalidConfigurationException.class);
        assertThatThrownBy(() -> RemoteApi.builder(ok, TOKEN).requestTimeout(Duration.ZERO).build())
                .isInstanceOf(InvalidConfigurationException.class);
    }

    @Test
    void givenBadPathOrBody_whenCallMade_thenRejected_andItsTextNeverShowsTheBody() {
        assertThatThrownBy(() -> Call.delete("api/v1/progress", UUID.randomUUID())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Call.delete("/api/v1/../admin", UUID.randomUUID())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Call.delete("/api/v1/progress?x=1", UUID.randomUUID())).isInstanceOf(IllegalArgumentException.class);
        assertThat(Call.post(PROGRESS, "{\"content\":\"dear diary\"}", UUID.randomUUID()).toString())
                .contains("POST " + PROGRESS).doesNotContain("diary");
    }

    private static Call call(Call.Method method) {
        UUID key = UUID.randomUUID();
        switch (method) {
            case POST:
                return Call.post(PROGRESS, progress("c-1", 72.0), key);
            case PUT:
                return Call.put(PROGRESS + "/" + UUID.randomUUID(), progress("c-1", 72.0), key);
            default:
                return Call.delete(PROGRESS + "/" + UUID.randomUUID(), key);
        }
    }
}
