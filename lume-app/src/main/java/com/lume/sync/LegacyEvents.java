package com.lume.sync;

import io.outbox.event.OutboxEvent;

/** What the shared outbox tools ask of Lume's events migrated from the legacy outbox. Stateless. */
public final class LegacyEvents {
    private LegacyEvents() {
    }

    /**
     * Whether the event carries its entry in a legacy payload, so the handlers deliver it without
     * a stored row (docs/legacy-lume-v6.md): no orphan when its entry is not stored.
     */
    public static boolean carryTheirEntry(OutboxEvent event) {
        return LegacyPayload.read(event) instanceof LegacyPayload.Legacy;
    }
}
