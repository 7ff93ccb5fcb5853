package com.fitiq.reliability;

import com.fitiq.e2e.Backends;
import com.fitiq.e2e.FitiqCli;
import io.outbox.jpa.support.JarProcess;
import io.outbox.jpa.support.reliability.Campaign;
import io.outbox.jpa.support.reliability.CampaignSummary;
import io.outbox.testing.backend.FaultKind;
import io.outbox.testing.backend.FaultPlan;
import io.outbox.testing.backend.StandInBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 on a real Derby store on disk, through the real jar: a {@code sync --watch} killed at a
 * seeded moment of a faulty delivery, then synced again against the backend healed, must leave
 * the backend equal to the store with nothing done twice and nothing stuck; a write command killed
 * at a seeded moment must leave its entry and its event both or neither, and a later sync delivers
 * what was written exactly once.
 */
class FitiqKillReliabilityIT {
    private static final List<String> USERS = List.of("alice", "bob");

    /** Sync options: short backoff and a one-second request timeout, so faults cost milliseconds. */
    private static String[] sync(StandInBackend backend, String mode) {
        return new String[] {"sync", "--api", backend.baseUri().toString(), mode, "--retry-delays", "50ms,100ms,200ms",
                "--max-attempts", "30", "--request-timeout", "1s", "--timeout", "20s"};
    }

    /** A share of 15 to 40 % of requests faulted, of every kind; slow answers either late or past the timeout. */
    private static FaultPlan faults(Random random) {
        return new FaultPlan(0.15 + 0.25 * random.nextDouble(), EnumSet.allOf(FaultKind.class),
                Duration.ofMillis(random.nextBoolean() ? 150 : 1_300));
    }

    @Test
    void givenWatchKilledAtRandomMomentUnderFaults_whenSyncedAgainHealthy_thenBackendEqualsStoreOnceAndNothingStuck(
            @TempDir Path dir) throws Exception {
        Campaign campaign = Campaign.of("fitiq kill -9 during sync --watch", 4, 60);
        CampaignJar.prepare();
        Path data = dir.resolve("data");
        CampaignJar cli = CampaignJar.onDataDir(data, USERS.get(0));
        int kills = 0;
        Duration longestRecovery = Duration.ZERO;
        StoreRows last = null;
        try (StandInBackend backend = StandInBackend.start(StandInBackend.Options.withToken(FitiqCli.TOKEN))) {
            for (int round = 0; round < campaign.rounds(); round++) {
                Random random = campaign.random(round);
                String hint = campaign.replayHint(round);
                String user = USERS.get(round % USERS.size());
                String other = USERS.get((round + 1) % USERS.size());
                long t0 = System.nanoTime();
                int changes = writeChanges(data, last, user, other, random);
                long t1 = System.nanoTime();
                backend.injectFaults(faults(random), random.nextLong());

                long actedBefore = backend.counters().acted();
                long killAt = actedBefore + 1 + random.nextInt(Math.max(1, changes * 6 / 10));
                int extraMillis = random.nextInt(200);
                Process watch = cli.asUser(user).start(dir.resolve("watch-" + round + ".out"),
                        dir.resolve("watch-" + round + ".err"), sync(backend, "--watch"));
                JarProcess.await("delivery " + killAt + " reached or the watch gone; " + hint, Duration.ofSeconds(90),
                        () -> backend.counters().acted() >= killAt || !watch.isAlive());
                assertThat(watch.isAlive()).as("a watch keeps running; stderr: %s; %s",
                        Files.readString(dir.resolve("watch-" + round + ".err")), hint).isTrue();
                watch.waitFor(extraMillis, TimeUnit.MILLISECONDS); // the seeded rest of the kill moment
                watch.destroyForcibly(); // SIGKILL: no shutdown hook, claims and attempts left as they were
                assertThat(watch.waitFor(30, TimeUnit.SECONDS)).as("killed; " + hint).isTrue();
                kills++;

                backend.injectFaults(FaultPlan.none(), 0);
                long restart = System.nanoTime();
                long t2 = restart;
                JarProcess.Result again = cli.asUser(user).run(sync(backend, "--until-idle"));
                Duration recovery = Duration.ofNanos(System.nanoTime() - restart);
                longestRecovery = recovery.compareTo(longestRecovery) > 0 ? recovery : longestRecovery;

                assertThat(again.exitCode()).as("restart exit code; stderr: %s; %s", again.stderr(), hint).isZero();
                assertThat(again.stdoutLines()).as("one summary line; " + hint).singleElement().asString()
                        .matches("delivered \\d+, failed 0, pending 0");
                long t3 = System.nanoTime();
                last = StoreRows.read(data);
                assertDeliveredOnceNothingStuck(last, backend, user, other, hint);
                System.out.printf("round %d: seed %d ms, watch %d ms, restart %d ms, checks %d ms%n", round,
                        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                        (System.nanoTime() - t3) / 1_000_000);
            }
            String lastUser = USERS.get((campaign.rounds() - 1) % USERS.size());
            for (String user : USERS) {
                if (!user.equals(lastUser)) {
                    JarProcess.Result drain = cli.asUser(user).run(sync(backend, "--until-idle"));
                    assertThat(drain.exitCode()).as("%s's last changes drain: %s; %s", user, drain.stderr(),
                            campaign.replayHint()).isZero();
                }
            }
            StoreRows rows = StoreRows.read(data);
            for (String user : USERS) {
                assertDeliveredOnceNothingStuck(rows, backend, user, user, campaign.replayHint());
            }
            assertStatsSayAllDelivered(cli, rows, campaign.replayHint());
            Set<String> written = rows.events().stream().map(StoreRows.Event::id).collect(Collectors.toSet());
            Set<String> acted = Deliveries.actedKeys(backend);
            long delivered = written.stream().filter(acted::contains).count();
            new CampaignSummary(campaign.name(), "derby", campaign.rounds(), kills, written.size(), delivered,
                    written.size() - delivered, Deliveries.duplicateCreates(backend), backend.counters().replays(),
                    longestRecovery, USERS.size() + " users, faults 15-40 % of every kind, "
                    + backend.counters().totalFaults() + " injected", campaign.seed()).write();
            assertThat(delivered).as("lost; " + campaign.replayHint()).isEqualTo(written.size());
        }
    }

