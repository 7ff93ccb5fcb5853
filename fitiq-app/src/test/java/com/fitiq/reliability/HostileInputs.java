package com.fitiq.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The hostile-input matrix: every option and argument of every fitiq command in docs/cli.md, fed the
 * same hostile values (empty, 100 KB, negative, bytes that are not UTF-8, SQL, paths, terminal
 * control codes) plus values that suit its type, and unknown options on every command. Each input
 * says how fitiq must answer. Linux takes at most 128 KB in one argument, so "huge" is 100 KB on
 * the command line and 1 MB in an import file. Immutable.
 */
final class HostileInputs {
    static final String SQL = "'; DROP TABLE outbox_event;--";
    static final String DEAD_API = "http://127.0.0.1:1";

    /** Which store the command runs on: the campaign's, or none given (the input is a store option). */
    enum Store { MAIN, NONE }

    /**
     * One command line and the answer it must get.
     *
     * @param label      option and value kind, for messages
     * @param args       the arguments after the store options; raw bytes as {@link CampaignJar#raw}
     * @param env        environment changes (a null value removes the variable)
     * @param exitCode   the exit code docs/cli.md gives it
     * @param mustName   fragments of which the one stderr line must hold one (the option or the value); for
     *                   exit 0, fragments of which stdout must hold one
     * @param jarOnly    resolves paths against the working directory, so it runs only as a process in a
     *                   scratch directory
     * @param knownIssue a failure of a module fitiq cannot fix, reported; checked only for no stack
     *                   trace and an unchanged store
     */
    record Input(String label, Store store, List<String> args, Map<String, String> env, int exitCode,
                 List<String> mustName, boolean jarOnly, Optional<String> knownIssue) {
        Input {
            args = List.copyOf(args);
            env = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(env));
            mustName = List.copyOf(mustName);
        }

        boolean refused() {
            return exitCode != 0;
        }

        Input known(String issue) {
            return new Input(label, store, args, env, exitCode, mustName, jarOnly, Optional.of(issue));
        }

