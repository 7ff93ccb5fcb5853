package com.fitiq.progress.usecase;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Log a measurement: type and quantity as typed, the unit if given (it must be the type's), the date or now. */
public record AddProgressCommand(String userId, String type, String quantity,
                                 Optional<String> unit, Optional<Instant> date) {
    public AddProgressCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(date, "date");
    }
}
