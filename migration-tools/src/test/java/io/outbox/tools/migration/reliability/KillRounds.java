package io.outbox.tools.migration.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outbox.jpa.support.reliability.Campaign;
import io.outbox.jpa.support.reliability.CampaignSummary;
import io.outbox.tools.migration.cli.Databases;
import io.outbox.tools.migration.cli.JarRun;
import io.outbox.tools.migration.fixture.Fixture;
import io.outbox.tools.migration.fixture.LegacyFixture;
import io.outbox.tools.migration.jdbc.DerbyDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rounds of the kill campaign and their running totals: seed a legacy table, kill a migrate
 * run at a seeded moment, check what it left, run again, check everything. Not thread-safe.
 */
final class KillRounds {
    static final String TABLE = "lume_outbox_v6";
    private static final String USER = "fallback.user";
    private static final int[] BATCH_SIZES = {50, 100, 250, 500};
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KillRounds.class);

    private final Campaign campaign;
    private final Path dir;
    private final Map<String, Integer> stages = new TreeMap<>();
    private final boolean sure;
    private int rounds;
    private int kills;
    private long written;
    private long delivered;
    private long lost;
    private long duplicates;
    private long absorbed;
    private Duration longest = Duration.ZERO;
    private long firstBatchMillis = 3000;

    /** @param sure no moment that the run may outrun: for a campaign of a round or two, which must kill */
    KillRounds(Campaign campaign, Path dir, boolean sure) {
        this.campaign = campaign;
        this.dir = dir;
        this.sure = sure;
    }

    /** What a round does, drawn from its seed. */
    private record Plan(int rows, long seed, int batch, Optional<String> user, boolean toStdout, Path scratch,
                        List<String> args, String where) {
    }

    /** One round: {@code sourceUrl} may say {@code ;create=true} (the table is made there); {@code targetUrl} equal to the source without it means in place. */
    void run(int round, String sourceUrl, String targetUrl, LegacyFixture.Store store) {
        Random random = random(campaign, round, 0);
        int rows = 200 + random.nextInt(1801);
        long seed = random.nextLong();
        int batch = BATCH_SIZES[random.nextInt(BATCH_SIZES.length)];
        Optional<String> user = random.nextBoolean() ? Optional.of(USER) : Optional.empty();
        boolean toStdout = random.nextInt(3) == 0;
        String source = DerbyDatabases.withoutCreate(sourceUrl);
        Optional<String> target = targetUrl.equals(source) ? Optional.empty() : Optional.of(targetUrl);
        Plan plan = new Plan(rows, seed, batch, user, toStdout, scratch(round), args(source, target, user, batch),
                "round " + round + " (" + rows + " rows, batch " + batch + ", user " + user.orElse("none")
                        + (target.isPresent() ? ", other target" : ", in place") + "); " + campaign.replayHint(round));
        Seeded seeded = seed(sourceUrl, store, rows, seed);

        KillMoment.Outcome outcome = killedRun(plan, random);
        TargetState left = TargetState.read(targetUrl);
        WholeBatches.assertHolds(left, seeded, batch, user, plan.where() + "; killed " + outcome);
        JsonNode report = rerun(plan, seeded, plan.where() + "; killed " + outcome);
        assertReport(report, seeded.fixture(), left, user, plan.where());
        Accounting accounting = Accounting.of(fates(seeded.fixture(), user), TargetState.read(targetUrl));
        assertThat(accounting.problems()).as("every legacy row accounted for once; %s", plan.where()).isEmpty();
        MigrateKillReliabilityIT.assertEvents(DerbyDatabases.withoutCreate(targetUrl), seeded.fixture(), user,
                plan.where());
        assertThat(checksum(source)).as("legacy rows unchanged; %s", plan.where()).isEqualTo(seeded.checksum());
        log.info("{}: killed {}; {} events were left; the rerun took {} ms", plan.where().substring(0,
                plan.where().indexOf(';')), outcome, left.events().size(), report.get("elapsed_ms"));

        rounds++;
        written += rows;
        delivered += accounting.accounted();
        lost += accounting.lost();
        duplicates += accounting.duplicate();
        absorbed += report.get("already_present").asLong();
    }

    /** Starts migrate with --verbose (a line per committed batch to anchor the moment on) and kills it. */
    private KillMoment.Outcome killedRun(Plan plan, Random random) {
        Path report = plan.scratch().resolve("killed.json");
        List<String> args = new ArrayList<>(plan.args());
        args.addAll(List.of("--verbose", "--report", report.toString()));
        KillMoment moment = KillMoment.choose(random, plan.rows(), plan.batch(), firstBatchMillis, sure);
        KillMoment.Outcome outcome = moment.apply(JarRun.start(plan.scratch(), List.of(),
                args.toArray(String[]::new)), RUN_TIMEOUT, plan.where());
        outcome.firstBatch().ifPresent(ms -> firstBatchMillis = ms);
        stages.merge(outcome.stage(), 1, Integer::sum);
        if (outcome.killed()) {
            kills++;
            if (Files.exists(report)) {
                parse(read(report), "a report left by a killed run must be whole; " + plan.where());
            }
        } else {
            assertThat(report).as("a run that finished wrote its report; %s", plan.where()).exists();
        }
        return outcome;
    }

    /** Runs migrate again to its end; checks exit code, stderr and stdout; returns the report. The run's time is the recovery. */
    private JsonNode rerun(Plan plan, Seeded seeded, String where) {
        List<String> args = new ArrayList<>(plan.args());
        if (!plan.toStdout()) {
            args.addAll(List.of("--report", plan.scratch().resolve("rerun.json").toString()));
        }
        long started = System.nanoTime();
        try (JarRun rerun = JarRun.start(plan.scratch(), List.of(), args.toArray(String[]::new))) {
            int code = rerun.await(RUN_TIMEOUT);
            longest = longer(longest, Duration.ofNanos(System.nanoTime() - started));
            String runWhere = where + "; rerun stderr:\n" + rerun.err();
            assertThat(code).as("rerun exit code; %s", runWhere)
                    .isEqualTo(seeded.fixture().quarantined(plan.user()) > 0 ? 1 : 0);
            StderrLines.assertProgressOnly(rerun.err(), runWhere);
            if (plan.toStdout()) {
                return parse(rerun.out(), runWhere);
            }
            assertThat(rerun.out()).as("stdout with --report; %s", runWhere).isEmpty();
            return parse(read(plan.scratch().resolve("rerun.json")), runWhere);
        }
    }

    CampaignSummary summary(String store) {
        String killedAt = stages.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        return new CampaignSummary(campaign.name(), store, rounds, kills, written, delivered, lost, duplicates,
                absorbed, longest, "killed " + killedAt + "; repeats absorbed = rows the rerun found already "
                + "migrated; recovery = rerun to completion", campaign.seed());
    }

    void assertNothingLost() {
        assertThat(lost).as("lost rows; %s", campaign.replayHint()).isZero();
        assertThat(duplicates).as("duplicate events; %s", campaign.replayHint()).isZero();
        assertThat(delivered).as("rows accounted for; %s", campaign.replayHint()).isEqualTo(written);
        assertThat(kills).as("processes really killed; %s", campaign.replayHint()).isPositive();
    }

    /** The legacy table as written, its rows in primary-key order (the order migrate reads), and its checksum. */
    record Seeded(Fixture fixture, List<String> order, String checksum) {
    }

    private static Seeded seed(String url, LegacyFixture.Store store, int rows, long seed) {
        String open = store == LegacyFixture.Store.DERBY ? EmptyDerby.copyTo(url) : url;
        Seeded seeded = Databases.with(open, c -> {
            Fixture fixture = LegacyFixture.write(c, store, TABLE, rows, seed);
            List<String> order = new ArrayList<>(rows);
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id FROM " + TABLE + " ORDER BY id")) {
                while (r.next()) {
                    order.add(r.getString(1).strip());
                }
            }
            return new Seeded(fixture, List.copyOf(order), LegacyFixture.checksum(c, TABLE));
        });
        DerbyDatabases.shutDown(url); // the jar's process must be able to open it
        return seeded;
    }

    private static List<String> args(String source, Optional<String> target, Optional<String> user, int batch) {
        List<String> args = new ArrayList<>(List.of("migrate", "--source", source, "--batch-size", String.valueOf(batch)));
        target.ifPresent(t -> args.addAll(List.of("--target", t)));
        user.ifPresent(u -> args.addAll(List.of("--user", u)));
        return args;
    }

    private static void assertReport(JsonNode report, Fixture fixture, TargetState left, Optional<String> user,
                                     String where) {
        long migratable = fixture.migrated(user).size();
        long present = left.events().size();
        Map<String, String> expected = new TreeMap<>();
        fixture.rows().forEach(r -> r.reasonWith(user).ifPresent(reason -> expected.put(r.legacyId(), reason)));
        assertThat(MigrateKillReliabilityIT.quarantine(report)).as("quarantine; %s", where)
                .containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(report.get("read").asLong()).as("read; %s", where).isEqualTo(fixture.size());
        assertThat(report.get("already_present").asLong()).as("already present; %s", where).isEqualTo(present);
        assertThat(report.get("migrated").asLong()).as("migrated; %s", where).isEqualTo(migratable - present);
        assertThat(report.get("quarantined").asLong()).as("quarantined; %s", where).isEqualTo(fixture.quarantined(user));
        assertThat(report.get("dry_run").asBoolean()).as(where).isFalse();
        java.util.Set<String> fallback = fixture.migrated(user).stream().filter(LegacyFixture.Expected::fallback)
                .filter(r -> !left.events().containsKey(UUID.fromString(r.eventId().orElseThrow())))
                .map(LegacyFixture.Expected::legacyId).collect(Collectors.toSet());
        java.util.Set<String> reported = new java.util.HashSet<>();
        report.get("entity_id_fallback").forEach(id -> reported.add(id.asText().strip()));
        assertThat(reported).as("entity_id_fallback of this run; %s", where).isEqualTo(fallback);
    }

    private static List<Accounting.Fate> fates(Fixture fixture, Optional<String> user) {
        return fixture.rows().stream().map(r -> r.reasonWith(user)
                .map(reason -> Accounting.Fate.quarantined(r.legacyId(), reason))
                .orElseGet(() -> Accounting.Fate.migrated(r.legacyId(), UUID.fromString(r.eventId().orElseThrow()))))
                .toList();
    }

    private static String checksum(String source) {
        try {
            return Databases.with(source, c -> LegacyFixture.checksum(c, TABLE));
        } finally {
            DerbyDatabases.shutDown(source);
        }
    }

    private Path scratch(int round) {
        try {
            return Files.createDirectories(dir.resolve("round-" + round));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The round's random source for one purpose ({@code stream}): Campaign.random(round) of
     * neighbouring rounds starts out alike (java.util.Random of neighbouring seeds), so its
     * first number only seeds this one.
     */
    static Random random(Campaign campaign, int round, int stream) {
        Random first = campaign.random(round);
        long seed = first.nextLong();
        for (int i = 0; i < stream; i++) {
            seed = first.nextLong();
        }
        return new Random(seed);
    }

    static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static JsonNode parse(String json, String where) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not one JSON document: " + json + "; " + where, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
