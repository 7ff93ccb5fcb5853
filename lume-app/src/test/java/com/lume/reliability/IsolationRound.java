package com.lume.reliability;

import com.lume.demo.WellnessContract;
import com.lume.support.BackendChecks;
import io.outbox.jpa.support.JarProcess;
import io.outbox.testing.backend.FaultKind;
import io.outbox.testing.backend.FaultPlan;
import io.outbox.testing.backend.JournalEntry;
import io.outbox.testing.backend.StandInBackend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.lume.reliability.TwoUsers.ALICE;
import static com.lume.reliability.TwoUsers.BOB;

/**
 * One round of the two-user campaign: a fresh store with both users' seeded entries, a backend
 * for each (each accepting only its user's token; alice's injects faults), bob's sync, alice's
 * every command, and every check of what was seen, changed, sent and kept. What went wrong is
 * added to the round's problems. Confined to one thread.
 */
final class IsolationRound {
    /** What a round counted: entries written and delivered to their own user's backend, leaks, and what was scanned. */
    record Figures(long written, long delivered, long lost, long leaks, long repeats, long outputs, long files) {
    }

    private final Random random;
    private final Path dir;
    private final Path data;
    private final List<String> problems;
    private final List<JarProcess.Result> runs = new ArrayList<>();
    private final String tokenA;
    private final String tokenB;
    private final String rejectedToken;
    private final Map<String, String> asAlice;
    private long leaks;

    IsolationRound(Random random, Path dir, List<String> problems) {
        this.random = random;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.problems = problems;
        this.tokenA = "tokA" + Long.toHexString(random.nextLong()) + "Zq";
        this.tokenB = "tokB" + Long.toHexString(random.nextLong()) + "Zq";
        this.rejectedToken = "tokX" + Long.toHexString(random.nextLong()) + "Zq";
        this.asAlice = Map.of("LUME_USER", ALICE, "LUME_API_TOKEN", tokenA);
    }

    Figures run() throws IOException {
        try (StandInBackend a = backend(tokenA, FaultPlan.of(0.3, FaultKind.SERVER_ERROR, FaultKind.DROP,
                FaultKind.ACT_THEN_DROP), random.nextLong());
             StandInBackend b = backend(tokenB, FaultPlan.none(), 0)) {
            TwoUsers users = TwoUsers.write(data, random);
            JarProcess.Result bobSync = jar(Map.of("LUME_USER", BOB, "LUME_API_TOKEN", tokenB), sync(b));
            expect(bobSync.stdout().contains("failed 1, pending 0"), "bob's sync: " + bobSync.everything());
            TreeMap<String, List<String>> bobRows = StoreRows.of(data, Optional.of(BOB));
            Set<String> bobEvents = ids(InProcessLume.array(data, BOB, "outbox", "list", "--json"));

            AliceSees sees = new AliceSees(users, this::leak, problems::add);
            sees.listings(jar(asAlice, "mood", "list", "--json"), jar(asAlice, "journal", "list", "--json"),
                    jar(asAlice, "outbox", "list", "--json"), jar(asAlice, "outbox", "stats", "--json"),
                    InProcessLume.array(data, ALICE, "outbox", "list", "--json").size());
            aimAtBobsIds(users, sees);
            Set<String> aliceEntries = new HashSet<>(users.alice().all());
            aliceEntries.add(jar(asAlice, "mood", "add", "--valence", "0.5", "--note", users.alice().marker()
                    + " added").stdout().strip());
            int beforeRejected = syncRetryAndRejectedToken(a);
            Set<String> aliceEvents = ids(InProcessLume.array(data, ALICE, "outbox", "list", "--json"));
            expect(jar(asAlice, "outbox", "cleanup", "--older-than", "1ms").exitCode() == 0, "cleanup failed");

            if (!StoreRows.of(data, Optional.of(BOB)).equals(bobRows)) {
                leak("bob's entries or events changed while alice worked");
            }
            sentOnlyOwn(a, aliceEvents, aliceEntries, "alice's backend", beforeRejected);
            sentOnlyOwn(b, bobEvents, users.bob().all(), "bob's backend", Integer.MAX_VALUE);
            nothingProcessing();
            int files = secretsKept();
            long delivered = delivered(a, aliceEntries) + delivered(b, users.bob().all());
            long written = aliceEntries.size() + users.bob().all().size();
            long lost = written - 2 - delivered; // each user's rejected journal fails for good by design
            expect(lost == 0, lost + " entries never reached their user's backend");
            return new Figures(written, delivered, lost, leaks, a.counters().replays() + b.counters().replays(),
                    runs.size(), files);
        }
    }

    /** Alice's commands given bob's ids: an update, a delete, a link, a retry; each must answer "not found". */
    private void aimAtBobsIds(TwoUsers users, AliceSees sees) {
        String bobMood = users.bob().moods().get(random.nextInt(users.bob().moods().size()));
        String bobJournal = users.bob().journals().get(random.nextInt(users.bob().journals().size()));
        String bobFailed = InProcessLume.array(data, BOB, "outbox", "list", "--status", "failed", "--json").get(0)
                .get("id").toString();
        String aliceJournal = users.alice().journals().get(0);
        String noMood = "--mood " + bobMood + ": no mood entry with that id";
        sees.notFound(jar(asAlice, "mood", "update", bobMood, "--valence", "0.1"), "no mood entry " + bobMood);
        sees.notFound(jar(asAlice, "mood", "delete", bobMood), "no mood entry " + bobMood);
        sees.notFound(jar(asAlice, "journal", "update", bobJournal, "--title", "Mine"), "no journal entry "
                + bobJournal);
        sees.notFound(jar(asAlice, "journal", "delete", bobJournal), "no journal entry " + bobJournal);
        sees.notFound(jar(asAlice, "journal", "add", "--title", "T", "--content", "C", "--mood", bobMood), noMood);
        sees.notFound(jar(asAlice, "journal", "update", aliceJournal, "--mood", bobMood), noMood);
        sees.notFound(jar(asAlice, "outbox", "retry", bobFailed), "no event " + bobFailed);
    }

