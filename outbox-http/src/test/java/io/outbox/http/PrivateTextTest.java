package io.outbox.http;

import io.outbox.handler.HandlerResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PrivateTextTest {
    @Test
    void givenReasonQuotingAPrivateValueWholeOrInPart_whenMasked_thenNeitherShows() {
        String content = "We talked about the move to Lisbon until midnight.";

        String masked = PrivateText.mask("HTTP 422: content 'We talked about the move...' is too long; near"
                + " 'move to Lisbon'", List.of(content));

        assertThat(masked).isEqualTo("HTTP 422: content '[private text]...' is too long; near '[private text]'");
    }

    @Test
    void givenReasonWithoutPrivateText_whenMasked_thenUnchanged() {
        assertThat(PrivateText.mask("HTTP 503: injected fault: unavailable", List.of("walk by the river", "ok")))
                .isEqualTo("HTTP 503: injected fault: unavailable");
    }

    @Test
    void givenRetryWithNotBefore_whenMasked_thenOnlyTheReasonChanges() {
        Instant at = Instant.parse("2025-01-31T08:00:05Z");

        HandlerResult masked = PrivateText.mask(HandlerResult.retryNotBefore("HTTP 429: slow down, Kim", at),
                PrivateText.of("Kim", null, ""));

        assertThat(masked).isEqualTo(HandlerResult.retryNotBefore("HTTP 429: slow down, [private text]", at));
        assertThat(PrivateText.mask(HandlerResult.done("id-1"), List.of("id-1"))).isEqualTo(HandlerResult.done("id-1"));
    }

    @Test
    void givenWaitQuotingPrivateText_whenMasked_thenTheAwaitedEventKeptAndTheReasonMasked() {
        java.util.UUID awaited = java.util.UUID.randomUUID();

        HandlerResult masked = PrivateText.mask(HandlerResult.waitFor(awaited, "waiting for 'walk by the river'"),
                PrivateText.of("walk by the river"));

        assertThat(masked).isEqualTo(HandlerResult.waitFor(awaited, "waiting for '[private text]'"));
    }
}
