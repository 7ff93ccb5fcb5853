package com.lume.reliability;

import com.fasterxml.jackson.core.type.TypeReference;
import com.lume.support.LumeJar;
import io.outbox.jpa.support.JarProcess;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What alice's {@code mood list --json}, {@code journal list --json} and {@code outbox stats --json}
 * say about a store: the before and after of the hostile-input campaign. Immutable.
 */
record Listings(List<Map<String, Object>> moods, List<Map<String, Object>> journals, Map<String, Object> stats) {
    private static final String USER = "alice";

    Listings {
        moods = List.copyOf(moods);
        journals = List.copyOf(journals);
        stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
    }

    /** Read by Lume's code in the test JVM. */
    static Listings inProcess(Path dataDir) {
        return new Listings(InProcessLume.array(dataDir, USER, "mood", "list", "--json"),
                InProcessLume.array(dataDir, USER, "journal", "list", "--json"),
                InProcessLume.object(dataDir, USER, "outbox", "stats", "--json"));
    }

    /** Printed by the jar, as a user sees them. */
    static Listings ofJar(Path dataDir) {
        return new Listings(LumeJar.parse(jar(dataDir, "mood", "list", "--json"), new TypeReference<>() {
        }), LumeJar.parse(jar(dataDir, "journal", "list", "--json"), new TypeReference<>() {
        }), LumeJar.parse(jar(dataDir, "outbox", "stats", "--json"), new TypeReference<>() {
        }));
    }

    /** One listing printed by the jar: {@code mood list --json}, say. */
    static List<Map<String, Object>> ofJar(Path dataDir, String... args) {
        return LumeJar.parse(jar(dataDir, args), new TypeReference<>() {
        });
    }

    private static String jar(Path dataDir, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        JarProcess.Result result = LumeProcess.run(dataDir.toAbsolutePath().getParent(), Map.of("LUME_USER", USER),
                all.toArray(new String[0]));
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", args) + " failed: " + result.everything());
        }
        return result.stdout();
    }

    /**
     * How these listings differ from {@code before} beyond the {@code accepted} changes ({@code writes}
     * events in all): every other entry the same, every accepted value shown verbatim, the counts
     * grown by the new events only.
     */
    List<String> differencesFrom(Listings before, List<HostileLane.Accepted> accepted, int writes) {
        List<String> problems = new ArrayList<>();
        compare("mood", before.moods(), moods, "MOOD_ENTRY", accepted, problems);
        compare("journal", before.journals(), journals, "JOURNAL_ENTRY", accepted, problems);
        for (String key : List.of("total", "pending")) {
            long expected = ((Number) before.stats().get(key)).longValue() + writes;
            if (((Number) stats.get(key)).longValue() != expected) {
                problems.add("outbox stats " + key + " is " + stats.get(key) + ", expected " + expected);
            }
        }
        for (String key : List.of("processing", "completed", "failed", "success_rate", "oldest_pending",
                "waiting_for_handler")) {
            if (!Objects.equals(before.stats().get(key), stats.get(key))) {
                problems.add("outbox stats " + key + " changed from " + before.stats().get(key) + " to "
                        + stats.get(key));
            }
        }
        long stale = ((Number) stats.get("stale")).longValue();
        long staleBefore = ((Number) before.stats().get("stale")).longValue();
        if (stale < staleBefore || stale > staleBefore + writes) {
            problems.add("outbox stats stale is " + stale + ", before " + staleBefore);
        }
        return problems;
    }

    private static void compare(String what, List<Map<String, Object>> before, List<Map<String, Object>> after,
                                String table, List<HostileLane.Accepted> accepted, List<String> problems) {
        Map<Object, Map<String, Object>> expected = new LinkedHashMap<>();
        before.forEach(entry -> expected.put(entry.get("id"), new LinkedHashMap<>(entry)));
        List<Object> added = new ArrayList<>();
        for (HostileLane.Accepted change : accepted) {
            if (!change.write().table().equals(table)) {
                continue;
            }
            if (!expected.containsKey(change.entry())) {
                added.add(change.entry());
                expected.put(change.entry(), new LinkedHashMap<>());
            }
            expected.get(change.entry()).put(change.write().field(), change.write().expected());
        }
        Map<Object, Map<String, Object>> shown = new LinkedHashMap<>();
        after.forEach(entry -> shown.put(entry.get("id"), entry));
        if (!shown.keySet().equals(expected.keySet())) {
            problems.add(what + " list shows " + shown.keySet() + ", expected " + expected.keySet());
            return;
        }
        expected.forEach((id, fields) -> {
            Map<String, Object> entry = shown.get(id);
            boolean same = added.contains(id) ? fields.entrySet().stream().allMatch(f -> Objects.equals(
                    entry.get(f.getKey()), f.getValue())) : entry.equals(fields);
            if (!same) {
                problems.add(what + " " + id + " is listed as " + shorten(entry) + ", expected " + shorten(fields));
            }
        });
    }

    private static String shorten(Map<String, Object> entry) {
        String text = entry.toString();
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
