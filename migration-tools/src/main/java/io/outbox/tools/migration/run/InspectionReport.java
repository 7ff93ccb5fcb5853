package io.outbox.tools.migration.run;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a legacy table holds and what {@code migrate} would make of it (without looking at any
 * target, so "would migrate" includes rows a target may hold already). Maps are sorted by key.
 * Immutable.
 *
 * @param byEventType         rows per event type exactly as stored
 * @param byStatus            rows per status exactly as stored
 * @param byPayloadShape      rows per {@code PayloadShape} wire name
 * @param withoutEntityId     rows whose payload holds no entity id (migrate uses the event id)
 * @param withoutUserId       rows whose payload names no user (migrate uses --user, else quarantines)
 * @param wouldQuarantine     rows per first quarantine reason
 */
public record InspectionReport(String source, String sourceTable, Optional<String> user, long rows,
                               Map<String, Long> byEventType, Map<String, Long> byStatus,
                               Map<String, Long> byPayloadShape, long payloadsWithByteOrderMark,
                               long withoutEntityId, long withoutUserId, long wouldMigrate,
                               long wouldFallBackToEventId, Map<String, Long> wouldQuarantine) {
    public InspectionReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceTable, "sourceTable");
        Objects.requireNonNull(user, "user");
        byEventType = sorted(byEventType);
        byStatus = sorted(byStatus);
        byPayloadShape = sorted(byPayloadShape);
        wouldQuarantine = sorted(wouldQuarantine);
        if (rows != wouldMigrate + wouldQuarantined(wouldQuarantine)) {
            throw new IllegalArgumentException("counts do not reconcile: " + rows + " rows, " + wouldMigrate
                    + " to migrate, " + wouldQuarantined(wouldQuarantine) + " to quarantine");
        }
    }

    public long wouldQuarantineTotal() {
        return wouldQuarantined(wouldQuarantine);
    }

    private static long wouldQuarantined(Map<String, Long> byReason) {
        return byReason.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        return Collections.unmodifiableMap(new TreeMap<>(counts));
    }
}
