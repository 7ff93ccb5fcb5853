package io.outbox.jpa.reliability;

import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.StoreConfig;
import io.outbox.jpa.support.reliability.Campaign;
import io.outbox.jpa.support.reliability.CampaignSummary;
import io.outbox.testing.backend.StandInBackend;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, item 2: a private PostgreSQL server is killed with SIGKILL (postmaster and children
 * at once) while two processor JVMs drain 10,000 events (50,000 a kill in long mode), kept down for a seeded 1 to 4 s and
 * started again. Both JVMs must survive, reconnect and finish; every event must take effect
 * at the backend exactly once, and nothing may stay processing.
 */
class PostgresServerFaultsReliabilityIT {
    /** Events per server kill: CI size keeps the suite short; long mode (-Preliability-long) drains 50,000 a kill. */
    private static final int CI_EVENTS_PER_KILL = 10_000;
    private static final int LONG_EVENTS_PER_KILL = 50_000;
    private static final int JVMS = 2;
    private static final Duration LEASE = Duration.ofSeconds(5);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(4);

    @Test
    void givenTwoProcessorJvmsDraining_whenServerKilledAndRestarted_thenBothReconnectAndEveryEventTakesEffectOnce() {
        Campaign campaign = Campaign.of("postgresql server kill -9 during a two-JVM drain", 1, 3);
        int events = (campaign.longMode() ? LONG_EVENTS_PER_KILL : CI_EVENTS_PER_KILL) * campaign.rounds();
        String token = "reliability-" + UUID.randomUUID();
        PrivatePostgres server = PrivatePostgres.start();
        List<WorkerJvm> workers = new ArrayList<>();
        Duration longestRecovery = Duration.ZERO;
        List<String> roundNotes = new ArrayList<>();
        Effects effects;
        Map<String, Long> statuses;
        List<Integer> exits = new ArrayList<>();
        double eventsPerSecond;
        try (StandInBackend backend = StandInBackend.start(StandInBackend.Options.withToken(token));
             OutboxStore store = OutboxStore.open(StoreConfig.url(server.url()))) {
            List<String> written = Backlog.write(store, events);
            for (int i = 0; i < JVMS; i++) {
                workers.add(WorkerJvm.start(server.url(), "server-faults-jvm-" + i, LEASE, 100, 8, backend.baseUri(),
                        token));
            }
            workers.forEach(w -> w.awaitLine("ready", Duration.ofSeconds(90)));
            Instant go = Instant.now();
            workers.forEach(w -> w.send("go"));

            for (int round = 1; round <= campaign.rounds(); round++) {
                Recovery recovery = killAndRestart(campaign, round, events, server, store, workers);
                longestRecovery = recovery.longest().compareTo(longestRecovery) > 0 ? recovery.longest()
                        : longestRecovery;
                roundNotes.add(recovery.describe());
            }
            Poll.until("all " + events + " events completed; " + campaign.replayHint(), DRAIN_TIMEOUT, workers,
                    () -> Backlog.completed(store) >= events);
            eventsPerSecond = events * 1000.0 / Math.max(1, Duration.between(go, Instant.now()).toMillis());

            assertThat(workers).as("both processor JVMs survived the server's death; " + campaign.replayHint())
                    .allSatisfy(w -> assertThat(w.isAlive()).as(w.owner() + " alive: " + w.output()).isTrue());
            workers.forEach(w -> exits.add(w.stop(Duration.ofSeconds(30))));
            statuses = Backlog.statuses(store);
            effects = Effects.of(backend, written);
            workers.forEach(w -> assertThat(w.output()).as("the token in " + w.owner() + "'s output")
                    .doesNotContain(token));
        } finally {
            workers.forEach(WorkerJvm::close);
            server.close();
        }

        assertThat(server.survivors()).as("no server process outlives the test").isEmpty();
        assertThat(exits).as("worker exit codes; " + campaign.replayHint()).containsOnly(0);
        assertThat(statuses).as("events per status; " + campaign.replayHint())
                .isEqualTo(Map.of("completed", (long) events));
        assertThat(effects.lost()).as("events never created at the backend " + effects.examples() + "; "
                + campaign.replayHint()).isZero();
        assertThat(effects.duplicateEffects()).as("creates done twice " + effects.examples() + "; "
                + campaign.replayHint()).isZero();
        assertThat(effects.strangers()).as("creates nobody wrote; " + campaign.replayHint()).isZero();

        new CampaignSummary(campaign.name(), "postgresql", campaign.rounds(), campaign.rounds(), events,
                effects.delivered(), effects.lost(), effects.duplicateEffects(), effects.repeatsAbsorbed(),
                longestRecovery, String.format(Locale.ROOT, "%d processor JVMs, %,.0f events/s overall; %s", JVMS,
                eventsPerSecond, String.join("; ", roundNotes)), campaign.seed()).write();
    }

    /** What one kill cost: outage, time until delivery resumed, and until the stranded claims were done. */
    private record Recovery(int round, long killedAt, Duration down, Duration resumed, int stranded,
                            Duration strandedBack) {
        Duration longest() {
            return resumed.compareTo(strandedBack) > 0 ? resumed : strandedBack;
        }

        String describe() {
            return String.format(Locale.ROOT, "kill %d at %,d completed, down %.1f s, delivery resumed %.1f s"
                    + " after restart, %d stranded claims done %.1f s after restart", round, killedAt,
                    down.toMillis() / 1000.0, resumed.toMillis() / 1000.0, stranded, strandedBack.toMillis() / 1000.0);
        }
    }

    private static Recovery killAndRestart(Campaign campaign, int round, int events, PrivatePostgres server,
                                           OutboxStore store, List<WorkerJvm> workers) {
        Random random = campaign.random(round);
        int rounds = campaign.rounds();
        long killAt = (long) (events * (round - 1 + 0.2 + 0.6 * random.nextDouble()) / rounds);
        Duration down = Duration.ofMillis(1000 + random.nextInt(3001));
        String hint = campaign.replayHint(round);
        Poll.until(killAt + " events completed before kill " + round + "; " + hint, DRAIN_TIMEOUT, workers,
                () -> Backlog.completed(store) >= killAt);
        long completedAtKill = Backlog.completed(store);

        Instant killed = Instant.now();
        server.kill();
        Instant restartAt = killed.plus(down);
        Poll.until("the end of the outage of " + down + "; " + hint, down.plusSeconds(5), workers,
                () -> !Instant.now().isBefore(restartAt));
        server.startAgain();
        Instant restarted = Instant.now();

        // Claimed before the kill and still processing: their worker cannot finish them, so they come
        // back only when their lease runs out (the lease is far longer than a batch takes, so none is
        // claimed again before this read).
        Set<UUID> stranded = Poll.retrying(() -> Backlog.processingClaimedBefore(store, killed));
        long atRestart = Poll.retrying(() -> Backlog.completed(store));
        Poll.until("delivery to resume after restart " + round + "; " + hint, Duration.ofMinutes(1), workers,
                () -> atRestart >= events || Backlog.completed(store) > atRestart);
        Duration resumed = Duration.between(restarted, Instant.now());
        Duration strandedBack = Duration.ZERO;
        if (!stranded.isEmpty()) {
            Poll.until(stranded.size() + " stranded claims completed; " + hint, Duration.ofMinutes(1), workers,
                    () -> Backlog.notCompleted(store, stranded) == 0);
            strandedBack = Duration.between(restarted, Backlog.lastCompletion(store, stranded));
        }
        return new Recovery(round, completedAtKill, down, resumed, stranded.size(), strandedBack);
    }
}
