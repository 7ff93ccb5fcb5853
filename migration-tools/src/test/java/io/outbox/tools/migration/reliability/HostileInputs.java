package io.outbox.tools.migration.reliability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hostile command lines for {@code migrate}: every option fed empty, huge, negative, non-UTF-8
 * (half surrogate pairs, NUL, line separators), SQL-looking and path-looking values, unknown and
 * repeated options, and stores that are missing, a file, an empty folder, corrupt, or named
 * in ways no driver takes. Each one the contract refuses, with the exit code it names.
 * Immutable.
 */
final class HostileInputs {
    private static final String HUGE = "h".repeat(100_000);
    private static final String LONG_NAME = "n".repeat(5_000);

    /**
     * One refused command line.
     *
     * @param code    the exit code docs/cli.md asks for: 2 bad usage or input, 3 a store that cannot be opened
     * @param mention what the one stderr line must name (the option, or the store's problem)
     */
    record Hostile(String label, List<String> args, int code, String mention) {
        Hostile {
            args = List.copyOf(args);
        }
    }

    /** The places the inputs point at, made by the campaign before it runs them. */
    record World(Path root, String legacy, Path legacyDir, Path file, Path emptyDir, Path fifo, Path missing,
                 Path corrupt, Path unreadable) {
    }

    private final World world;
    private final List<Hostile> inputs = new ArrayList<>();

    private HostileInputs(World world) {
        this.world = world;
    }

    static List<Hostile> all(World world) {
        HostileInputs h = new HostileInputs(world);
        h.sources();
        h.tables();
        h.targets();
        h.users();
        h.reports();
        h.batchSizes();
        h.structure();
        return List.copyOf(h.inputs);
    }

    private void sources() {
        String missing = derby(world.missing());
        for (String value : List.of("", " ", "/tmp/db", "derby:" + world.legacyDir(), "JDBC", "\uD800", HUGE)) {
            refuse("--source " + shown(value), 2, "--source", "migrate", "--source", value);
        }
        for (String value : List.of("jdbc:", "jdbc:nosuch:x", "jdbc:derby://127.0.0.1:1/x", "jdbc:h2:mem:x",
                "jdbc:postgresql://127.0.0.1:1/test?user=postgres", "jdbc:derby:", "jdbc:derby:memory:nothing",
                missing, missing + ";create=true", missing + ";DROP TABLE lume_outbox_v6", missing + "\nsecond line",
                missing + "\uD800", derby(world.file()), derby(world.emptyDir()), derby(world.corrupt()),
                derby(world.file().resolve("below")) + ";create=true", "jdbc:derby:" + LONG_NAME,
                "jdbc:derby:" + LONG_NAME + ";create=true")) {
            refuse("--source " + shown(value), 3, "source", "migrate", "--source", value);
        }
        if (world.unreadable() != null) {
            refuse("--source an unreadable store", 3, "source", "migrate", "--source", derby(world.unreadable()));
            refuse("--target an unreadable store", 3, "target", "migrate", "--source", world.legacy(), "--target",
                    derby(world.unreadable()));
        }
    }

    private void tables() {
        for (String value : List.of("", " ", "x; DROP TABLE lume_outbox_v6", "lume_outbox_v6; --", "' OR '1'='1",
                "\"lume_outbox_v6\"", "a.b.c", "t".repeat(200), "lume_outbox_v6\n", "../lume", "\uD800", "%s%n",
                "lume_outbox_v6 WHERE 1=1", HUGE)) {
            refuse("--source-table " + shown(value), 2, "--source-table", "migrate", "--source", world.legacy(),
                    "--source-table", value);
        }
        for (String value : List.of("no_such_table", "sys.systables", "not_legacy", "SYS.SYSCOLUMNS")) {
            refuse("--source-table " + value, 2, value.toLowerCase(java.util.Locale.ROOT).contains("no_such")
                    ? "no_such_table" : "no column", "migrate", "--source", world.legacy(), "--source-table", value);
        }
    }

    private void targets() {
        for (String value : List.of("", " ", "/tmp/target", "\uD800", HUGE)) {
            refuse("--target " + shown(value), 2, "--target", "migrate", "--source", world.legacy(), "--target", value);
        }
        for (String value : List.of("jdbc:nosuch:x", "jdbc:postgresql://127.0.0.1:1/test?user=postgres",
                derby(world.missing()), derby(world.file()), derby(world.emptyDir()), derby(world.corrupt()),
                derby(world.file().resolve("below")) + ";create=true", "jdbc:derby:" + LONG_NAME + ";create=true")) {
            refuse("--target " + shown(value), 3, "target", "migrate", "--source", world.legacy(), "--target", value);
        }
    }

