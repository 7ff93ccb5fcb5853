package com.lume.reliability;

import com.lume.reliability.HostileInput.Kind;
import com.lume.reliability.HostileInput.Verdict;
import com.lume.reliability.HostileInput.Write;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Every option and parameter of every lume-app command of docs/cli.md, each fed every kind of hostile
 * value (one variant of each kind, drawn from the seed), plus unknown options for every command.
 * Each input carries what docs/cli.md says must follow. Stateless.
 */
final class HostileMatrix {
    private static final Object VALUE = new Object();
    private static final String UNKNOWN = "(unknown option)";
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Pattern VALENCE = Pattern.compile("[+-]?(\\d{1,9}(\\.\\d{0,9})?|\\.\\d{1,9})");
    private static final Pattern LONG = Pattern.compile("-?\\d{1,18}");
    /** Linux takes one argument of at most 128 KiB (MAX_ARG_STRLEN), so "huge" stops short of it. */
    private static final int HUGE = 120_000;
    private static final Rule REFUSES = (slot, kind, value) -> slot.refused(kind, value, slot.option());

    /** The ids the inputs aim at: entries of the lane's store, and the backend a sync would reach. */
    record Targets(String mood, String journal, String api) {
    }

    /** How an option judges a value; null leaves the pair out (a known fault of another module). */
    private interface Rule {
        HostileInput judge(Slot slot, Kind kind, byte[] value);
    }

    private record Slot(String command, String option, List<Object> template, boolean ownStore, Rule rule) {
        List<byte[]> args(byte[] value) {
            List<byte[]> args = new ArrayList<>();
            for (Object part : template) {
                if (part == VALUE) {
                    args.add(value);
                } else if (part instanceof Attached attached) {
                    args.add(concat(LumeProcess.utf8(attached.prefix()), value));
                } else {
                    args.add(LumeProcess.utf8((String) part));
                }
            }
            return args;
        }

        HostileInput input(Kind kind, byte[] value, Verdict verdict, String names, boolean isPrivate,
                           Optional<Write> write) {
            return new HostileInput(command, option, kind, value, args(value), ownStore, verdict, names, isPrivate,
                    write);
        }

        HostileInput refused(Kind kind, byte[] value, String names) {
            return input(kind, value, Verdict.REFUSED, names, false, Optional.empty());
        }
    }

    /** A flag given a value in the same argument: {@code --json=VALUE}. */
    private record Attached(String prefix) {
    }

    private HostileMatrix() {
    }

    /** Every input, the variant of each kind drawn from {@code random}. */
    static List<HostileInput> inputs(Targets t, Random random) {
        List<HostileInput> inputs = new ArrayList<>();
        for (Slot slot : slots(t)) {
            List<Kind> kinds = slot.option().equals(UNKNOWN) ? List.of(Kind.UNKNOWN_OPTION)
                    : List.of(Kind.EMPTY, Kind.HUGE, Kind.NEGATIVE, Kind.NON_UTF8, Kind.SQL_LIKE, Kind.PATH_LIKE);
            for (Kind kind : kinds) {
                List<byte[]> variants = variants(kind, slot.option().equals("--data-dir"));
                HostileInput input = slot.rule().judge(slot, kind, variants.get(random.nextInt(variants.size())));
                if (input != null) {
                    inputs.add(input);
                }
            }
        }
        return inputs;
    }

