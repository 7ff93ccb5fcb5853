package io.outbox.tools.migration.target;

import io.outbox.event.OutboxEvent;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Where migrated events go: it says which ids it already holds, and takes a batch whole or not at all. */
public interface EventTarget extends AutoCloseable {
    /** Those of {@code ids} that the target already holds. */
    Set<UUID> present(Collection<UUID> ids);

    /** Writes {@code events} in one transaction: all of them, or none when it fails. */
    void write(List<OutboxEvent> events);

    /**
     * Records quarantined rows (legacy id to reason) in the target's {@code lume_legacy_quarantine},
     * so the Lume app knows they are accounted for and does not refuse to sync; rows already
     * recorded are left as they are.
     */
    void recordQuarantine(java.util.Map<String, String> reasons);

    /** The target's URL without secrets. */
    String description();

    @Override
    void close();
}
