package io.outbox.jpa.internal;

import io.outbox.OutboxException;

import java.util.UUID;

/** A stored event the core cannot represent (unknown status, impossible values); it is set aside as failed for good. */
public final class UnreadableEventException extends OutboxException {
    private static final long serialVersionUID = 1L;
    private final transient UUID id;

    public UnreadableEventException(UUID id, String reason) {
        super("stored event " + id + " is unreadable: " + reason);
        this.id = id;
    }

    public UUID id() {
        return id;
    }
}
