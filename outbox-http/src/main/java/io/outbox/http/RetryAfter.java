package io.outbox.http;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The HTTP {@code Retry-After} header (RFC 9110 §10.2.3): delta-seconds or an HTTP-date in the
 * RFC 1123 form ({@code Wed, 21 Oct 2015 07:28:00 GMT}). Stateless and thread-safe.
 */
public final class RetryAfter {
    private static final Pattern DELTA_SECONDS = Pattern.compile("[0-9]+");
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private RetryAfter() {
    }

    /**
     * When the next attempt may be made, seen at {@code now}; empty for a missing, garbled or
     * negative value. A date already past gives {@code now}.
     */
    public static Optional<Instant> parse(String headerValue, Instant now) {
        Objects.requireNonNull(now, "now");
        if (headerValue == null || headerValue.isBlank()) {
            return Optional.empty();
        }
        String value = headerValue.trim();
        return DELTA_SECONDS.matcher(value).matches() ? afterSeconds(value, now) : atDate(value, now);
    }

    /** {@code at} as an HTTP-date (IMF-fixdate), truncated to the second. */
    public static String httpDate(Instant at) {
        return IMF_FIXDATE.format(at);
    }

    private static Optional<Instant> afterSeconds(String digits, Instant now) {
        try {
            return Optional.of(now.plusSeconds(Long.parseLong(digits)));
        } catch (NumberFormatException | DateTimeException | ArithmeticException tooLarge) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> atDate(String value, Instant now) {
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isBefore(now) ? now : at);
        } catch (DateTimeException garbled) {
            return Optional.empty();
        }
    }
}