        Input expecting(int code, String... fragments) {
            return new Input(label, store, args, env, code, List.of(fragments), jarOnly, knownIssue);
        }
    }

    /** A value of a kind; {@code text} may be raw bytes (see {@link CampaignJar#raw}). */
    record Value(String kind, String text) {
    }

    static final List<Value> STANDARD = List.of(new Value("empty", ""), new Value("huge", "x".repeat(100_000)),
            new Value("huge number", "9".repeat(100_000)), new Value("negative", "-1"),
            new Value("not UTF-8", CampaignJar.raw(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xfd})),
            new Value("not UTF-8 inside", CampaignJar.raw("72\u00ff".getBytes(StandardCharsets.ISO_8859_1))),
            new Value("SQL", SQL), new Value("path", "../../etc/passwd"), new Value("device", "/dev/null"),
            new Value("control codes", "a\u001b[2J\u0007b"));
    static final List<Value> NUMBERS = values("NaN", "Infinity", "-Infinity", "1e308", "0x10", "\u0667\u0662",
            "72,5", "72.1234567", "1" + "0".repeat(400));
    static final List<Value> DATES = values("+99999-01-01T00:00:00Z", "-5000-01-01T00:00:00Z",
            "1899-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "9999-12-31T00:00:00Z", "2025-02-30T00:00:00Z",
            "2025-01-31T08:00:00+25:00", "2016-12-31T23:59:60Z", "2025-01-31", "2025-01-31T08:00:00", "1735632000");
    static final List<Value> DURATIONS = values("0s", "-5s", "1.5s", "5 s", "1w", "9999999999d", "s");
    static final List<Value> COUNTS = values("0", "2147483648", "1e3", "1.5", "0x10");

    private final String aliceEntry;
    private final String bobEntry;
    private final String aliceEvent;

    HostileInputs(String aliceEntry, String bobEntry, String aliceEvent) {
        this.aliceEntry = aliceEntry;
        this.bobEntry = bobEntry;
        this.aliceEvent = aliceEvent;
    }

    List<Input> all() {
        List<Input> all = new ArrayList<>();
        all.addAll(globalOptions());
        all.addAll(progressOptions());
        all.addAll(syncOptions());
        all.addAll(outboxAndDemoOptions());
        all.addAll(unknownOptions());
        return List.copyOf(all);
    }

    private List<Input> globalOptions() {
        List<Input> inputs = new ArrayList<>();
        for (Value v : STANDARD) {
            Input dataDir = new Input("--data-dir " + v.kind(), Store.NONE, List.of("--data-dir", v.text(), "progress",
                    "list"), Map.of(), 2, List.of("--data-dir"), true, Optional.empty());
            inputs.add(switch (v.kind()) {
                // a relative directory of that name, in the scratch working directory: a store is made there
                case "negative", "path", "control codes" -> dataDir.expecting(0, "no entries");
                // empty (the working directory), huge and ';' (Derby URL attributes) are refused: found here, fixed
                default -> dataDir;
            });
            inputs.add(input("--user " + v.kind(), List.of("--user", v.text(), "progress", "list"), "--user")
                    .expecting(v.kind().equals("negative") ? 0 : 2, v.kind().equals("negative") ? "no entries"
                            : "--user"));
            inputs.add(new Input("--db-url " + v.kind(), Store.NONE, List.of("--db-url", v.text(), "progress", "list"),
                    Map.of(), 2, List.of("--db-url"), false, Optional.empty()));
            if (!v.text().startsWith("\u0000")) {
                inputs.add(new Input("FITIQ_USER " + v.kind(), Store.MAIN, List.of("progress", "list"),
                        Map.of("FITIQ_USER", v.text()), v.kind().equals("negative") ? 0 : 2,
                        v.kind().equals("negative") ? List.of("no entries") : List.of("FITIQ_USER", "--user"), false,
                        Optional.empty()));
            }
        }
        inputs.add(new Input("--db-url SQL after jdbc:", Store.NONE, List.of("--db-url", "jdbc:" + SQL, "progress",
                "list"), Map.of(), 3, List.of("jdbc:derby:DIR or jdbc:postgresql"), false, Optional.empty()));
        inputs.add(new Input("--data-dir and --db-url", Store.MAIN, List.of("--db-url", "jdbc:derby:x", "progress",
                "list"), Map.of(), 2, List.of("exclude each other"), false, Optional.empty()));
        return inputs;
    }

    private List<Input> progressOptions() {
        List<Input> inputs = new ArrayList<>();
        inputs.addAll(each("add --type", STANDARD, v -> List.of("progress", "add", "--type", v, "--quantity", "72"),
                "--type"));
        inputs.addAll(each("add --quantity", concat(STANDARD, NUMBERS), v -> List.of("progress", "add", "--type",
                "weight", "--quantity", v), "--quantity"));
        inputs.addAll(each("add --unit", STANDARD, v -> List.of("progress", "add", "--type", "weight", "--quantity",
                "72", "--unit", v), "--unit"));
        inputs.addAll(each("add --date", concat(STANDARD, DATES), v -> List.of("progress", "add", "--type", "weight",
                "--quantity", "72", "--date", v), "--date"));
        inputs.addAll(each("update ID", concat(STANDARD, values(bobEntry)), v -> List.of("progress", "update", v,
                "--quantity", "72"), "entry id", "no entry", "Unknown option"));
        inputs.addAll(each("update --quantity", concat(STANDARD, NUMBERS), v -> List.of("progress", "update",
                aliceEntry, "--quantity", v), "--quantity"));
        inputs.addAll(each("update --date", concat(STANDARD, DATES), v -> List.of("progress", "update", aliceEntry,
                "--date", v), "--date"));
        inputs.addAll(each("delete ID", concat(STANDARD, values(bobEntry)), v -> List.of("progress", "delete", v),
                "entry id", "no entry", "Unknown option"));
        inputs.addAll(each("list extra", STANDARD, v -> List.of("progress", "list", "--json", v),
                "Unmatched argument", "Unknown option"));
        inputs.addAll(each("import FILE", concat(STANDARD, values("/etc/passwd", "/tmp")), v -> List.of("progress",
                "import", v), "import file", "Unknown option", "line 1", "holds bytes"));
        return inputs;
    }

    private List<Input> syncOptions() {
        List<Input> inputs = new ArrayList<>();
        inputs.addAll(each("sync --api", concat(STANDARD, values("file:///etc/passwd", "ftp://127.0.0.1/", "http://",
                DEAD_API + "/" + SQL, "javascript:alert(1)")), v -> List.of("sync", "--api", v, "--until-idle"),
                "--api"));
        for (String option : List.of("--timeout", "--request-timeout", "--lease", "--retry-delays")) {
            // "--retry-delays 0s" was accepted and spent every attempt at once: found here, fixed in SyncCommand
            List<Value> values = option.equals("--retry-delays") ? concat(DURATIONS, values("1s,,5s", ",", "1s,-1s",
                    "1s,0s")) : DURATIONS;
            inputs.addAll(each("sync " + option, concat(STANDARD, values), v -> List.of("sync", "--api", DEAD_API,
                    "--until-idle", option, v), option));
        }
        for (String option : List.of("--batch-size", "--concurrency", "--max-attempts")) {
            inputs.addAll(each("sync " + option, concat(STANDARD, COUNTS), v -> List.of("sync", "--api", DEAD_API,
                    "--until-idle", option, v), option));
        }
        inputs.addAll(each("sync mode extra", STANDARD, v -> List.of("sync", "--api", DEAD_API, "--until-idle", v),
                "Unmatched argument", "Unknown option"));
        inputs.add(input("sync both modes", List.of("sync", "--api", DEAD_API, "--until-idle", "--watch"),
                "mutually exclusive"));
        inputs.add(new Input("sync without token", Store.MAIN, List.of("sync", "--api", DEAD_API), Map.of(
                "FITIQ_API_TOKEN", ""), 2, List.of("FITIQ_API_TOKEN"), false, Optional.empty()));
        inputs.add(new Input("sync token not ASCII", Store.MAIN, List.of("sync", "--api", DEAD_API), Map.of(
                "FITIQ_API_TOKEN", "t\u00f6ken " + SQL), 2, List.of("FITIQ_API_TOKEN"), false, Optional.empty()));
        return inputs;
    }

    private List<Input> outboxAndDemoOptions() {
        List<Input> inputs = new ArrayList<>();
        inputs.addAll(each("stats extra", STANDARD, v -> List.of("outbox", "stats", "--json", v),
                "Unmatched argument", "Unknown option"));
        inputs.addAll(each("list --status", STANDARD, v -> List.of("outbox", "list", "--status", v), "--status"));
        inputs.addAll(each("retry EVENT_ID", concat(STANDARD, values(aliceEvent, bobEntry)), v -> List.of("outbox",
                "retry", v), "event id", "no event", "not failed", "Unknown option"));
        inputs.addAll(each("cleanup --older-than", STANDARD, v -> List.of("outbox", "cleanup", "--older-than", v),
                "--older-than"));
        inputs.add(input("cleanup --older-than 999999999d", List.of("outbox", "cleanup", "--older-than", "999999999d"),
                "--older-than"));
        inputs.add(input("purge without --yes", List.of("outbox", "purge"), "--yes"));
        inputs.addAll(each("purge extra", STANDARD, v -> List.of("outbox", "purge", "--yes", v),
                "Unmatched argument", "Unknown option"));
        inputs.addAll(each("verify extra", STANDARD, v -> List.of("outbox", "verify", "--repair", v),
                "Unmatched argument", "Unknown option"));
        inputs.add(input("cleanup --orphans --older-than", List.of("outbox", "cleanup", "--orphans", "--older-than",
                "7d"), "--orphans"));
        inputs.addAll(each("demo --entries", STANDARD, v -> List.of("demo", "--entries", v), "--entries"));
        inputs.addAll(each("demo --failure-rate", concat(STANDARD, values("NaN", "Infinity", "1e308", "0.95")),
                v -> List.of("demo", "--failure-rate", v), "--failure-rate"));
        for (Input seed : each("demo --seed", STANDARD, v -> List.of("demo", "--entries", "3", "--seed", v),
                "--seed")) {
            inputs.add(seed.label().endsWith("negative") ? seed.expecting(0, "backend state equals local state: yes")
                    : seed);
        }
        return inputs;
    }

    private List<Input> unknownOptions() {
        List<List<String>> commands = List.of(List.of(), List.of("progress"), List.of("progress", "add", "--type",
                "weight", "--quantity", "72"), List.of("progress", "update", aliceEntry, "--quantity", "72"),
                List.of("progress", "delete", aliceEntry), List.of("progress", "list"), List.of("progress", "import",
                "/etc/passwd"), List.of("sync", "--api", DEAD_API), List.of("outbox", "stats"), List.of("outbox",
                "list"), List.of("outbox", "retry", aliceEvent), List.of("outbox", "cleanup"), List.of("demo"),
                List.of("outbox", "verify", "--repair"), List.of("outbox", "purge", "--yes"),
                List.of("outbox", "cleanup", "--orphans"));
        List<Input> inputs = new ArrayList<>();
        for (List<String> command : commands) {
            for (String unknown : List.of("--colour", "-Z", "--" + SQL)) {
                List<String> args = new ArrayList<>(command);
                args.add(unknown);
                inputs.add(input("unknown " + unknown + " on '" + String.join(" ", command.stream().limit(2).toList())
                        + "'", args, "Unknown option", "Unmatched argument"));
            }
        }
        inputs.add(input("unknown subcommand", List.of("progress", "frobnicate"), "Unmatched argument"));
        inputs.add(input("option twice", List.of("progress", "add", "--type", "weight", "--quantity", "72", "--type",
                "steps"), "--type"));
        inputs.add(input("option in capitals", List.of("progress", "add", "--TYPE", "weight", "--quantity", "72"),
                "--TYPE", "Missing required option: '--type"));
        inputs.add(input("options after --", List.of("progress", "list", "--", "--json"), "Unmatched argument",
                "Unknown option"));
        return inputs;
    }

    /** Import files of hostile content, written into {@code dir}; each must be refused naming file and line. */
    static List<Input> importContents(Path dir) throws IOException {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        String header = "type,quantity,unit,date\n";
        files.put("empty", new byte[0]);
        files.put("huge-cell", (header + "weight," + "7".repeat(1_000_000) + ",kg,\n")
                .getBytes(StandardCharsets.UTF_8));
        files.put("huge-line", (header + "x".repeat(1_000_000) + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] head = header.getBytes(StandardCharsets.UTF_8);
        byte[] notUtf8 = java.util.Arrays.copyOf(head, head.length + 12);
        System.arraycopy(new byte[] {'w', 'e', (byte) 0xff, (byte) 0xfe, ',', '7', '2', ',', 'k', 'g', ',', '\n'}, 0,
                notUtf8, head.length, 12);
        files.put("not-utf8", notUtf8);
        files.put("sql", (header + SQL + ",72,kg,\n").getBytes(StandardCharsets.UTF_8));
        files.put("date-range", (header + "weight,72,kg,+99999-01-01T00:00:00Z\n").getBytes(StandardCharsets.UTF_8));
        files.put("nan", (header + "weight,NaN,kg,\n").getBytes(StandardCharsets.UTF_8));
        files.put("five-cells", (header + "weight,72,kg,,x\n").getBytes(StandardCharsets.UTF_8));
        files.put("quoted", (header + "\"weight\",72,kg,\n").getBytes(StandardCharsets.UTF_8));
        files.put("control", (header + "weight\u001b[2J,72,kg,\n").getBytes(StandardCharsets.UTF_8));
        files.put("nul", (header + "wei\u0000ght,72,kg,\n").getBytes(StandardCharsets.UTF_8));
        files.put("second-bad", (header + "weight,72,kg,\nweight,-72,kg,\n").getBytes(StandardCharsets.UTF_8));
        List<Input> inputs = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = dir.resolve("hostile-" + file.getKey() + ".csv");
            Files.write(path, file.getValue());
            inputs.add(input("import content " + file.getKey(), List.of("progress", "import", path.toString()),
                    path.getFileName().toString()));
        }
        Path headerOnly = dir.resolve("hostile-header-only.csv");
        Files.writeString(headerOnly, header);
        inputs.add(input("import content header only", List.of("progress", "import", headerOnly.toString()))
                .expecting(0, "imported 0 entries"));
        return inputs;
    }

    private static Input input(String label, List<String> args, String... mustName) {
        return new Input(label, Store.MAIN, args, Map.of(), 2, List.of(mustName), false, Optional.empty());
    }

    private static List<Input> each(String label, List<Value> values, Function<String, List<String>> args,
                                    String... mustName) {
        return values.stream().map(v -> input(label + " " + v.kind(), args.apply(v.text()),
                v.text().startsWith("\u0000") ? concat(mustName, "the value after '") : mustName)).toList();
    }

    private static List<Value> values(String... texts) {
        return java.util.Arrays.stream(texts).map(t -> new Value(t.length() > 30 ? t.substring(0, 12) + "..." : t, t))
                .toList();
    }

    private static String[] concat(String[] names, String more) {
        String[] all = java.util.Arrays.copyOf(names, names.length + 1);
        all[names.length] = more;
        return all;
    }

    private static List<Value> concat(List<Value> first, List<Value> second) {
        List<Value> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
