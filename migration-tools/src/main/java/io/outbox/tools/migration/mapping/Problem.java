package io.outbox.tools.migration.mapping;

import java.util.Objects;

/** One reason a row cannot be migrated, with a detail that names the value (never a payload's text). Immutable. */
public record Problem(Reason reason, String detail) {
    public Problem {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
