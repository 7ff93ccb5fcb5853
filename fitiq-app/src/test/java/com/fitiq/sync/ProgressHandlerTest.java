package com.fitiq.sync;

import com.fitiq.progress.InMemoryEntries;
import com.fitiq.progress.ProgressEntry;
import com.fitiq.progress.ProgressEvents;
import com.fitiq.progress.ProgressType;
import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerResult;
import io.outbox.http.RemoteApi;
import io.outbox.testing.backend.StandInBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static io.outbox.testing.Handlers.deliverAlone;
import static org.assertj.core.api.Assertions.assertThat;

/** The handler against a real HTTP stand-in: every operation, the backend id, and what it refuses. */
class ProgressHandlerTest {
    private static final Instant T = Instant.parse("2025-01-31T08:00:00Z");
    private final StandInBackend backend = StandInBackend.start(StandInBackend.Options.withToken("secret-token")
            .withValidator("progress", body -> ((Number) body.get("quantity")).doubleValue() > 400
                    ? Optional.of("quantity out of range") : Optional.empty()));
    private final InMemoryEntries entries = new InMemoryEntries();
    private final ProgressHandler handler = new ProgressHandler(entries,
            RemoteApi.create(backend.baseUri(), "secret-token"));

    @AfterEach
    void stop() {
        backend.close();
    }

    private ProgressEntry stored(double quantity) {
        ProgressEntry entry = new ProgressEntry(UUID.randomUUID(), "alice", ProgressType.WEIGHT, quantity, T,
                Optional.empty(), false);
        entries.insert(entry);
        return entry;
    }

    @Test
    void givenNewEntry_whenCreateHandled_thenPostedAndBackendIdStoredOnEntry() {
        ProgressEntry entry = stored(72.5);

        HandlerResult result = deliverAlone(handler, ProgressEvents.of(entry, Operation.CREATE, 10, T));

        String backendId = entries.find(entry.id()).orElseThrow().backendId().orElseThrow();
        assertThat(result).isEqualTo(HandlerResult.done(backendId));
        assertThat(backend.resources("progress").get(backendId).body()).containsEntry("client_id",
                entry.id().toString()).containsEntry("type", "weight").containsEntry("unit", "kg")
                .containsEntry("date", "2025-01-31T08:00:00Z");
    }

    @Test
    void givenCreatedEntry_whenUpdatedAndDeleted_thenPutAndDeleteUseTheBackendId() {
        ProgressEntry entry = stored(72.5);
        deliverAlone(handler, ProgressEvents.of(entry, Operation.CREATE, 10, T));
        ProgressEntry changed = entries.find(entry.id()).orElseThrow().withQuantity(70);
        entries.update(changed);

        assertThat(deliverAlone(handler, ProgressEvents.of(changed, Operation.UPDATE, 10, T))).isInstanceOf(
                HandlerResult.Done.class);
        String backendId = changed.backendId().orElseThrow();
        assertThat(backend.resources("progress").get(backendId).body().get("quantity")).isEqualTo(
                new java.math.BigDecimal("70.0"));
        assertThat(deliverAlone(handler, ProgressEvents.of(changed.asDeleted(), Operation.DELETE, 10, T)))
                .isInstanceOf(HandlerResult.Done.class);
        assertThat(backend.resources("progress")).isEmpty();
    }

    @Test
    void givenCreateAlreadyDeliveredByAnotherEvent_whenCreateRetried_thenBackendAnswers409AndIdKept() {
        ProgressEntry entry = stored(72.5);
        deliverAlone(handler, ProgressEvents.of(entry, Operation.CREATE, 10, T));
        String first = entries.find(entry.id()).orElseThrow().backendId().orElseThrow();
        entries.update(new ProgressEntry(entry.id(), "alice", ProgressType.WEIGHT, 72.5, T, Optional.empty(), false));

        HandlerResult again = deliverAlone(handler, ProgressEvents.of(entry, Operation.CREATE, 10, T)); // a new event id

        assertThat(again).isEqualTo(HandlerResult.done(first));
        assertThat(backend.createsPerClientId("progress")).containsEntry(entry.id().toString(), 1);
    }

    @Test
    void givenValueTheBackendRejects_whenCreated_thenFailedForGoodWithItsMessage() {
        ProgressEntry entry = stored(450);

        assertThat(deliverAlone(handler, ProgressEvents.of(entry, Operation.CREATE, 10, T)))
                .isEqualTo(HandlerResult.failedForGood("HTTP 422: quantity out of range"));
    }

    @Test
    void givenUpdateBeforeAnyBackendId_whenHandled_thenWaitsForTheCreate() {
        ProgressEntry entry = stored(72.5);

        HandlerResult result = deliverAlone(handler, ProgressEvents.of(entry, Operation.UPDATE, 10, T));

        assertThat(result).isInstanceOf(HandlerResult.RetryLater.class);
        assertThat(backend.journal()).isEmpty();
    }

    @Test
    void givenEventOfUnknownEntry_whenHandled_thenFailedForGoodWithoutRequest() {
        OutboxEvent orphan = OutboxEvent.pending(UUID.randomUUID(), ProgressEvents.TYPE, Operation.CREATE,
                UUID.randomUUID().toString(), "alice", 10, Optional.empty(), T);

        assertThat(deliverAlone(handler, orphan)).isInstanceOf(HandlerResult.FailedForGood.class);
        assertThat(backend.journal()).isEmpty();
    }
}
