package io.outbox.tools.migration.reliability;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Checks that every legacy row is accounted for exactly once in a target: migrated into the one
 * event its id names, or recorded in the quarantine table (id trimmed, as lume-app reads it),
 * never both, never neither; and that the target holds no event no row asked for. Immutable.
 *
 * @param accounted rows found exactly where they belong
 * @param lost      rows found nowhere, or in the wrong place
 * @param duplicate rows found twice (an event and a quarantine record), plus events no row asked for
 * @param problems  the first few misplaced rows, for the assertion message
 */
record Accounting(long accounted, long lost, long duplicate, List<String> problems) {
    private static final int SHOWN = 10;

    /**
     * What one legacy row must become.
     *
     * @param legacyId the id as stored
     * @param eventId  the event it must become, or empty when it must be quarantined
     * @param reason   the quarantine reason when quarantined
     */
    record Fate(String legacyId, Optional<UUID> eventId, Optional<String> reason) {
        static Fate migrated(String legacyId, UUID eventId) {
            return new Fate(legacyId, Optional.of(eventId), Optional.empty());
        }

        static Fate quarantined(String legacyId, String reason) {
            return new Fate(legacyId, Optional.empty(), Optional.of(reason));
        }
    }

    static Accounting of(List<Fate> fates, TargetState target) {
        long accounted = 0;
        long lost = 0;
        long duplicate = 0;
        List<String> problems = new ArrayList<>();
        Set<UUID> asked = new HashSet<>();
        for (Fate fate : fates) {
            String key = fate.legacyId().trim();
            boolean recorded = target.quarantined().containsKey(key);
            Optional<UUID> readable = fate.eventId().or(() -> uuid(key));
            boolean event = readable.isPresent() && target.events().containsKey(readable.get());
            fate.eventId().ifPresent(asked::add);
            if (event && recorded) {
                duplicate++;
                note(problems, "'" + key + "' is both an event and a quarantine record");
            } else if (fate.eventId().isPresent() ? event : recorded && !event) {
                if (fate.reason().isPresent() && !fate.reason().get().equals(target.quarantined().get(key))) {
                    lost++;
                    note(problems, "'" + key + "' recorded as " + target.quarantined().get(key) + ", expected "
                            + fate.reason().get());
                } else {
                    accounted++;
                }
            } else {
                lost++;
                note(problems, "'" + key + "' expected " + fate.eventId().map(id -> "event " + id)
                        .orElse("quarantined as " + fate.reason().orElse("?")) + ", found "
                        + (event ? "an event" : recorded ? "a quarantine record" : "nothing"));
            }
        }
        long extra = target.events().keySet().stream().filter(id -> !asked.contains(id)).count()
                + (target.eventRows() - target.events().size());
        if (extra > 0) {
            note(problems, extra + " events that no legacy row asked for");
        }
        return new Accounting(accounted, lost, duplicate + extra, List.copyOf(problems));
    }

    private static Optional<UUID> uuid(String text) {
        String t = text.strip();
        return t.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
                ? Optional.of(UUID.fromString(t)) : Optional.empty();
    }

    private static void note(List<String> problems, String problem) {
        if (problems.size() < SHOWN) {
            problems.add(problem);
        }
    }
}
