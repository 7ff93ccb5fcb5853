package io.outbox.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads timestamps as docs/cli.md writes them: ISO-8601 with an offset or {@code Z}. */
public final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + Output.shorten(value) + "' is not a timestamp; use ISO-8601 with"
                    + " an offset or Z, e.g. 2025-01-31T08:00:00Z");
        }
    }
}