    private void users() {
        for (String value : List.of("", " ", "a b", "u".repeat(65), HUGE, "\u00FC", "a\nb", "a\rb", "a\u2028b",
                "a\u0085b", "\uD800", "$(rm -rf /)", "' OR 1=1 --", "../etc/passwd", "user\u0000", "%n", " alice")) {
            refuse("--user " + shown(value), 2, "--user", "migrate", "--source", world.legacy(), "--user", value);
        }
    }

    private void reports() {
        Path root = world.root();
        List<String> values = new ArrayList<>(List.of("", "/", root.toString(), world.missing().resolve("r.json").toString(),
                world.file().resolve("r.json").toString(), root.resolve("r".repeat(300) + ".json").toString(),
                world.legacyDir().resolve("service.properties").toString(),
                world.legacyDir().resolve("seg0").resolve("r.json").toString(), world.legacyDir().toString()));
        if (world.fifo() != null) {
            values.add(world.fifo().toString());
        }
        for (String value : values) {
            refuse("--report " + shown(value), 2, "--report", "migrate", "--source", world.legacy(), "--report", value);
        }
    }

    private void batchSizes() {
        for (String value : List.of("", "-1", "0", "10001", "2147483648", "-2147483649", "1.5", "1e3", "ten", " 5",
                "5 ", "0x10", "NaN", "\uD800", "-0", HUGE)) {
            refuse("--batch-size " + shown(value), 2, "--batch-size", "migrate", "--source", world.legacy(),
                    "--batch-size", value);
        }
    }

    private void structure() {
        String legacy = world.legacy();
        refuse("no options", 2, "--source", "migrate");
        refuse("--dry-run=maybe", 2, "--dry-run", "migrate", "--source", legacy, "--dry-run=maybe");
        refuse("--dry-run=", 2, "--dry-run", "migrate", "--source", legacy, "--dry-run=");
        refuse("--dry-run=false", 2, "--dry-run", "migrate", "--source", legacy, "--dry-run=false");
        refuse("--verbose=yes", 2, "--verbose", "migrate", "--source", legacy, "--verbose=yes");
        refuse("--frobnicate", 2, "--frobnicate", "migrate", "--source", legacy, "--frobnicate");
        // picocli reports the missing required option before an unknown one: the line names --source
        refuse("--SOURCE", 2, "--source", "migrate", "--SOURCE", legacy);
        refuse("-s", 2, "--source", "migrate", "-s", legacy);
        refuse("em dash source", 2, "--source", "migrate", "\u2014source", legacy);
        refuse("--source without a value", 2, "--source", "migrate", "--source");
        refuse("--source twice", 2, "--source", "migrate", "--source", legacy, "--source", legacy);
        refuse("--report twice", 2, "--report", "migrate", "--source", legacy, "--report", "a.json", "--report", "b.json");
        refuse("a positional argument", 2, "extra", "migrate", "--source", legacy, "extra");
        refuse("migrate twice", 2, "migrate", "migrate", "migrate", "--source", legacy);
        refuse("--report without a value", 2, "--report", "migrate", "--source", legacy, "--report");
        refuse("--batch-size without a value", 2, "--batch-size", "migrate", "--source", legacy, "--batch-size");
        refuse("-", 2, "-", "migrate", "--source", legacy, "-");
        refuse("---", 2, "---", "migrate", "--source", legacy, "---");
        refuse("--=x", 2, "--=x", "migrate", "--source", legacy, "--=x");
        refuse("--batch-size=", 2, "--batch-size", "migrate", "--source", legacy, "--batch-size=");
        refuse("--source-table=", 2, "--source-table", "migrate", "--source", legacy, "--source-table=");
        refuse("MIGRATE", 2, "MIGRATE", "MIGRATE", "--source", legacy);
        refuse("a command of NUL", 2, "Unmatched argument", "\u0000");
        refuse("an option of a half surrogate", 2, "--", "migrate", "--source", legacy, "--\uD800");
    }

    private void refuse(String label, int code, String mention, String... args) {
        inputs.add(new Hostile(label, List.of(args), code, mention));
    }

    private static String derby(Path path) {
        return "jdbc:derby:" + path;
    }

    /** A value as a label: short, control chars visible. */
    static String shown(String value) {
        String cut = value.length() > 60 ? value.substring(0, 40) + "...(" + value.length() + " chars)" : value;
        StringBuilder shown = new StringBuilder("'");
        cut.chars().forEach(c -> shown.append(c < 0x20 || (c >= 0x7F && c < 0xA0) || Character.isSurrogate((char) c)
                || c == 0x2028 ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return shown.append('\'').toString();
    }
}
