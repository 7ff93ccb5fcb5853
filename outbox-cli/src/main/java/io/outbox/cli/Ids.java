package io.outbox.cli;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reads ids given on the command line: lowercase (or any case) canonical UUIDs. */
public final class Ids {
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    /** An id the user typed; a bad-input failure naming {@code what} when it is not a UUID. */
    public static UUID parse(String text, String what) {
        if (text == null || !UUID_TEXT.matcher(text).matches()) {
            throw new BadInputException(what + " '" + Output.shorten(String.valueOf(text))
                    + "' is not an id; ids look like 3f0c1e2a-5b6d-4c7e-8f90-a1b2c3d4e5f6");
        }
        return UUID.fromString(text.toLowerCase(Locale.ROOT));
    }
}
