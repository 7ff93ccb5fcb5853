package io.outbox.jpa.reliability;

import io.outbox.jpa.OutboxStore;
import io.outbox.jpa.StoreConfig;
import io.outbox.jpa.support.PostgresSchema;
import io.outbox.jpa.support.reliability.Campaign;
import io.outbox.jpa.support.reliability.CampaignSummary;
import io.outbox.testing.backend.StandInBackend;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, item 3: four processor JVMs drain 10,000 events (100,000 in long mode) from one PostgreSQL outbox and one
 * of them is SIGKILLed when about half are delivered. Every event must take effect at the
 * backend exactly once (repeats the Idempotency-Key absorbs are allowed and counted), nothing
 * may be lost or left processing, and the dead JVM's claims must come back to the others once
 * their lease runs out. Reports events/s and how long those claims took to come back.
 */
class FourProcessorLoadReliabilityIT {
    /** Events a round: CI size keeps the suite short; long mode (-Preliability-long) drains the full 100,000. */
    private static final int CI_EVENTS = 10_000;
    private static final int LONG_EVENTS = 100_000;
    private static final int JVMS = 4;
    /** Short, so the dead JVM's claims come back within the test; still far longer than a batch takes. */
    private static final Duration LEASE = Duration.ofSeconds(5);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(4);

    @Test
    void givenFourProcessorJvmsOnOneOutbox_whenOneKilledHalfWay_thenEveryEventTakesEffectOnceAndItsClaimsComeBack() {
        Campaign campaign = Campaign.of("four processor JVMs, one killed half-way", 1, 3);
        int events = campaign.longMode() ? LONG_EVENTS : CI_EVENTS;
        List<Round> rounds = new ArrayList<>();
        for (int round = 1; round <= campaign.rounds(); round++) {
            rounds.add(runRound(campaign, round, events));
        }
        Duration longest = rounds.stream().map(Round::claimsBack).max(Duration::compareTo).orElse(Duration.ZERO);
        String note = String.format(Locale.ROOT, "%d processor JVMs, lease %d s; events/s overall %s; dead JVM's"
                        + " claims %s came back after %s", JVMS, LEASE.toSeconds(),
                join(rounds, r -> String.format(Locale.ROOT, "%,.0f", r.eventsPerSecond())),
                join(rounds, r -> Integer.toString(r.deadClaims())),
                join(rounds, r -> String.format(Locale.ROOT, "%.1f s", r.claimsBack().toMillis() / 1000.0)));
        new CampaignSummary(campaign.name(), "postgresql", rounds.size(), rounds.size(), (long) events * rounds.size(),
                rounds.stream().mapToLong(r -> r.effects().delivered()).sum(),
                rounds.stream().mapToLong(r -> r.effects().lost()).sum(),
                rounds.stream().mapToLong(r -> r.effects().duplicateEffects()).sum(),
                rounds.stream().mapToLong(r -> r.effects().repeatsAbsorbed()).sum(), longest, note, campaign.seed())
                .write();
    }

    /** One round's figures. */
    private record Round(double eventsPerSecond, int deadClaims, Duration claimsBack, Effects effects) {
    }

    private static String join(List<Round> rounds, java.util.function.Function<Round, String> figure) {
        return String.join(" / ", rounds.stream().map(figure).toList());
    }

    private static Round runRound(Campaign campaign, int round, int events) {
        Random random = campaign.random(round);
        String hint = campaign.replayHint(round);
        String token = "reliability-" + UUID.randomUUID();
        List<WorkerJvm> workers = new ArrayList<>();
        try (PostgresSchema schema = PostgresSchema.create("reliability_load");
             StandInBackend backend = StandInBackend.start(StandInBackend.Options.withToken(token));
             OutboxStore store = OutboxStore.open(StoreConfig.url(schema.url()))) {
            List<String> written = Backlog.write(store, events);
            for (int i = 0; i < JVMS; i++) {
                workers.add(WorkerJvm.start(schema.url(), "load-jvm-" + i, LEASE, 100, 4, backend.baseUri(), token));
            }
            workers.forEach(w -> w.awaitLine("ready", Duration.ofSeconds(90)));
            Instant go = Instant.now();
            workers.forEach(w -> w.send("go"));

            long killAt = (long) (events * (0.4 + 0.2 * random.nextDouble()));
            WorkerJvm victim = workers.get(random.nextInt(JVMS));
            Poll.until(killAt + " events completed before the kill; " + hint, DRAIN_TIMEOUT, workers,
                    () -> Backlog.completed(store) >= killAt);
            // killed while it holds claims, so that every round measures their return (two rounds of
            // 2026-12-03 hit the victim between batches and measured nothing)
            Poll.until(victim.owner() + " holding claims; " + hint, Duration.ofSeconds(30), workers,
                    () -> !Backlog.claimedBy(store, victim.owner()).isEmpty());
            Instant killed = Instant.now();
            victim.kill();
            List<WorkerJvm> survivors = workers.stream().filter(w -> w != victim).toList();
            Set<UUID> deadClaims = claimsLeftBy(victim, store, survivors, hint);

            Poll.until("all " + events + " events completed; " + hint, DRAIN_TIMEOUT, survivors,
                    () -> Backlog.completed(store) >= events);
            double eventsPerSecond = events * 1000.0 / Math.max(1, Duration.between(go, Instant.now()).toMillis());
            Duration claimsBack = deadClaims.isEmpty() ? Duration.ZERO
                    : Duration.between(killed, Backlog.lastCompletion(store, deadClaims));

            List<Integer> exits = survivors.stream().map(w -> w.stop(Duration.ofSeconds(30))).toList();
            Map<String, Long> statuses = Backlog.statuses(store);
            Effects effects = Effects.of(backend, written);

            assertThat(exits).as("exit codes of the surviving JVMs; " + hint).containsOnly(0);
            workers.forEach(w -> assertThat(w.output()).as("the token in " + w.owner() + "'s output; " + hint)
                    .doesNotContain(token));
            assertThat(statuses).as("events per status; " + hint).isEqualTo(Map.of("completed", (long) events));
            assertThat(effects.lost()).as("events never created at the backend " + effects.examples() + "; " + hint)
                    .isZero();
            assertThat(effects.duplicateEffects()).as("creates done twice " + effects.examples() + "; " + hint)
                    .isZero();
            assertThat(effects.strangers()).as("creates nobody wrote; " + hint).isZero();
            return new Round(eventsPerSecond, deadClaims.size(), claimsBack, effects);
        } finally {
            workers.forEach(WorkerJvm::close);
        }
    }

    /**
     * The events the killed JVM held as processing. Read for a second after the kill: a claim
     * statement it sent just before dying may still commit on the server; its lease (5 s) keeps
     * the claims under its name well past that.
     */
    private static Set<UUID> claimsLeftBy(WorkerJvm victim, OutboxStore store, List<WorkerJvm> survivors,
                                          String hint) {
        Set<UUID> claims = new HashSet<>();
        Instant until = Instant.now().plusSeconds(1);
        Poll.until("a second of reading the dead JVM's claims; " + hint, Duration.ofSeconds(10), survivors, () -> {
            claims.addAll(Backlog.claimedBy(store, victim.owner()));
            return !Instant.now().isBefore(until);
        });
        return claims;
    }
}
