package io.outbox.tools.migration.reliability;

import io.outbox.tools.migration.fixture.LegacyFixture;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a killed run may leave: whole batches only. Migrate reads in primary-key order and commits
 * a batch's events in one transaction, then its quarantine records in the next; so the events
 * are exactly the migratable rows of the first j batches, and the records those of the first j
 * or j - 1. Stateless.
 */
final class WholeBatches {
    private WholeBatches() {
    }

    static void assertHolds(TargetState left, KillRounds.Seeded seeded, int batch, Optional<String> user, String where) {
        Map<String, LegacyFixture.Expected> byId = seeded.fixture().rows().stream()
                .collect(Collectors.toMap(LegacyFixture.Expected::legacyId, Function.identity()));
        List<LegacyFixture.Expected> ordered = seeded.order().stream().map(byId::get).toList();
        assertThat(left.claimed()).as("events left processing by a killed run; %s", where).isZero();
        assertThat(left.eventRows()).as("event rows with a repeated id; %s", where).isEqualTo(left.events().size());
        Set<UUID> events = new HashSet<>();
        Set<String> records = new HashSet<>();
        List<Integer> eventPrefixes = new ArrayList<>();
        List<Integer> recordPrefixes = new ArrayList<>();
        for (int i = 0; i <= ordered.size(); i++) {
            if (i % batch == 0 || i == ordered.size()) {
                int batches = (i + batch - 1) / batch;
                if (events.equals(left.events().keySet())) {
                    eventPrefixes.add(batches);
                }
                if (records.equals(left.quarantined().keySet())) {
                    recordPrefixes.add(batches);
                }
            }
            if (i < ordered.size()) {
                LegacyFixture.Expected row = ordered.get(i);
                Optional<String> reason = row.reasonWith(user);
                if (reason.isPresent()) {
                    records.add(row.legacyId());
                } else {
                    events.add(UUID.fromString(row.eventId().orElseThrow()));
                }
            }
        }
        boolean consistent = eventPrefixes.stream().anyMatch(j -> recordPrefixes.contains(j) || recordPrefixes.contains(j - 1));
        assertThat(consistent).as("a killed run left %d events (whole batches: %s) and %d quarantine records (whole "
                        + "batches: %s): not the first j batches' events and the first j or j - 1 batches' records; %s",
                left.events().size(), eventPrefixes, left.quarantined().size(), recordPrefixes, where).isTrue();
    }
}
