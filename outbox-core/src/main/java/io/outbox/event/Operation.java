package io.outbox.event;

import java.util.Locale;
import java.util.Optional;

/** What a change did to its entity; the handler maps it to the matching remote call. */
public enum Operation {
    /** The entity was made. */
    CREATE,
    /** The entity changed. */
    UPDATE,
    /** The entity was deleted. */
    DELETE;

    /** The lower-case name used in stores, JSON and on the command line. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a wire name in any case, surrounding spaces ignored. */
    public static Optional<Operation> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim();
        for (Operation operation : values()) {
            if (operation.name().equalsIgnoreCase(wanted)) {
                return Optional.of(operation);
            }
        }
        return Optional.empty();
    }
}