    /**
     * Alice syncs to her faulty backend (her rejected journal fails for good), retries her failed
     * events, and syncs once more with a token the backend rejects. Returns the length of the
     * backend's journal before that last sync.
     */
    private int syncRetryAndRejectedToken(StandInBackend a) {
        JarProcess.Result sync = jar(asAlice, sync(a));
        expect(sync.stdout().contains("failed 1, pending 0"), "alice's sync: " + sync.everything());
        expect(jar(asAlice, "outbox", "retry", "--all-failed").stdout().startsWith("retried 1 event"),
                "alice's retry --all-failed retried other than her one failed event");
        int before = a.journal().size();
        JarProcess.Result rejected = jar(Map.of("LUME_USER", ALICE, "LUME_API_TOKEN", rejectedToken), "sync",
                "--api", a.baseUri().toString(), "--until-idle", "--timeout", "1s", "--max-attempts", "1");
        expect(rejected.exitCode() == 1 && rejected.stdout().contains("failed 1, pending 0"),
                "a sync with a rejected token: " + rejected.everything());
        return before;
    }

    private static StandInBackend backend(String token, FaultPlan faults, long seed) {
        return StandInBackend.start(StandInBackend.Options.withToken(token).withFaults(faults).withSeed(seed)
                .withValidator(WellnessContract.MOODS, WellnessContract.moodBody())
                .withValidator(WellnessContract.JOURNALS, body -> String.valueOf(body.get("title"))
                        .startsWith("Rejected") ? Optional.of("journals titled like this are not accepted")
                        : WellnessContract.journalBody().apply(body)));
    }

    private static String[] sync(StandInBackend backend) {
        return new String[] {"sync", "--api", backend.baseUri().toString(), "--until-idle", "--timeout", "3s",
                "--retry-delays", "50ms,100ms,200ms", "--max-attempts", "12", "--request-timeout", "3s"};
    }

    private JarProcess.Result jar(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", data.toString()));
        all.addAll(List.of(args));
        JarProcess.Result result = LumeProcess.run(dir, env, all.toArray(new String[0]));
        runs.add(result);
        return result;
    }

    /** Every request the backend decided carried one of the user's events; only the rejected-token sync got 401. */
    private void sentOnlyOwn(StandInBackend backend, Set<String> events, Set<String> entries, String which,
                             int firstRejected) {
        List<JournalEntry> journal = backend.journal();
        for (int i = 0; i < journal.size(); i++) {
            JournalEntry request = journal.get(i);
            if (request.idempotencyKey().filter(events::contains).isEmpty()) {
                leak(which + " got " + request.method() + " " + request.path() + " for another user's event");
            }
            if (request.status().orElse(0) == 401 && i < firstRejected) {
                leak(which + " refused the token of request " + i + ": a request carried another user's token");
            }
        }
        for (String collection : List.of(WellnessContract.MOODS, WellnessContract.JOURNALS)) {
            backend.createsPerClientId(collection).keySet().stream().filter(id -> !entries.contains(id))
                    .forEach(id -> leak(which + " holds " + collection + " " + id + " of another user"));
        }
        expect(BackendChecks.createdTwice(backend).isEmpty(), which + " created entries twice: "
                + BackendChecks.createdTwice(backend));
    }

    private static long delivered(StandInBackend backend, Set<String> entries) {
        return Stream.of(WellnessContract.MOODS, WellnessContract.JOURNALS)
                .flatMap(c -> backend.createsPerClientId(c).keySet().stream()).filter(entries::contains).count();
    }

    private void nothingProcessing() {
        for (String user : List.of(ALICE, BOB)) {
            Object processing = InProcessLume.object(data, user, "outbox", "stats", "--json").get("processing");
            expect(((Number) processing).longValue() == 0, user + " has events left processing: " + processing);
        }
    }

    /** No token in any output, log file, or file under the round's directory, read as bytes; the files scanned. */
    private int secretsKept() throws IOException {
        List<Path> files;
        try (Stream<Path> paths = Files.walk(dir)) {
            files = new ArrayList<>(paths.filter(Files::isRegularFile).toList());
        }
        Path testLog = Path.of("target", "derby-it.log");
        if (Files.exists(testLog)) {
            files.add(testLog);
        }
        expect(files.stream().anyMatch(f -> f.toString().contains("seg0")), "no Derby files were scanned");
        for (String token : List.of(tokenA, tokenB, rejectedToken)) {
            byte[] needle = LumeProcess.utf8(token);
            for (int i = 0; i < runs.size(); i++) {
                if (runs.get(i).everything().contains(token)) {
                    problems.add("secret: the output of command " + (i + 1) + " of the round holds a token");
                }
            }
            for (Path file : files) {
                if (Secrets.contains(Files.readAllBytes(file), needle)) {
                    problems.add("secret: " + file + " holds a token");
                }
            }
        }
        return files.size();
    }

    private static Set<String> ids(List<Map<String, Object>> listed) {
        return listed.stream().map(e -> e.get("id").toString()).collect(Collectors.toSet());
    }

    private void leak(String what) {
        leaks++;
        problems.add("leak: " + what);
    }

    private void expect(boolean holds, String problem) {
        if (!holds) {
            problems.add(problem);
        }
    }
}
