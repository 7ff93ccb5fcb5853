package com.lume.reliability;

import com.fasterxml.jackson.core.type.TypeReference;
import com.lume.support.LumeJar;
import io.outbox.jpa.support.JarProcess;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Judges what alice's commands printed in the two-user campaign: her listings and statistics hold
 * her own entries and events only, and bob's ids given to her commands are "not found" (exit 2,
 * one line), never his data. Leaks and other faults go to separate sinks. Confined to one thread.
 */
final class AliceSees {
    private final TwoUsers users;
    private final Consumer<String> leak;
    private final Consumer<String> fault;

    AliceSees(TwoUsers users, Consumer<String> leak, Consumer<String> fault) {
        this.users = users;
        this.leak = leak;
        this.fault = fault;
    }

    /** {@code mood list}, {@code journal list}, {@code outbox list} (all --json) and {@code outbox stats --json}. */
    void listings(JarProcess.Result moods, JarProcess.Result journals, JarProcess.Result events,
                  JarProcess.Result stats, int aliceEvents) {
        for (JarProcess.Result result : List.of(moods, journals, events, stats)) {
            if (result.exitCode() != 0) {
                fault.accept("a listing failed: " + result.everything());
                return;
            }
            bobsTextIn(result, "a listing");
        }
        same("mood list", ids(moods), Set.copyOf(users.alice().moods()));
        same("journal list", ids(journals), Set.copyOf(users.alice().journals()));
        List<Map<String, Object>> listed = array(events);
        listed.stream().filter(e -> !"alice".equals(e.get("user_id")) || !users.alice().all().contains(
                String.valueOf(e.get("entity_id")))).forEach(e -> leak.accept("outbox list shows " + e.get("id")
                + " of " + e.get("user_id")));
        if (listed.size() != aliceEvents) {
            fault.accept("outbox list shows " + listed.size() + " events, alice has " + aliceEvents);
        }
        Map<String, Object> counts = LumeJar.parse(stats.stdout(), new TypeReference<>() {
        });
        if (count(counts, "total") != aliceEvents || count(counts, "completed") != 0 || count(counts, "failed") != 0) {
            leak.accept("outbox stats counts others' events: " + stats.stdout().strip());
        }
    }

    /** A command given one of bob's ids: exit 2, one line saying {@code expected} for user alice, nothing of bob's. */
    void notFound(JarProcess.Result result, String expected) {
        if (result.exitCode() == 0) {
            leak.accept("alice's command on bob's id succeeded: " + result.everything());
            return;
        }
        List<String> lines = result.stderr().lines().toList();
        if (result.exitCode() != 2 || !result.stdout().isEmpty() || lines.size() != 1
                || !lines.get(0).contains(expected) || !lines.get(0).contains("for user alice")) {
            fault.accept("not the 'not found' of docs/cli.md (" + expected + "): exit " + result.exitCode() + ", "
                    + result.everything());
        }
        bobsTextIn(result, "a refusal");
    }

    private void bobsTextIn(JarProcess.Result result, String what) {
        if (result.everything().contains(users.bob().marker())) {
            leak.accept(what + " shows bob's private text");
        }
    }

    private void same(String what, Set<String> shown, Set<String> own) {
        shown.stream().filter(id -> !own.contains(id)).forEach(id -> leak.accept(what + " shows " + id
                + (users.bob().all().contains(id) ? ", bob's" : ", not alice's")));
        if (!shown.containsAll(own)) {
            fault.accept(what + " lacks some of alice's entries");
        }
    }

    private static long count(Map<String, Object> counts, String key) {
        return ((Number) counts.get(key)).longValue();
    }

    private static Set<String> ids(JarProcess.Result result) {
        return array(result).stream().map(e -> String.valueOf(e.get("id"))).collect(Collectors.toSet());
    }

    private static List<Map<String, Object>> array(JarProcess.Result result) {
        return LumeJar.parse(result.stdout(), new TypeReference<>() {
        });
    }
}
