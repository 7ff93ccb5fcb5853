package com.fitiq.progress.usecase;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Change an entry's quantity and/or date; at least one must be given. */
public record UpdateProgressCommand(String userId, UUID id, Optional<String> quantity, Optional<Instant> date) {
    public UpdateProgressCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(date, "date");
    }
}
