package io.outbox.tools.migration.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.outbox.event.OutboxEvent;
import io.outbox.jpa.support.reliability.Campaign;
import io.outbox.jpa.support.reliability.CampaignSummary;
import io.outbox.tools.migration.cli.CliRun;
import io.outbox.tools.migration.cli.Databases;
import io.outbox.tools.migration.cli.JarRun;
import io.outbox.tools.migration.fixture.LegacyFixture;
import io.outbox.tools.migration.jdbc.DerbyDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Legacy rows fuzzed in every column, as far as each column's SQL type allows, migrated by the
 * built jar: it never crashes or prints a stack trace, and every row either becomes exactly the
 * event the contract says (every field) or is quarantined with the contract's reason; a second
 * run adds nothing, a dry run writes nothing and reports the same, and no legacy row changes.
 * Many rows per run, few runs: the JVM start is the cost.
 */
class LegacyFuzzReliabilityIT {
    private static final Campaign CAMPAIGN = Campaign.of("migration-tools legacy rows fuzzed", 2, 12);
    private static final String TABLE = "lume_outbox_v6";
    private static final int ROWS = 1000;
    private static final int HUGE = 2;
    private static final int[] BATCH_SIZES = {61, 200, 500};
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LegacyFuzzReliabilityIT.class);

    @TempDir
    Path dir;

    private long written;
    private long delivered;
    private long lost;
    private long duplicates;
    private long repeats;
    private long migrated;
    private Duration longest = Duration.ZERO;
    private final Map<String, Long> reasons = new TreeMap<>();

    @Test
    void givenFuzzedLegacyRows_whenMigrated_thenEachRowBecomesItsEventOrIsQuarantinedWithItsReason() {
        for (int round = 0; round < CAMPAIGN.rounds(); round++) {
            round(round);
        }
        new CampaignSummary(CAMPAIGN.name(), "derby", CAMPAIGN.rounds(), 0, written, delivered, lost, duplicates,
                repeats, longest, written + " fuzzed rows: " + migrated + " migrated field for field, quarantined "
                + reasons + "; 0 stack traces, legacy rows unchanged, reruns add nothing, dry runs write nothing; "
                + "longest recovery = longest run", CAMPAIGN.seed()).write();
        assertThat(lost).as(CAMPAIGN.replayHint()).isZero();
        assertThat(duplicates).as(CAMPAIGN.replayHint()).isZero();
        assertThat(delivered).as(CAMPAIGN.replayHint()).isEqualTo(written);
    }

    /** Regression: half a surrogate pair in a legacy id made the report unwritable (exit 3 after every event was written). */
    @Test
    void givenIdAndTypeHoldingHalfASurrogatePair_whenMigrated_thenTheReportIsWrittenAndHoldsThemExactly() throws Exception {
        String url = "jdbc:derby:" + dir.resolve("surrogates");
        String loneHigh = "legacy-\uD800-id";
        String pair = UUID.randomUUID().toString();
        Databases.with(url + ";create=true", c -> {
            try (java.sql.Statement ddl = c.createStatement()) {
                ddl.execute(String.format(java.util.Locale.ROOT, LegacyFuzz.DDL, TABLE));
            }
            String insert = "INSERT INTO " + TABLE + " (id, created_at, event_type, payload, status, retry_count)"
                    + " VALUES (?, CURRENT_TIMESTAMP, ?, ?, 'pending', 0)";
            try (java.sql.PreparedStatement s = c.prepareStatement(insert)) {
                for (String[] row : new String[][] {{loneHigh, "mood.created"}, {pair, "mood.\uDC00created"},
                        {UUID.randomUUID().toString(), "mood.created \uD83D\uDE00"}}) {
                    s.setString(1, row[0]);
                    s.setString(2, row[1]);
                    s.setBytes(3, "{\"user_id\": \"u1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    s.executeUpdate();
                }
            }
            return null;
        });
        DerbyDatabases.shutDown(url);
        Path report = dir.resolve("surrogates.json");
        CliRun toFile = CliRun.of("migrate", "--source", url, "--report", report.toString());
        CliRun toStdout = CliRun.of("migrate", "--source", url, "--dry-run");

        assertThat(toFile.exitCode()).as(toFile.err()).isEqualTo(1);
        byte[] bytes = Files.readAllBytes(report);
        java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)); // valid UTF-8
        for (JsonNode json : List.of(KillRounds.parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), "file"),
                KillRounds.parse(toStdout.out(), "stdout"))) {
            assertThat(quarantine(json)).containsEntry(String.format("%-36s", loneHigh), "invalid_id")
                    .containsEntry(pair, "unknown_operation").hasSize(3);
        }
        assertThat(toStdout.exitCode()).as(toStdout.err()).isEqualTo(1);
    }

    private void round(int round) {
        long started = System.nanoTime();
        Random random = CAMPAIGN.random(round);
        String url = "jdbc:derby:" + dir.resolve("fuzz-" + round);
        Databases.with(EmptyDerby.copyTo(url), c -> {
            new LegacyFuzz(random).write(c, TABLE, ROWS, HUGE);
            return null;
        });
        List<ContractOracle.Stored> stored = Databases.with(url, c -> ContractOracle.read(c, TABLE));
        String checksum = checksum(url);
        Optional<String> user = round % 2 == 0 ? Optional.of("fuzz.user") : Optional.empty(); // odd rounds: no --user
        int batch = BATCH_SIZES[random.nextInt(BATCH_SIZES.length)];
        List<ContractOracle.Verdict> verdicts = ContractOracle.judge(stored, user);
        String where = "round " + round + " (batch " + batch + ", user " + user.orElse("none") + "); "
                + CAMPAIGN.replayHint(round);
        List<String> args = new ArrayList<>(List.of("migrate", "--source", url, "--batch-size", String.valueOf(batch)));
        user.ifPresent(u -> args.addAll(List.of("--user", u)));

        boolean dryFirst = round % 2 == 1; // odd rounds: a dry run first; even rounds: a second real run after
        if (dryFirst) {
            assertReport(migrate(args, "dry.json", true, verdicts, where), verdicts, 0, where + " (dry run)");
            assertThat(Databases.tables(url)).as("a dry run wrote nothing; %s", where).containsExactly(TABLE);
            DerbyDatabases.shutDown(url);
        }
        JsonNode first = migrate(args, "first.json", false, verdicts, where);
        assertReport(first, verdicts, 0, where);
        List<OutboxEvent> events = assertEvents(url, verdicts, where);
        Accounting accounting = Accounting.of(verdicts.stream().map(ContractOracle.Verdict::fate).toList(),
                TargetState.read(url));
        assertThat(accounting.problems()).as("every row accounted for once; %s", where).isEmpty();
        if (!dryFirst) {
            repeats += assertSecondRunAddsNothing(args, first, events, verdicts, url, where);
        }
        assertThat(checksum(url)).as("legacy rows unchanged; %s", where).isEqualTo(checksum);
        log.info("{}: {} rows judged and checked in {} ms", where.substring(0, where.indexOf(';')), verdicts.size(),
                (System.nanoTime() - started) / 1_000_000);

        written += verdicts.size();
        delivered += accounting.accounted();
        lost += accounting.lost();
        duplicates += accounting.duplicate();
        migrated += events.size();
        verdicts.forEach(v -> v.reason().ifPresent(r -> reasons.merge(r, 1L, Long::sum)));
    }

    /** Runs migrate once more: it must add and change nothing and report the same quarantine; returns its already_present. */
    private long assertSecondRunAddsNothing(List<String> args, JsonNode first, List<OutboxEvent> events,
                                            List<ContractOracle.Verdict> verdicts, String url, String where) {
        JsonNode second = migrate(args, "second.json", false, verdicts, where);
        assertThat(second.get("migrated").asLong()).as("a second run adds nothing; %s", where).isZero();
        assertThat(second.get("already_present").asLong()).as(where).isEqualTo(first.get("migrated").asLong());
        assertThat(second.get("entity_id_fallback")).as(where).isEmpty();
        assertThat(quarantine(second)).as(where).isEqualTo(quarantine(first));
        assertThat(Databases.events(url)).as("a second run changes nothing; %s", where)
                .containsExactlyInAnyOrderElementsOf(events);
        DerbyDatabases.shutDown(url);
        return second.get("already_present").asLong();
    }

    private static String checksum(String url) {
        try {
            return Databases.with(url, c -> LegacyFixture.checksum(c, TABLE));
        } finally {
            DerbyDatabases.shutDown(url);
        }
    }

    private JsonNode migrate(List<String> args, String reportName, boolean dryRun, List<ContractOracle.Verdict> verdicts,
                             String where) {
        Path report = dir.resolve(reportName);
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--report", report.toString()));
        if (dryRun) {
            all.add("--dry-run");
        }
        long started = System.nanoTime();
        try (JarRun run = JarRun.start(dir, List.of(), all.toArray(String[]::new))) {
            int code = run.await(RUN_TIMEOUT);
            longest = KillRounds.longer(longest, Duration.ofNanos(System.nanoTime() - started));
            String runWhere = where + "; " + reportName + " stderr:\n" + run.err();
            boolean quarantines = verdicts.stream().anyMatch(v -> v.reason().isPresent());
            assertThat(code).as("exit code; %s", runWhere).isEqualTo(quarantines ? 1 : 0);
            StderrLines.assertProgressOnly(run.err(), runWhere);
            assertThat(run.out()).as("stdout with --report; %s", runWhere).isEmpty();
            return KillRounds.parse(Files.readString(report), runWhere);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertReport(JsonNode report, List<ContractOracle.Verdict> verdicts, long present, String where) {
        long events = verdicts.stream().filter(v -> v.event().isPresent()).count();
        assertThat(report.get("read").asLong()).as("read; %s", where).isEqualTo(verdicts.size());
        assertThat(report.get("migrated").asLong()).as("migrated; %s", where).isEqualTo(events - present);
        assertThat(report.get("already_present").asLong()).as("already present; %s", where).isEqualTo(present);
        assertThat(report.get("quarantined").asLong()).as("quarantined; %s", where).isEqualTo(verdicts.size() - events);
        Map<String, String> expected = new TreeMap<>();
        verdicts.forEach(v -> v.reason().ifPresent(r -> expected.put(v.row().id(), r)));
        assertThat(quarantine(report)).as("quarantine (ids exactly as stored) and reasons; %s", where)
                .containsExactlyInAnyOrderEntriesOf(expected);
        report.get("quarantine").forEach(q -> assertThat(q.get("detail").asText()).as("a clear reason; %s", where)
                .isNotBlank().doesNotContain("Exception"));
        Set<String> fallback = verdicts.stream().filter(ContractOracle.Verdict::fallback).map(v -> v.row().id())
                .collect(Collectors.toSet());
        Set<String> reported = new HashSet<>();
        report.get("entity_id_fallback").forEach(id -> reported.add(id.asText()));
        assertThat(reported).as("entity_id_fallback; %s", where).isEqualTo(fallback);
    }

    private static List<OutboxEvent> assertEvents(String url, List<ContractOracle.Verdict> verdicts, String where) {
        List<OutboxEvent> events = Databases.events(url);
        DerbyDatabases.shutDown(url);
        Map<UUID, OutboxEvent> byId = events.stream().collect(Collectors.toMap(OutboxEvent::id, Function.identity()));
        List<String> wrong = new ArrayList<>();
        for (ContractOracle.Verdict verdict : verdicts) {
            verdict.event().ifPresent(expected -> {
                List<String> differences = EventDiff.of(expected, byId.get(expected.id()));
                if (!differences.isEmpty() && wrong.size() < 10) {
                    wrong.add(verdict.row().id().strip() + ": " + differences);
                }
            });
        }
        assertThat(wrong).as("events that are not what their row says; %s", where).isEmpty();
        assertThat(events).as("events; %s", where).hasSize((int) verdicts.stream().filter(v -> v.event().isPresent()).count());
        return events;
    }

    private static Map<String, String> quarantine(JsonNode report) {
        Map<String, String> entries = new TreeMap<>();
        report.get("quarantine").forEach(q -> entries.put(q.get("id").asText(), q.get("reason").asText()));
        return entries;
    }
}