    @Test
    void givenWriteCommandKilledAtRandomMoment_whenStoreReopened_thenEntryAndEventBothOrNeitherThenDeliveredOnce(
            @TempDir Path dir) throws Exception {
        Campaign campaign = Campaign.of("fitiq kill -9 during a write command", 5, 60);
        CampaignJar.prepare();
        Path data = dir.resolve("data");
        CampaignJar cli = CampaignJar.onDataDir(data, "alice");
        try (LocalWrites writes = LocalWrites.open(data)) {
            Random setup = campaign.random(-1);
            for (int i = 0; i < 4; i++) {
                writes.addRandom("alice", setup);
            }
        }
        WriteTiming timing = WriteTiming.measure(cli, dir, WriteKill.addArgs(Instant.parse("2024-12-31T00:00:00Z")));
        StoreRows before = StoreRows.read(data);
        int kills = 0;
        for (int round = 0; round < campaign.rounds(); round++) {
            Random random = campaign.random(round);
            WriteKill write = WriteKill.pick(before, random, Instant.parse("2024-01-01T00:00:00Z").plusSeconds(
                    3_600L * round));
            WriteTiming.KillMoment moment = timing.killMoment(random);
            if (moment.afterResult() && !write.operation().equals("create")) {
                // update and delete print nothing: just after the time a result would come
                moment = new WriteTiming.KillMoment(timing.printedNanos() + 2 * moment.nanos(), false);
            }
            Path out = dir.resolve("write-" + round + ".out");
            Process process = cli.start(out, dir.resolve("write-" + round + ".err"), write.args());
            if (moment.afterResult()) {
                JarProcess.await("the write printed its result; " + campaign.replayHint(round), Duration.ofMinutes(1),
                        () -> WriteTiming.sizeOf(out) > 0 || !process.isAlive());
            }
            boolean finished = process.waitFor(moment.nanos(), TimeUnit.NANOSECONDS); // the seeded kill moment
            if (!finished) {
                process.destroyForcibly(); // SIGKILL, somewhere between JVM start and the exit
                kills++;
            }
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("ended; " + campaign.replayHint(round)).isTrue();
            StoreRows after = StoreRows.read(data);
            System.out.printf("round %d: %s killed %s: %s, events %d -> %d%n", round, write, moment,
                    finished ? "finished by itself" : "killed", before.events().size(), after.events().size());
            OptionalInt exit = finished ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
            write.assertBothOrNeither(before, after, exit, WriteTiming.sizeOf(out) > 0,
                    campaign.replayHint(round) + ", " + write + " killed " + moment);
            before = after;
        }

        try (StandInBackend backend = StandInBackend.start(StandInBackend.Options.withToken(FitiqCli.TOKEN))) {
            long start = System.nanoTime();
            JarProcess.Result sync = cli.run(sync(backend, "--until-idle"));
            Duration recovery = Duration.ofNanos(System.nanoTime() - start);
            String hint = campaign.replayHint();
            assertThat(sync.exitCode()).as("the later sync: %s; %s", sync.stderr(), hint).isZero();
            assertThat(sync.stdoutLines()).as(hint).containsExactly("delivered " + before.events().size()
                    + ", failed 0, pending 0");
            StoreRows rows = StoreRows.read(data);
            assertDeliveredOnceNothingStuck(rows, backend, "alice", "alice", hint);
            Set<String> acted = Deliveries.actedKeys(backend);
            long delivered = rows.events().stream().filter(e -> acted.contains(e.id())).count();
            new CampaignSummary(campaign.name(), "derby", campaign.rounds(), kills, rows.events().size(), delivered,
                    rows.events().size() - delivered, Deliveries.duplicateCreates(backend),
                    backend.counters().replays(), recovery, "kills from JVM start to just after the commit ("
                    + timing.describe() + "); recovery = the later sync", campaign.seed()).write();
        }
    }

