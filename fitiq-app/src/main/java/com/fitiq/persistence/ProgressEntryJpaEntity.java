package com.fitiq.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The stored form of a progress entry; {@link ProgressEntryMapper} converts it. */
@Entity
@Table(name = "progress_entry")
public class ProgressEntryJpaEntity {
    @Id
    @Column(name = "id")
    String id;
    @Column(name = "user_id")
    String userId;
    @Column(name = "type")
    String type;
    @Column(name = "quantity")
    double quantity;
    @Column(name = "unit")
    String unit;
    @Column(name = "entry_date")
    Instant date;
    @Column(name = "backend_id")
    String backendId;
    @Column(name = "deleted")
    boolean deleted;

    protected ProgressEntryJpaEntity() {
        // for JPA
    }
}
