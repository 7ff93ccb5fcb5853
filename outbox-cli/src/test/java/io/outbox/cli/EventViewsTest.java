package io.outbox.cli;

import io.outbox.event.OutboxEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static io.outbox.testing.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** How outbox list shows an event that waits on another, in lines and in JSON. */
class EventViewsTest {
    private static final Instant RECHECK = Instant.parse("2025-01-31T08:01:00Z");

    @Test
    void givenWaitingEvent_whenListed_thenItsLineSaysWhatItWaitsForAndWhyInsteadOfTheRecheckTime() {
        UUID mood = UUID.randomUUID();
        OutboxEvent waiting = anEvent().build().waiting(mood, "waiting for mood entry m-1", RECHECK);

        String line = EventViews.line(waiting);

        assertThat(line).contains("pending").contains("attempts 0/5").contains(" waits for " + mood)
                .contains("(waiting for mood entry m-1)").doesNotContain(" next ");
        assertThat(EventViews.event(waiting, Optional.empty())).containsEntry("waits_for", mood.toString());
    }

    @Test
    void givenEventWaitingOnNothing_whenListedAsJson_thenWaitsForIsNull() {
        OutboxEvent plain = anEvent().build();

        assertThat(EventViews.event(plain, Optional.empty())).containsEntry("waits_for", null);
        assertThat(EventViews.line(plain)).contains(" next ");
    }
}
