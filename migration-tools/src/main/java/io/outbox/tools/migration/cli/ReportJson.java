package io.outbox.tools.migration.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outbox.tools.migration.run.InspectionReport;
import io.outbox.tools.migration.run.MigrationReport;
import io.outbox.tools.migration.run.QuarantineEntry;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The JSON forms of the reports, snake_case keys as docs/cli.md asks; the report is written whole or
 * not at all. Legacy text may hold any Java char, also half a surrogate pair, which no UTF-8
 * writer can encode: every surrogate is written as a JSON escape, so the report stays valid
 * UTF-8 and still holds each id exactly as stored. Stateless.
 */
final class ReportJson {
    private static final ObjectMapper JSON = new ObjectMapper(new JsonFactory().setCharacterEscapes(new SurrogateEscapes()))
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    /**
     * Writes the migration report to {@code out} as it is rendered, never as one string: a report of
     * many quarantined rows would otherwise need several times its size in heap at the very end.
     */
    static void migration(MigrationReport report, long peakHeapBytes, Writer out) throws IOException {
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("read", report.read());
            json.writeNumberField("migrated", report.migrated());
            json.writeNumberField("already_present", report.alreadyPresent());
            json.writeNumberField("quarantined", report.quarantined());
            json.writeArrayFieldStart("quarantine");
            for (QuarantineEntry entry : report.quarantine()) {
                json.writeStartObject();
                json.writeStringField("id", entry.id());
                json.writeStringField("reason", entry.reason());
                json.writeStringField("detail", entry.detail());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("entity_id_fallback");
            for (String id : report.entityIdFallback()) {
                json.writeString(id);
            }
            json.writeEndArray();
            json.writeBooleanField("dry_run", report.dryRun());
            json.writeStringField("source", report.source());
            json.writeStringField("source_table", report.sourceTable());
            json.writeStringField("target", report.target());
            json.writeNumberField("elapsed_ms", report.elapsed().toMillis());
            json.writeNumberField("rows_per_second", Math.round(report.rowsPerSecond()));
            json.writeNumberField("peak_heap_bytes", peakHeapBytes);
            json.writeEndObject();
        }
        out.write(System.lineSeparator());
        out.flush();
    }

    /** Prints the migration report on {@code out}, UTF-8, the only thing there. */
    static void printMigration(MigrationReport report, long peakHeapBytes, PrintStream out) {
        try {
            migration(report, peakHeapBytes, new OutputStreamWriter(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not print the report: " + e.getMessage(), e);
        }
    }

    /** Writes the migration report to {@code file} through a temporary file beside it, so a reader never sees half a report. */
    static void writeMigration(MigrationReport report, long peakHeapBytes, Path file) {
        Path absolute = file.toAbsolutePath();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(absolute.getParent(), ".report-", ".json");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                migration(report, peakHeapBytes, out);
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("could not write the report to " + absolute + ": " + e.getMessage(), e);
        }
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

    private static void deleteQuietly(Path temporary) {
        try {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException ignored) {
            // a hidden temporary file left beside the report
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

    /** Escapes the surrogate chars (lone ones would be unencodable; pairs are escaped too, which JSON reads back the same). */
    private static final class SurrogateEscapes extends CharacterEscapes {
        private static final int[] ASCII = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return Character.isSurrogate((char) ch) ? new SerializedString(String.format("\\u%04X", ch)) : null;
        }
    }
}
