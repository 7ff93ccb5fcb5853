package io.outbox.tools.migration.mapping;

import java.util.Locale;

/**
 * What a legacy payload looks like, for {@code inspect}. The key style of a JSON object is read
 * from its top-level keys: a key with an underscore is snake_case, a key without one but with
 * an upper-case letter is camelCase, a one-word lower-case key ({@code id}, {@code note}) is either.
 */
public enum PayloadShape {
    /** A JSON object with snake_case keys and no camelCase key. */
    SNAKE,
    /** A JSON object with camelCase keys and no snake_case key. */
    CAMEL,
    /** A JSON object with both; the mapping reads the snake_case key of each pair. */
    MIXED,
    /** A JSON object with one-word keys only, or none ({@code {}}). */
    PLAIN,
    /** JSON, but not an object (an array, a string, a number). */
    NOT_OBJECT,
    /** UTF-8 text that is not JSON. */
    NOT_JSON,
    /** Bytes that are not UTF-8. */
    NOT_UTF8,
    /** No bytes, or only white space (after a byte order mark). */
    EMPTY;

    /** The lower-case name used in reports. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
