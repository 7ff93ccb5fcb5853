package io.outbox.tools.migration.cli;

import io.outbox.tools.migration.run.InspectionReport;

import java.util.Map;

/** The human-readable form of an inspection. Stateless. */
final class InspectionText {
    private InspectionText() {
    }

    static String render(InspectionReport report) {
        StringBuilder text = new StringBuilder();
        text.append("table ").append(report.sourceTable()).append(" in ").append(report.source()).append(": ")
                .append(report.rows()).append(" rows\n");
        section(text, "by event type (as stored)", report.byEventType(), true);
        section(text, "by status (as stored)", report.byStatus(), true);
        section(text, "by payload shape", report.byPayloadShape(), false);
        text.append("payloads with a byte order mark: ").append(report.payloadsWithByteOrderMark()).append('\n');
        text.append("rows without an entity id in the payload: ").append(report.withoutEntityId())
                .append(" (migrate uses the event id)\n");
        text.append("rows without a user id in the payload: ").append(report.withoutUserId())
                .append(report.user().map(u -> " (migrate uses --user " + u + ")").orElse(" (quarantined unless --user is given)"))
                .append('\n');
        text.append("migrate would:\n");
        text.append(String.format("  migrate     %8d (entity id falls back to the event id: %d)%n", report.wouldMigrate(),
                report.wouldFallBackToEventId()));
        text.append(String.format("  quarantine  %8d%n", report.wouldQuarantineTotal()));
        report.wouldQuarantine().forEach((reason, count) ->
                text.append(String.format("    %-22s %8d%n", reason, count)));
        return text.toString();
    }

    private static void section(StringBuilder text, String title, Map<String, Long> counts, boolean quoted) {
        text.append(title).append(":\n");
        counts.forEach((key, count) -> text.append(String.format("  %-28s %8d%n", quoted ? "'" + key + "'" : key, count)));
    }
}
