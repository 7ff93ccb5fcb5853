package io.outbox.tools.migration.mapping;

import java.util.Objects;

/**
 * What the mapping found in a row, migrated or not, for {@code inspect}'s counts. Immutable.
 *
 * @param entityIdInPayload a UUID was found under one of the entity id keys
 * @param userIdInPayload   the payload holds a user id string (valid or not)
 */
public record Facts(PayloadShape shape, boolean byteOrderMark, boolean entityIdInPayload, boolean userIdInPayload) {
    public Facts {
        Objects.requireNonNull(shape, "shape");
    }
}
