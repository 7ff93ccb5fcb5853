package com.lume.reliability;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One hostile command line of the campaign: its raw argument bytes (store options aside), the
 * option it aims at, the kind of value, and what docs/cli.md says must follow. Immutable.
 *
 * @param command  the command as docs/cli.md names it ({@code mood add}, {@code sync}, ...)
 * @param option   the option or parameter fed the value, or {@code (unknown option)}
 * @param kind     what sort of value it is
 * @param value    the value's bytes as given
 * @param args     the whole command line after the store options
 * @param ownStore whether the jar runs on the lane's store ({@code --data-dir} is added); false for the
 *                 store options themselves
 * @param verdict  what must happen
 * @param names    what the one stderr line of a refusal must contain (the option, the value's kind of id, ...;
 *                 alternatives joined by {@link #OR}), or what stdout must contain when accepted without writing
 * @param isPrivate whether the value is the user's private text, never to be quoted back
 * @param write    for an accepted change, what must be stored and shown verbatim
 */
record HostileInput(String command, String option, Kind kind, byte[] value, List<byte[]> args, boolean ownStore,
                    Verdict verdict, String names, boolean isPrivate, Optional<Write> write) {

    /** The sorts of hostile values; {@code FIXED} is a regression test's own input. */
    enum Kind { EMPTY, HUGE, NEGATIVE, NON_UTF8, SQL_LIKE, PATH_LIKE, UNKNOWN_OPTION, FIXED }

    /** What docs/cli.md says must follow. */
    enum Verdict {
        /** Exit 2, one line on stderr naming the option and what is accepted, nothing on stdout, store unchanged. */
        REFUSED,
        /** Exit 2 or 3 (a data directory that cannot be made), one line, nothing written. */
        CANNOT_CREATE,
        /** Exit 0, nothing on stderr, the store unchanged; stdout holds {@link #names}. */
        READ_ONLY,
        /** Exit 0, nothing on stderr, the value stored and shown verbatim ({@link #write}). */
        WRITES
    }

    /**
     * An accepted change: the entry (an existing one, or the new one whose id the command prints)
     * whose field must now hold {@code expected} exactly.
     *
     * @param table    {@code MOOD_ENTRY} or {@code JOURNAL_ENTRY}
     * @param entry    the id of the entry changed, empty for an {@code add}
     * @param column   the column holding the value
     * @param field    the key of {@code list --json} showing it
     * @param expected the value as stored and shown: a String, or a Double for a valence
     */
    record Write(String table, Optional<String> entry, String column, String field, Object expected) {
        Write {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** Joins alternatives in {@link #names}. */
    static final String OR = " | ";

    HostileInput {
        args = List.copyOf(args);
        Objects.requireNonNull(write, "write");
    }

    /** Whether a refusal's line names what it must. */
    boolean named(String line) {
        return java.util.Arrays.stream(names.split(java.util.regex.Pattern.quote(OR))).anyMatch(line::contains);
    }

    /** The value as the JVM reads it from argv: UTF-8, malformed bytes replaced. */
    String text() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** Whether the value is well-formed UTF-8. */
    boolean wellFormed() {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** A printable, short form for failure messages: non-ASCII bytes as \xNN, long values cut. */
    String describe() {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < value.length && shown.length() < 60; i++) {
            int b = value[i] & 0xff;
            shown.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b));
        }
        String cut = value.length > 60 ? "... (" + value.length + " bytes)" : "";
        return command + " " + option + " [" + kind + "] '" + shown + cut + "'";
    }
}