    /**
     * The round's changes, written in this JVM through FitIQ's use cases: 20 to 40 for the user who
     * syncs this round (adds, and updates and deletes of their entries) and 1 to 3 adds of the other
     * user, which must wait, untouched, for that user's own sync.
     */
    private static int writeChanges(Path data, StoreRows last, String user, String other, Random random) {
        List<StoreRows.Entry> live = last == null ? new ArrayList<>() : new ArrayList<>(last.entriesOf(user).stream()
                .filter(e -> !e.deleted()).toList());
        int changes = 20 + random.nextInt(21);
        try (LocalWrites writes = LocalWrites.open(data)) {
            for (int i = 0; i < changes; i++) {
                double dice = random.nextDouble();
                if (live.size() > 2 && dice < 0.2) {
                    StoreRows.Entry entry = live.get(random.nextInt(live.size()));
                    writes.updateRandom(user, UUID.fromString(entry.id()), entry.type(), random);
                } else if (live.size() > 2 && dice < 0.3) {
                    writes.delete(user, UUID.fromString(live.remove(random.nextInt(live.size())).id()));
                } else {
                    writes.addRandom(user, random);
                }
            }
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                writes.addRandom(other, random);
            }
        }
        return changes;
    }

    private static void assertDeliveredOnceNothingStuck(StoreRows rows, StandInBackend backend, String user,
                                                        String other, String hint) {
        assertThat(rows.eventsWhere(e -> e.status().equals("processing"))).as("nothing left processing; " + hint)
                .isEmpty();
        assertThat(rows.eventsOf(user)).as("every change of " + user + " delivered; " + hint)
                .allMatch(e -> e.status().equals("completed"));
        assertThat(rows.eventsOf(other)).as(other + "'s changes delivered earlier or untouched; " + hint)
                .allMatch(e -> e.status().equals("completed") || e.status().equals("pending") && e.attemptCount() == 0);
        Set<String> completed = rows.eventsWhere(e -> e.status().equals("completed")).stream()
                .map(StoreRows.Event::id).collect(Collectors.toSet());
        assertThat(Deliveries.actedKeys(backend)).as("the backend acted on exactly the completed events; " + hint)
                .isEqualTo(completed);
        Deliveries.assertBackendEqualsLocal(rows, backend, hint);
    }

    /** Each user's {@code outbox stats --json} (docs/cli.md): all completed, nothing pending, processing or failed. */
    private static void assertStatsSayAllDelivered(CampaignJar cli, StoreRows rows, String hint) {
        for (String user : USERS) {
            Map<String, Object> stats = Backends.parseObject(cli.asUser(user).ok("outbox", "stats",
                    "--json"));
            assertThat(stats).as(user + "'s stats; " + hint).containsEntry("total", rows.eventsOf(user).size())
                    .containsEntry("completed", rows.eventsOf(user).size()).containsEntry("pending", 0)
                    .containsEntry("processing", 0).containsEntry("failed", 0);
        }
    }
}
