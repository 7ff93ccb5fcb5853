package com.fitiq.persistence;

import io.outbox.jpa.SyncedEntryJpaEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The stored form of a progress entry; {@link ProgressEntryMapper} converts it. */
@Entity
@Table(name = "progress_entry")
public class ProgressEntryJpaEntity extends SyncedEntryJpaEntity {
    String type;
    double quantity;
    String unit;
}