    /**
     * The values of a kind. For {@code --data-dir}, no value with ';' or ':': outbox-jpa puts the
     * path into the Derby URL as it is, where they start attributes or a subprotocol (see the
     * disabled test); and no relative path-looking value, which would climb out of the test's
     * directories.
     */
    static List<byte[]> variants(Kind kind, boolean forDataDir) {
        List<byte[]> all = switch (kind) {
            case EMPTY -> List.of(bytes(""));
            case HUGE -> List.of(bytes(huge(HUGE)), bytes(huge(100_000)));
            case NEGATIVE -> List.of(bytes("-1"), bytes("-0.5"), bytes("-1.5"), bytes("-2147483649"),
                    bytes("-2025-01-31T08:00:00Z"));
            case NON_UTF8 -> List.of(concat(bytes("ok "), raw(0xff, 0xfe)), concat(bytes("caf"), raw(0xc3, 0x28)),
                    concat(raw(0xed, 0xa0, 0x80), bytes(" lone surrogate")), concat(bytes("Grüße "), raw(0xc0, 0xaf)),
                    concat(raw(0xf8, 0x88, 0x80, 0x80, 0x80), bytes("5 bytes")));
            case SQL_LIKE -> List.of(bytes("'; DROP TABLE mood_entry; --"), bytes("1' OR '1'='1"),
                    bytes("\"); DELETE FROM outbox_event; --"), bytes("0; UPDATE journal_entry SET user_id='bob'"),
                    bytes("x' UNION SELECT * FROM outbox_event --"));
            case PATH_LIKE -> forDataDir ? List.of(bytes("/etc/passwd"), bytes("/dev/null"), bytes("~/.lume"))
                    : List.of(bytes("../../../etc/passwd"), bytes("/etc/passwd"),
                    bytes("C:\\Windows\\System32\\config"), bytes("file:///etc/shadow"), bytes("~/.lume/store"));
            case UNKNOWN_OPTION -> List.of(bytes("--bogus"), bytes("--bogus=1"), bytes("-Z"), bytes("--verbos"),
                    bytes("---json"));
            case FIXED -> List.of();
        };
        return forDataDir ? all.stream().filter(v -> !new String(v, StandardCharsets.UTF_8).matches(".*[;:].*"))
                .toList() : all;
    }

    private static List<Slot> slots(Targets t) {
        List<Slot> s = new ArrayList<>();
        moodSlots(s, t);
        journalSlots(s, t);
        syncSlots(s, t);
        outboxDemoAndGlobalSlots(s, t);
        unknownOptions(s, t);
        return s;
    }

    private static void moodSlots(List<Slot> s, Targets t) {
        s.add(slot("mood add", "--valence", valence("MOOD_ENTRY", Optional.empty()), "mood", "add", "--valence",
                VALUE));
        s.add(slot("mood add", "--label", REFUSES, "mood", "add", "--valence", "0.2", "--label", VALUE));
        s.add(slot("mood add", "--note", text(1000, true, "MOOD_ENTRY", "NOTE", "note", Optional.empty()),
                "mood", "add", "--valence", "0.2", "--note", VALUE));
        s.add(slot("mood add", "--date", REFUSES, "mood", "add", "--valence", "0.2", "--date", VALUE));
        s.add(slot("mood update", "ID", named("mood entry id", "'ID'"), "mood", "update", VALUE, "--valence", "0.1"));
        s.add(slot("mood update", "--valence", valence("MOOD_ENTRY", Optional.of(t.mood())), "mood", "update", t.mood(),
                "--valence", VALUE));
        s.add(slot("mood update", "--label", REFUSES, "mood", "update", t.mood(), "--label", VALUE));
        s.add(slot("mood update", "--note", text(1000, true, "MOOD_ENTRY", "NOTE", "note", Optional.of(t.mood())),
                "mood", "update", t.mood(), "--note", VALUE));
        s.add(slot("mood update", "--date", REFUSES, "mood", "update", t.mood(), "--date", VALUE));
        s.add(slot("mood update", "--no-labels", flag(Optional.empty()), "mood", "update", t.mood(),
                new Attached("--no-labels=")));
        s.add(slot("mood update", "--no-note", flag(Optional.empty()), "mood", "update", t.mood(),
                new Attached("--no-note=")));
        s.add(slot("mood delete", "ID", named("mood entry id", "'ID'"), "mood", "delete", VALUE));
        s.add(slot("mood list", "--json", flag(Optional.of(t.mood())), "mood", "list", new Attached("--json=")));
    }

