package io.outbox.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The stored form of an outbox event; {@link OutboxEventMapper} converts it to and from the core record. */
@Entity
@Table(name = "outbox_event")
public class OutboxEventJpaEntity {
    @Id
    @Column(name = "id")
    UUID id;
    @Column(name = "event_type")
    String eventType;
    @Column(name = "operation")
    String operation;
    @Column(name = "entity_id")
    String entityId;
    @Column(name = "user_id")
    String userId;
    @Column(name = "status")
    String status;
    @Column(name = "priority")
    int priority;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "last_attempt_at")
    Instant lastAttemptAt;
    @Column(name = "attempt_count")
    int attemptCount;
    @Column(name = "max_attempts")
    int maxAttempts;
    @Column(name = "error_message")
    String errorMessage;
    @Column(name = "completed_at")
    Instant completedAt;
    @Column(name = "metadata")
    String metadata;
    @Column(name = "is_new_record")
    boolean newRecord;
    @Column(name = "next_attempt_at")
    Instant nextAttemptAt;
    @Column(name = "claim_owner")
    String claimOwner;
    @Column(name = "lease_expires_at")
    Instant leaseExpiresAt;
    @Column(name = "result")
    String result;

    protected OutboxEventJpaEntity() {
        // for JPA
    }

    OutboxEventJpaEntity(UUID id) {
        this.id = id;
    }
}
