package io.outbox.tools.migration.mapping;

import io.outbox.event.OutboxEvent;

import java.util.List;
import java.util.Objects;

/** What becomes of one legacy row: a unified event, or a quarantine entry with its reasons. Immutable. */
public sealed interface Mapping {
    /** The legacy id exactly as stored. */
    String legacyId();

    Facts facts();

    /** The row becomes {@code event}. */
    record Migrate(String legacyId, OutboxEvent event, Facts facts) implements Mapping {
        public Migrate {
            Objects.requireNonNull(legacyId, "legacyId");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(facts, "facts");
        }

        /** No entity id was found in the payload, so the event id stands in for it. */
        public boolean entityIdFellBack() {
            return !facts.entityIdInPayload();
        }
    }

    /** The row is not migrated; {@code problems} lists every reason, in the order of the mapping table. */
    record Quarantine(String legacyId, List<Problem> problems, Facts facts) implements Mapping {
        public Quarantine {
            Objects.requireNonNull(legacyId, "legacyId");
            Objects.requireNonNull(facts, "facts");
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a quarantined row needs at least one reason");
            }
        }

        /** The first reason: the one reports carry as {@code reason}. */
        public Reason reason() {
            return problems.get(0).reason();
        }

        /** Every reason's detail, joined. */
        public String detail() {
            return String.join("; ", problems.stream().map(Problem::detail).toList());
        }
    }
}