    private static void journalSlots(List<Slot> s, Targets t) {
        s.add(slot("journal add", "--title", text(200, false, "JOURNAL_ENTRY", "TITLE", "title", Optional.empty()),
                "journal", "add", "--title", VALUE, "--content", "c"));
        s.add(slot("journal add", "--content", text(100_000, true, "JOURNAL_ENTRY", "CONTENT", "content",
                Optional.empty()), "journal", "add", "--title", "t", "--content", VALUE));
        s.add(slot("journal add", "--mood", REFUSES, "journal", "add", "--title", "t", "--content", "c", "--mood",
                VALUE));
        s.add(slot("journal add", "--date", REFUSES, "journal", "add", "--title", "t", "--content", "c", "--date",
                VALUE));
        s.add(slot("journal update", "ID", named("journal entry id", "'ID'"), "journal", "update", VALUE, "--title",
                "t2"));
        s.add(slot("journal update", "--title", text(200, false, "JOURNAL_ENTRY", "TITLE", "title",
                Optional.of(t.journal())), "journal", "update", t.journal(), "--title", VALUE));
        s.add(slot("journal update", "--content", text(100_000, true, "JOURNAL_ENTRY", "CONTENT", "content",
                Optional.of(t.journal())), "journal", "update", t.journal(), "--content", VALUE));
        s.add(slot("journal update", "--mood", REFUSES, "journal", "update", t.journal(), "--mood", VALUE));
        s.add(slot("journal update", "--date", REFUSES, "journal", "update", t.journal(), "--date", VALUE));
        s.add(slot("journal update", "--no-mood", flag(Optional.empty()), "journal", "update", t.journal(),
                new Attached("--no-mood=")));
        s.add(slot("journal delete", "ID", named("journal entry id", "'ID'"), "journal", "delete", VALUE));
        s.add(slot("journal list", "--json", flag(Optional.of(t.journal())), "journal", "list",
                new Attached("--json=")));
    }

    private static void syncSlots(List<Slot> s, Targets t) {
        s.add(slot("sync", "--api", REFUSES, "sync", "--api", VALUE));
        for (String option : List.of("--timeout", "--request-timeout", "--batch-size", "--concurrency",
                "--retry-delays", "--max-attempts", "--lease")) {
            s.add(slot("sync", option, REFUSES, "sync", "--api", t.api(), "--timeout", "2s", option, VALUE));
        }
        for (String option : List.of("--until-idle", "--watch")) {
            // '--watch=' is picocli's false: a plain sync, no hostile input
            s.add(slot("sync", option, flagWithoutEmpty(), "sync", "--api", t.api(), "--timeout", "2s",
                    new Attached(option + "=")));
        }
    }

    private static void outboxDemoAndGlobalSlots(List<Slot> s, Targets t) {
        s.add(slot("outbox stats", "--json", flag(Optional.of("pending")), "outbox", "stats", new Attached("--json=")));
        s.add(slot("outbox list", "--status", REFUSES, "outbox", "list", "--status", VALUE));
        s.add(slot("outbox list", "--json", flag(Optional.of("pending")), "outbox", "list", new Attached("--json=")));
        s.add(slot("outbox retry", "EVENT_ID", named("event id", "'EVENT_ID'"), "outbox", "retry", VALUE));
        // '--all-failed=' is false and names nothing: refused, like any value given to the flag
        s.add(slot("outbox retry", "--all-failed", (slot, kind, value) -> slot.refused(kind, value, "--all-failed"),
                "outbox", "retry",
                new Attached("--all-failed=")));
        s.add(slot("outbox cleanup", "--older-than", REFUSES, "outbox", "cleanup", "--older-than", VALUE));
        s.add(slot("demo", "--entries", REFUSES, "demo", "--entries", VALUE, "--failure-rate", "0"));
        s.add(slot("demo", "--failure-rate", REFUSES, "demo", "--entries", "1", "--failure-rate", VALUE));
        s.add(slot("demo", "--seed", seed(), "demo", "--entries", "1", "--failure-rate", "0", "--seed", VALUE));
        s.add(slot("(global)", "--user", user(), "--user", VALUE, "mood", "list", "--json"));
        s.add(new Slot("(global)", "--data-dir", List.of("--data-dir", VALUE, "mood", "list", "--json"), false,
                dataDir()));
        s.add(slot("(global)", "--verbose", flag(Optional.of(t.mood())), new Attached("--verbose="), "mood", "list",
                "--json"));
        s.add(new Slot("(global)", "--db-url", List.of("--db-url", VALUE, "mood", "list", "--json"), false, REFUSES));
    }

