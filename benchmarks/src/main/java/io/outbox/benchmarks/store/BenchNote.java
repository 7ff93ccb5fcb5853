package io.outbox.benchmarks.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The benchmark app's entity, written beside its outbox event. Mutable, as JPA wants; confined to one unit of work. */
@Entity
@Table(name = "bench_note")
public class BenchNote {
    @Id
    @Column(name = "id")
    private String id;
    @Column(name = "user_id")
    private String userId;
    @Column(name = "body")
    private String body;
    @Column(name = "written_at")
    private Instant writtenAt;

    protected BenchNote() {
        // for JPA
    }

    public BenchNote(String id, String userId, String body, Instant writtenAt) {
        this.id = id;
        this.userId = userId;
        this.body = body;
        this.writtenAt = writtenAt;
    }

    public String id() {
        return id;
    }
}
