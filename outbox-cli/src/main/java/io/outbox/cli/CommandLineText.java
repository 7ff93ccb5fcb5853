package io.outbox.cli;

import java.util.Optional;

/**
 * The command line as the JVM decoded it. Bytes that are not UTF-8 (or not text of the locale's
 * charset) arrive as U+FFFD, and no value of ours holds one: a type, number, date, id, duration or
 * URL with one is wrong, a path with one names another file than the one typed (it would open or
 * create a store elsewhere without a word), and a private text would be stored and synced
 * mangled. An unpaired surrogate cannot be text at all. Both are refused before anything runs,
 * naming the option ({@link CliRunner} checks every argument first). Stateless.
 */
public final class CommandLineText {
    private static final char REPLACEMENT = '\uFFFD';

    private CommandLineText() {
    }

    /** The one-line complaint about the first argument that is not whole text, if any. */
    public static Optional<BadInputException> firstMangled(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!wellFormed(args[i])) {
                return Optional.of(new BadInputException(name(args, i) + " holds bytes that are not UTF-8 text;"
                        + " give it as UTF-8 (is the terminal's locale UTF-8?)"));
            }
        }
        return Optional.empty();
    }

    /** The option an argument belongs to, or where it stands, as well as it can be told without parsing. */
    private static String name(String[] args, int index) {
        String arg = args[index];
        int equals = arg.indexOf('=');
        if (arg.startsWith("--") && equals > 2 && wellFormed(arg.substring(0, equals))) {
            return Output.shorten(arg.substring(0, equals));
        }
        if (index == 0 || !wellFormed(args[index - 1])) {
            return "argument " + (index + 1);
        }
        // the token before may be an option taking this value, a flag or a command: "the value after" fits each
        return "the value after '" + Output.shorten(args[index - 1]) + "'";
    }

    /** Whether {@code value} is whole text: no replacement character from a bad encoding, no lone surrogate. */
    public static boolean wellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == REPLACEMENT || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