    private static void unknownOptions(List<Slot> s, Targets t) {
        Rule unknown = (slot, kind, value) -> slot.refused(kind, value, new String(value, StandardCharsets.UTF_8));
        unknown(s, unknown, "(root)", VALUE, "mood", "list");
        unknown(s, unknown, "mood", "mood", VALUE);
        unknown(s, unknown, "mood add", "mood", "add", "--valence", "0.2", VALUE);
        unknown(s, unknown, "mood update", "mood", "update", t.mood(), "--valence", "0.1", VALUE);
        unknown(s, unknown, "mood delete", "mood", "delete", t.mood(), VALUE);
        unknown(s, unknown, "mood list", "mood", "list", VALUE);
        unknown(s, unknown, "journal", "journal", VALUE);
        unknown(s, unknown, "journal add", "journal", "add", "--title", "t", "--content", "c", VALUE);
        unknown(s, unknown, "journal update", "journal", "update", t.journal(), "--title", "t2", VALUE);
        unknown(s, unknown, "journal delete", "journal", "delete", t.journal(), VALUE);
        unknown(s, unknown, "journal list", "journal", "list", VALUE);
        unknown(s, unknown, "sync", "sync", "--api", t.api(), "--timeout", "2s", VALUE);
        unknown(s, unknown, "outbox", "outbox", VALUE);
        unknown(s, unknown, "outbox stats", "outbox", "stats", VALUE);
        unknown(s, unknown, "outbox list", "outbox", "list", VALUE);
        unknown(s, unknown, "outbox retry", "outbox", "retry", "--all-failed", VALUE);
        unknown(s, unknown, "outbox cleanup", "outbox", "cleanup", VALUE);
        unknown(s, unknown, "outbox cleanup --orphans", "outbox", "cleanup", "--orphans", VALUE);
        unknown(s, unknown, "outbox verify", "outbox", "verify", "--repair", VALUE);
        unknown(s, unknown, "outbox purge", "outbox", "purge", "--yes", VALUE);
        unknown(s, unknown, "demo", "demo", "--entries", "1", "--failure-rate", "0", VALUE);
    }

    private static void unknown(List<Slot> s, Rule rule, String command, Object... template) {
        s.add(new Slot(command, UNKNOWN, List.of(template), true, rule));
    }

    private static Slot slot(String command, String option, Rule rule, Object... template) {
        return new Slot(command, option, List.of(template), true, rule);
    }

    /**
     * A parameter taking an id: the refusal names the kind of id. A value starting with '-' that is no
     * number is taken for an option by picocli, which then says the parameter is missing or the
     * option unknown: that names the parameter or the value, as docs/cli.md asks, too.
     */
    private static Rule named(String id, String parameter) {
        return (slot, kind, value) -> slot.refused(kind, value, String.join(HostileInput.OR, id, parameter,
                "Unknown option: '" + new String(value, StandardCharsets.UTF_8) + "'"));
    }

