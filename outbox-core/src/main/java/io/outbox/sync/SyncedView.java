package io.outbox.sync;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An entry as a user's listing shows it: what every app lists beside its own fields. */
public interface SyncedView {
    /** The entry's id. */
    UUID id();

    /** The entry's date; listings are ordered by it, oldest first. */
    Instant date();

    /** The backend's id, once the entry's create was delivered. */
    Optional<String> backendId();

    /** Whether the entry's changes have reached the backend. */
    SyncState syncState();
}
