package io.outbox.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the Retry-After header: delta-seconds or an HTTP-date, anything else ignored. */
class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2015-10-21T07:00:00Z");

    @Test
    void givenDeltaSeconds_whenParsed_thenThatManySecondsFromNow() {
        assertThat(RetryAfter.parse("120", NOW)).contains(NOW.plusSeconds(120));
        assertThat(RetryAfter.parse(" 1 ", NOW)).contains(NOW.plusSeconds(1));
        assertThat(RetryAfter.parse("0", NOW)).contains(NOW);
    }

    @Test
    void givenHttpDate_whenParsed_thenThatInstant() {
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", NOW)).contains(Instant.parse("2015-10-21T07:28:00Z"));
        assertThat(RetryAfter.parse("Thu, 1 Jan 2099 00:00:00 GMT", NOW)).contains(Instant.parse("2099-01-01T00:00:00Z"));
    }

    @Test
    void givenHttpDateAlreadyPast_whenParsed_thenNow() {
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 06:00:00 GMT", NOW)).contains(NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "soon", "-5", "+5", "1.5", "5s", "0x10", "99999999999999999999999",
        "9223372036854775807", "Wed, 21 Oct 2015 07:28:00", "Thu, 21 Oct 2015 07:28:00 GMT", "2015-10-21T07:28:00Z",
        "Wed, 32 Oct 2015 07:28:00 GMT"})
    void givenGarbageOrNegative_whenParsed_thenEmpty(String value) {
        assertThat(RetryAfter.parse(value, NOW)).isEmpty();
    }

    @Test
    void givenNoHeader_whenParsed_thenEmpty() {
        assertThat(RetryAfter.parse(null, NOW)).isEqualTo(Optional.empty());
    }

    @Test
    void givenInstant_whenFormattedAsHttpDate_thenImfFixdateThatParsesBack() {
        Instant at = Instant.parse("2025-02-03T04:05:06Z");

        assertThat(RetryAfter.httpDate(at)).isEqualTo("Mon, 03 Feb 2025 04:05:06 GMT");
        assertThat(RetryAfter.parse(RetryAfter.httpDate(at), NOW)).contains(at);
    }
}