    /** A user's own words: kept verbatim when whole UTF-8 text, not blank, short enough, without control characters. */
    private static Rule text(int max, boolean paragraphs, String table, String column, String field,
                             Optional<String> entry) {
        return (slot, kind, value) -> {
            String text = new String(value, StandardCharsets.UTF_8);
            boolean controls = text.chars().anyMatch(c -> Character.isISOControl(c)
                    && !(paragraphs && (c == '\n' || c == '\r' || c == '\t')));
            HostileInput probe = slot.input(kind, value, Verdict.REFUSED, slot.option(), true, Optional.empty());
            if (!probe.wellFormed() || text.isBlank() || text.codePointCount(0, text.length()) > max || controls) {
                return probe;
            }
            return slot.input(kind, value, Verdict.WRITES, slot.option(), true,
                    Optional.of(new Write(table, entry, column, field, text)));
        };
    }

    private static Rule valence(String table, Optional<String> entry) {
        return (slot, kind, value) -> {
            String text = new String(value, StandardCharsets.UTF_8).trim();
            if (VALENCE.matcher(text).matches() && Math.abs(Double.parseDouble(text)) <= 1) {
                return slot.input(kind, value, Verdict.WRITES, "--valence", false,
                        Optional.of(new Write(table, entry, "VALENCE", "valence", Double.parseDouble(text))));
            }
            return slot.refused(kind, value, "--valence");
        };
    }

    /**
     * {@code --flag=}: picocli reads an empty value as false; a listing then prints text (showing
     * {@code shows}), an update has nothing to do.
     */
    private static Rule flag(Optional<String> shows) {
        return (slot, kind, value) -> {
            if (kind == Kind.EMPTY) {
                return shows.isPresent()
                        ? slot.input(kind, value, Verdict.READ_ONLY, shows.get(), false, Optional.empty())
                        : slot.refused(kind, value, "nothing to change");
            }
            return slot.refused(kind, value, slot.option());
        };
    }

    private static Rule flagWithoutEmpty() {
        return (slot, kind, value) -> kind == Kind.EMPTY ? null : slot.refused(kind, value, slot.option());
    }

    private static Rule seed() {
        return (slot, kind, value) -> {
            String text = new String(value, StandardCharsets.UTF_8);
            return LONG.matcher(text).matches()
                    ? slot.input(kind, value, Verdict.READ_ONLY, "(seed " + text + ")", false, Optional.empty())
                    : slot.refused(kind, value, "--seed");
        };
    }

    /** Another user sees none of alice's entries. */
    private static Rule user() {
        return (slot, kind, value) -> USER_ID.matcher(new String(value, StandardCharsets.UTF_8)).matches()
                ? slot.input(kind, value, Verdict.READ_ONLY, "[]", false, Optional.empty())
                : slot.refused(kind, value, "--user");
    }

    /**
     * A directory name is taken as given (a fresh, empty store there, under the working
     * directory); refused are the empty name (it would be the working directory), a file, a name
     * with ';' or ':' (a Derby URL would read attributes or a subprotocol in it) and one too
     * long for the file system.
     */
    private static Rule dataDir() {
        return (slot, kind, value) -> {
            String text = new String(value, StandardCharsets.UTF_8);
            boolean refused = switch (kind) {
                // bytes that are not UTF-8 are refused in every argument before parsing (docs/cli.md)
                case EMPTY, HUGE, NON_UTF8 -> true;
                case PATH_LIKE -> text.startsWith("/");
                default -> false;
            };
            return refused || text.indexOf(';') >= 0 || text.indexOf(':') >= 0 ? slot.refused(kind, value, "--data-dir")
                    : slot.input(kind, value, Verdict.READ_ONLY, "[]", false, Optional.empty());
        };
    }

    private static String huge(int length) {
        StringBuilder text = new StringBuilder("HugeValue-");
        while (text.length() < length) {
            text.append("0123456789");
        }
        return text.substring(0, length);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] raw(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(a);
        both.writeBytes(b);
        return both.toByteArray();
    }
}
