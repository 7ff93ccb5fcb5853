package io.outbox.tools.migration.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outbox.event.OutboxEvent;
import io.outbox.event.Priority;
import io.outbox.tools.migration.fixture.Fixture;
import io.outbox.tools.migration.fixture.LegacyFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What migrate and inspect promise, over the seeded fixture, on any store: each store's IT
 * extends this with its own databases. The CLI runs in this JVM (fast); the jar runs as a
 * process where a separate process is the point.
 */
abstract class MigrationContract {
    static final int ROWS = 5 * 39 + 7;
    static final String TABLE = "lume_outbox_v6";
    private static final ObjectMapper JSON = new ObjectMapper();

    String source;
    Fixture fixture;

    /** The URL of a new, empty database (or schema) named after {@code name}; it need not exist yet. */
    abstract String newDatabase(String name);

    abstract LegacyFixture.Store store();

    /** A scratch folder for reports. */
    abstract Path scratch();

    @BeforeEach
    void writeFixture() {
        source = newDatabase("source");
        fixture = Databases.with(source, c -> LegacyFixture.write(c, store(), TABLE, ROWS, 42));
    }

    @Test
    void givenFixture_whenMigrated_thenCountsReconcileAndMatchWhatEachRowSays() {
        CliRun run = CliRun.of("migrate", "--source", source, "--report", report("r.json"));
        JsonNode report = readReport("r.json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(report.get("read").asLong()).isEqualTo(ROWS);
        assertThat(report.get("read").asLong()).isEqualTo(report.get("migrated").asLong()
                + report.get("already_present").asLong() + report.get("quarantined").asLong());
        assertThat(report.get("migrated").asLong()).isEqualTo(fixture.migrated(Optional.empty()).size());
        assertThat(report.get("already_present").asLong()).isZero();
        assertThat(quarantinedByReason(report)).isEqualTo(fixture.quarantinedByReason(Optional.empty()));
        assertThat(strippedIds(report.get("entity_id_fallback"), Function.identity()))
                .isEqualTo(fixture.fallbackIds(Optional.empty()));
    }

    @Test
    void givenFixture_whenMigrated_thenEveryEventHoldsWhatItsRowSays() {
        CliRun.of("migrate", "--source", source, "--user", "fallback-user", "--report", report("r.json"));
        Map<String, OutboxEvent> events = Databases.events(source).stream()
                .collect(Collectors.toMap(e -> e.id().toString(), e -> e));
        List<LegacyFixture.Expected> expected = fixture.migrated(Optional.of("fallback-user"));
        assertThat(events).hasSize(expected.size());
        for (LegacyFixture.Expected row : expected) {
            assertEvent(events.get(row.eventId().orElseThrow()), row);
        }
    }

    @Test
    void givenQuarantinedRows_whenMigrated_thenTheTargetRecordsThemForTheLumeApp() {
        CliRun.of("migrate", "--source", source, "--report", report("r.json"));
        java.util.Set<String> reported = new java.util.HashSet<>();
        readReport("r.json").get("quarantine").forEach(q -> reported.add(q.get("id").asText().trim()));
        java.util.Set<String> recorded = Databases.with(source, c -> {
            java.util.Set<String> ids = new java.util.HashSet<>();
            try (java.sql.Statement s = c.createStatement();
                 java.sql.ResultSet rows = s.executeQuery("SELECT legacy_id FROM lume_legacy_quarantine")) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        });
        assertThat(reported).isNotEmpty();
        assertThat(recorded).isEqualTo(reported);
    }

    @Test
    void givenFixture_whenMigrated_thenNoLegacyRowChanged() {
        String before = Databases.with(source, c -> LegacyFixture.checksum(c, TABLE));
        CliRun.of("migrate", "--source", source, "--report", report("r.json"));
        String after = Databases.with(source, c -> LegacyFixture.checksum(c, TABLE));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void givenMigratedOnce_whenMigratedAgain_thenNothingIsAddedAndEveryMigratedRowIsPresent() {
        CliRun.of("migrate", "--source", source, "--report", report("first.json"));
        List<OutboxEvent> afterFirst = Databases.events(source);
        CliRun second = CliRun.of("migrate", "--source", source, "--report", report("second.json"));
        JsonNode first = readReport("first.json");
        JsonNode again = readReport("second.json");
        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(again.get("migrated").asLong()).isZero();
        assertThat(again.get("already_present").asLong()).isEqualTo(first.get("migrated").asLong());
        assertThat(again.get("quarantined").asLong()).isEqualTo(first.get("quarantined").asLong());
        assertThat(again.get("entity_id_fallback")).isEmpty();
        assertThat(Databases.events(source)).containsExactlyInAnyOrderElementsOf(afterFirst);
    }

    @Test
    void givenRowsWithoutUser_whenMigratedAgainWithUser_thenOnlyThoseAreAdded() {
        CliRun.of("migrate", "--source", source, "--report", report("first.json"));
        CliRun.of("migrate", "--source", source, "--user", "late.user", "--report", report("second.json"));
        JsonNode again = readReport("second.json");
        long needUser = fixture.rows().stream().filter(r -> r.reasonWith(Optional.empty()).orElse("").equals("missing_user_id")).count();
        assertThat(needUser).isPositive();
        assertThat(again.get("migrated").asLong()).isEqualTo(needUser);
        assertThat(Databases.events(source).stream().filter(e -> e.userId().equals("late.user"))).hasSize((int) needUser);
    }

    @Test
    void givenDryRun_whenRun_thenTheRealRunsReportAndNothingWritten() {
        String target = newDatabase("target");
        CliRun dry = CliRun.of("migrate", "--source", source, "--target", target, "--dry-run", "--report", report("dry.json"));
        CliRun dryInPlace = CliRun.of("migrate", "--source", source, "--dry-run");
        assertThat(Databases.tables(source)).containsExactly(TABLE);
        assertTargetUntouched(target);
        CliRun real = CliRun.of("migrate", "--source", source, "--target", target, "--report", report("real.json"));
        assertThat(dry.exitCode()).isEqualTo(real.exitCode()).isEqualTo(dryInPlace.exitCode());
        assertThat(comparable(readReport("dry.json"))).isEqualTo(comparable(readReport("real.json")));
        assertThat(comparable(parse(dryInPlace.out()))).isEqualTo(comparable(readReport("real.json")));
    }

    @Test
    void givenOtherTarget_whenMigrated_thenTheEventsAreThereAndTheSourceHoldsNoOutbox() {
        String target = newDatabase("target");
        CliRun run = CliRun.of("migrate", "--source", source, "--target", target, "--report", report("r.json"));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(Databases.count(target, "outbox_event")).isEqualTo(fixture.migrated(Optional.empty()).size());
        assertThat(Databases.tables(source)).containsExactly(TABLE);
    }

    @Test
    void givenTableWithoutPayload_whenMigrated_thenExit2NamingTheColumnAndNothingWritten() {
        Databases.with(source, c -> {
            LegacyFixture.writeOther(c, "not_legacy", "id CHAR(36) NOT NULL, created_at TIMESTAMP, event_type VARCHAR(64)");
            return null;
        });
        CliRun run = CliRun.of("migrate", "--source", source, "--source-table", "not_legacy");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("no column payload").contains("not_legacy");
        assertThat(run.out()).isEmpty();
        assertThat(Databases.tables(source)).doesNotContain("outbox_event");
    }

    @Test
    void givenMissingTable_whenInspected_thenExit2NamingIt() {
        CliRun run = CliRun.of("inspect", "--source", source, "--source-table", "no_such_table");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("no_such_table");
    }

    @Test
    void givenFixture_whenInspected_thenCountsMatchWhatMigrateWouldDo() {
        CliRun run = CliRun.of("inspect", "--source", source, "--json");
        JsonNode report = parse(run.out());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(report.get("rows").asLong()).isEqualTo(ROWS);
        JsonNode would = report.get("migrate_would");
        assertThat(would.get("migrate").asLong()).isEqualTo(fixture.migrated(Optional.empty()).size());
        assertThat(would.get("entity_id_fallback").asLong()).isEqualTo(fixture.fallbackIds(Optional.empty()).size());
        assertThat(counts(would.get("quarantine_by_reason"))).isEqualTo(fixture.quarantinedByReason(Optional.empty()));
        assertThat(counts(report.get("by_payload_shape")).keySet()).containsExactlyInAnyOrder(
                "snake", "camel", "mixed", "plain", "not_object", "not_json", "not_utf8", "empty");
        assertThat(counts(report.get("by_status"))).containsKeys("archived", " Processing ", "FAILED");
        assertThat(counts(report.get("by_event_type"))).containsKeys(" Mood.Created ", "sleep.created");
        assertThat(Databases.tables(source)).containsExactly(TABLE);
    }

    @Test
    void givenFixture_whenInspectedAsText_thenItSaysWhatMigrateWouldDo() {
        CliRun run = CliRun.of("inspect", "--source", source);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(ROWS + " rows").contains("migrate would:").contains("unknown_event_type")
                .contains("'sleep.created'");
    }

    private void assertEvent(OutboxEvent event, LegacyFixture.Expected row) {
        assertThat(event).as(row.legacyId()).isNotNull();
        assertThat(event.eventType()).as(row.legacyId()).isEqualTo(row.unifiedType());
        assertThat(event.operation()).as(row.legacyId()).isEqualTo(row.operation());
        assertThat(event.entityId()).as(row.legacyId()).isEqualTo(row.entityId());
        assertThat(event.userId()).as(row.legacyId()).isEqualTo(row.userId().orElse("fallback-user"));
        assertThat(event.status()).as(row.legacyId()).isEqualTo(row.status());
        assertThat(event.attemptCount()).as(row.legacyId()).isEqualTo(row.attempts());
        assertThat(event.maxAttempts()).as(row.legacyId()).isEqualTo(row.maxAttempts());
        assertThat(event.nextAttemptAt()).as(row.legacyId()).isEqualTo(row.nextAttemptAt());
        assertThat(event.completedAt()).as(row.legacyId()).isEqualTo(row.completedAt());
        assertThat(event.priority()).isEqualTo(Priority.BACKGROUND);
        assertThat(event.metadata().isEmpty()).as(row.legacyId()).isEqualTo(row.noMetadata());
        event.metadata().ifPresent(m -> assertThat(parse(m).has("legacy_payload_base64"))
                .as(row.legacyId()).isEqualTo(!row.metadataIsObject()));
    }

    private void assertTargetUntouched(String target) {
        if (store() == LegacyFixture.Store.DERBY) {
            assertThat(Path.of(target.substring("jdbc:derby:".length()).replace(";create=true", ""))).doesNotExist();
        } else {
            assertThat(Databases.tables(target)).isEmpty();
        }
    }

    /** The report without what differs between two runs of the same work. */
    private static JsonNode comparable(JsonNode report) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = report.deepCopy();
        copy.remove(List.of("dry_run", "elapsed_ms", "rows_per_second", "peak_heap_bytes", "target"));
        return copy;
    }

    private static Map<String, Long> quarantinedByReason(JsonNode report) {
        Map<String, Long> byReason = new TreeMap<>();
        report.get("quarantine").forEach(q -> byReason.merge(q.get("reason").asText(), 1L, Long::sum));
        return byReason;
    }

    private static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> counts = new TreeMap<>();
        object.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    static Set<String> strippedIds(JsonNode array, Function<JsonNode, JsonNode> element) {
        Set<String> ids = new HashSet<>();
        array.forEach(node -> ids.add(element.apply(node).asText().strip()));
        return ids;
    }

    String report(String name) {
        return scratch().resolve(name).toString();
    }

    JsonNode readReport(String name) {
        try {
            return parse(Files.readString(scratch().resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    static List<String> lines(String text) {
        return new ArrayList<>(List.of(text.strip().split("\\R")));
    }
}
