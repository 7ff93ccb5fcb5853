package io.outbox.event;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static io.outbox.testing.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxEventTest {
    private static final Instant T = Instant.parse("2025-01-31T08:00:00Z");

    @Test
    void givenNewEvent_whenMade_thenPendingDueNowWithSeedDefaults() {
        OutboxEvent event = OutboxEvent.pending(UUID.randomUUID(), "progress", Operation.CREATE, "e1", "alice",
                Priority.USER_ACTION, Optional.of("{}"), T);

        assertThat(event.status()).isEqualTo(EventStatus.PENDING);
        assertThat(event.maxAttempts()).isEqualTo(5);
        assertThat(event.attemptCount()).isZero();
        assertThat(event.newRecord()).isTrue();
        assertThat(event.isDue(T)).isTrue();
        assertThat(event.isDue(T.minusNanos(1))).isFalse();
    }

    @Test
    void givenInconsistentFields_whenBuilt_thenRejected() {
        assertThatThrownBy(() -> anEvent().withPriority(101).build()).hasMessageContaining("priority must be in [0, 100]");
        assertThatThrownBy(() -> anEvent().withAttempts(-1, 5).build()).hasMessageContaining("attemptCount");
        assertThatThrownBy(() -> anEvent().withAttempts(0, 0).build()).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> anEvent().withType(" ").build()).hasMessageContaining("eventType");
        assertThatThrownBy(() -> anEvent().forUser("x".repeat(65)).build()).hasMessageContaining("userId");
    }

    @Test
    void givenHugeErrorMessage_whenFailed_thenTruncatedToColumnSize() {
        OutboxEvent failed = anEvent().build().failed("x".repeat(10_000), Optional.empty());

        assertThat(failed.errorMessage().orElseThrow()).hasSize(OutboxEvent.MAX_ERROR_LENGTH);
        assertThat(failed.isFailedForGood()).isTrue();
    }

    @Test
    void givenWireNames_whenParsed_thenAnyCaseAndSpacesAccepted() {
        assertThat(EventStatus.parse(" Processing ")).contains(EventStatus.PROCESSING);
        assertThat(EventStatus.parse("lost")).isEmpty();
        assertThat(Operation.parse("DELETE")).contains(Operation.DELETE);
        assertThat(Operation.DELETE.wireName()).isEqualTo("delete");
    }
}
