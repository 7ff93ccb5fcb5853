package io.outbox.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The columns every synced entry's table has: {@code id}, {@code user_id}, {@code entry_date},
 * {@code backend_id} and {@code deleted} (a tombstone until its delete is synced). An app's JPA
 * entity extends it with its own columns; {@link JpaSyncedEntries} and
 * {@link UnsyncedEntriesBackfill} rely on these. Its {@code toString} names the id only, so an
 * entry's private text never reaches a log. Not thread-safe (a JPA entity).
 */
@MappedSuperclass
public abstract class SyncedEntryJpaEntity {
    @Id
    @Column(name = "id")
    private String id;
    @Column(name = "user_id")
    private String userId;
    @Column(name = "entry_date")
    private Instant date;
    @Column(name = "backend_id")
    private String backendId;
    @Column(name = "deleted")
    private boolean deleted;

    /** For JPA and subclasses; an app's entity sets the shared columns with {@link #setSynced}. */
    protected SyncedEntryJpaEntity() {
        // for JPA
    }

    /** Sets the shared columns from an app's entry. */
    public void setSynced(UUID entryId, String entryUserId, Instant entryDate, Optional<String> entryBackendId,
                          boolean entryDeleted) {
        this.id = entryId.toString();
        this.userId = entryUserId;
        this.date = entryDate;
        this.backendId = entryBackendId.orElse(null);
        this.deleted = entryDeleted;
    }

    /** The entry's id. */
    public UUID entryId() {
        return UUID.fromString(id);
    }

    /** The user whose entry it is. */
    public String userId() {
        return userId;
    }

    /** The entry's date (column {@code entry_date}). */
    public Instant date() {
        return date;
    }

    /** The backend's id for the entry; empty until its create is synced. */
    public Optional<String> backendId() {
        return Optional.ofNullable(backendId);
    }

    /** Records the backend's id for the entry, once its create is synced. */
    public void setBackendId(String value) {
        this.backendId = value;
    }

    /** Whether the entry is deleted: a tombstone until its delete is synced. */
    public boolean deleted() {
        return deleted;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id + "]";
    }
}
