package io.outbox.tools.migration.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outbox.tools.migration.run.InspectionReport;
import io.outbox.tools.migration.run.MigrationReport;
import io.outbox.tools.migration.run.QuarantineEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** The JSON forms of the reports, snake_case keys as cli.md asks; the report is written whole or not at all. Stateless. */
final class ReportJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    static String migration(MigrationReport report, long peakHeapBytes) {
        ObjectNode root = JSON.createObjectNode();
        root.put("read", report.read());
        root.put("migrated", report.migrated());
        root.put("already_present", report.alreadyPresent());
        root.put("quarantined", report.quarantined());
        ArrayNode quarantine = root.putArray("quarantine");
        for (QuarantineEntry entry : report.quarantine()) {
            quarantine.addObject().put("id", entry.id()).put("reason", entry.reason()).put("detail", entry.detail());
        }
        ArrayNode fallback = root.putArray("entity_id_fallback");
        report.entityIdFallback().forEach(fallback::add);
        root.put("dry_run", report.dryRun());
        root.put("source", report.source());
        root.put("source_table", report.sourceTable());
        root.put("target", report.target());
        root.put("elapsed_ms", report.elapsed().toMillis());
        root.put("rows_per_second", Math.round(report.rowsPerSecond()));
        root.put("peak_heap_bytes", peakHeapBytes);
        return text(root);
    }

    static String inspection(InspectionReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("source", report.source());
        root.put("source_table", report.sourceTable());
        root.put("user", report.user().orElse(null));
        root.put("rows", report.rows());
        counts(root.putObject("by_event_type"), report.byEventType());
        counts(root.putObject("by_status"), report.byStatus());
        counts(root.putObject("by_payload_shape"), report.byPayloadShape());
        root.put("payloads_with_byte_order_mark", report.payloadsWithByteOrderMark());
        root.put("without_entity_id", report.withoutEntityId());
        root.put("without_user_id", report.withoutUserId());
        ObjectNode would = root.putObject("migrate_would");
        would.put("migrate", report.wouldMigrate());
        would.put("entity_id_fallback", report.wouldFallBackToEventId());
        would.put("quarantine", report.wouldQuarantineTotal());
        counts(would.putObject("quarantine_by_reason"), report.wouldQuarantine());
        return text(root);
    }

    /** Writes {@code json} to {@code file} through a temporary file beside it, so a reader never sees half a report. */
    static void write(String json, Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            Path temporary = Files.createTempFile(absolute.getParent(), ".report-", ".json");
            Files.writeString(temporary, json + System.lineSeparator(), StandardCharsets.UTF_8);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report to " + absolute + ": " + e.getMessage(), e);
        }
    }

    private static void counts(ObjectNode node, Map<String, Long> counts) {
        counts.forEach(node::put);
    }

    private static String text(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not render the report: " + e.getMessage(), e);
        }
    }
}
