package io.outbox.jpa.internal;

import io.outbox.event.OutboxEvent;
import io.outbox.jpa.Dialect;
import io.outbox.repository.Completion;
import io.outbox.repository.Failure;
import io.outbox.repository.Wait;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Native writes that move events between states. Outcomes of a batch are one JDBC batch per
 * kind; every conditional write checks the claim's owner, so a worker whose lease ran out
 * cannot overwrite its successor. Stateless.
 */
final class StateWrites {
    private static final String CLEAR_CLAIM = "claim_owner = NULL, lease_expires_at = NULL";

    private final Dialect dialect;
    private final Waits waits;

    StateWrites(Dialect dialect) {
        this.dialect = dialect;
        this.waits = new Waits(dialect);
    }

    /** Derby: makes each candidate ours when it is still due; returns the ones won, as claimed. */
    List<OutboxEvent> claimEach(Connection connection, List<OutboxEvent> candidates, String owner, Instant now,
                                Instant lease) throws SQLException {
        if (candidates.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement s = connection.prepareStatement(DueQueries.DERBY_CLAIM_ONE)) {
            for (OutboxEvent candidate : candidates) {
                bindClaim(s, candidate, owner, now, lease);
                s.addBatch();
            }
            int[] counts = s.executeBatch();
            List<OutboxEvent> won = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1) {
                    won.add(candidates.get(i).claimed(owner, now, lease));
                }
            }
            return List.copyOf(won);
        }
    }


    private void bindClaim(PreparedStatement s, OutboxEvent candidate, String owner, Instant now, Instant lease)
            throws SQLException {
        s.setString(1, owner);
        dialect.bindInstant(s, 2, lease);
        dialect.bindInstant(s, 3, now);
        dialect.bindUuid(s, 4, candidate.id());
        s.setString(5, candidate.status().wireName());
        dialect.bindInstant(s, 6, now);
    }

    int complete(Connection connection, Collection<Completion> completions) throws SQLException {
        String sql = "UPDATE outbox_event SET status = 'completed', completed_at = ?, result = ?, error_message = NULL,"
                + " next_attempt_at = NULL, waits_for = NULL, " + CLEAR_CLAIM
                + " WHERE id = ? AND status = 'processing' AND claim_owner = ?";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (Completion c : completions) {
                dialect.bindInstant(s, 1, c.at());
                s.setString(2, c.data().map(d -> truncate(d, OutboxEvent.MAX_RESULT_LENGTH)).orElse(null));
                dialect.bindUuid(s, 3, c.id());
                s.setString(4, c.owner());
                s.addBatch();
            }
            int[] counts = s.executeBatch();
            List<Completion> done = new ArrayList<>();
            int i = 0;
            for (Completion c : completions) {
                if (counts[i++] != 0) {
                    done.add(c);
                }
            }
            waits.wake(connection, done);
            return Jdbc.sum(counts);
        }
    }

    int fail(Connection connection, Collection<Failure> failures) throws SQLException {
        String sql = "UPDATE outbox_event SET status = 'failed', error_message = ?, next_attempt_at = ?,"
                + " waits_for = NULL, " + CLEAR_CLAIM + " WHERE id = ? AND status = 'processing' AND claim_owner = ?";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (Failure f : failures) {
                s.setString(1, truncate(f.reason(), OutboxEvent.MAX_ERROR_LENGTH));
                dialect.bindInstant(s, 2, f.retryAt().orElse(null));
                dialect.bindUuid(s, 3, f.id());
                s.setString(4, f.owner());
                s.addBatch();
            }
            int[] counts = s.executeBatch();
            int i = 0;
            for (Failure f : failures) {
                if (counts[i++] != 0 && f.retryAt().isEmpty()) {
                    waits.failWaitersOf(connection, f.id(), truncate(f.reason(), OutboxEvent.MAX_ERROR_LENGTH));
                }
            }
            return Jdbc.sum(counts);
        }
    }

    int release(Connection connection, Collection<UUID> ids, String owner, Instant now) throws SQLException {
        String sql = "UPDATE outbox_event SET status = 'pending', next_attempt_at = ?, " + CLEAR_CLAIM + ","
                + " attempt_count = CASE WHEN attempt_count > 0 THEN attempt_count - 1 ELSE 0 END"
                + " WHERE id = ? AND status = 'processing' AND claim_owner = ?";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (UUID id : ids) {
                dialect.bindInstant(s, 1, now);
                dialect.bindUuid(s, 2, id);
                s.setString(3, owner);
                s.addBatch();
            }
            return Jdbc.sum(s.executeBatch());
        }
    }

    /** Moves the lease end of each event still claimed by {@code owner}; returns the ids it moved. */
    Set<UUID> renew(Connection connection, List<UUID> ids, String owner, Instant leaseUntil) throws SQLException {
        String sql = "UPDATE outbox_event SET lease_expires_at = ? WHERE id = ? AND status = 'processing'"
                + " AND claim_owner = ?";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (UUID id : ids) {
                dialect.bindInstant(s, 1, leaseUntil);
                dialect.bindUuid(s, 2, id);
                s.setString(3, owner);
                s.addBatch();
            }
            int[] counts = s.executeBatch();
            Set<UUID> renewed = new HashSet<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1) {
                    renewed.add(ids.get(i));
                }
            }
            return Set.copyOf(renewed);
        }
    }

    int resetForRetry(Connection connection, Collection<UUID> ids, Instant now) throws SQLException {
        String sql = "UPDATE outbox_event SET status = 'pending', attempt_count = 0, next_attempt_at = ?,"
                + " completed_at = NULL, " + CLEAR_CLAIM + " WHERE id = ? AND status = 'failed'";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (UUID id : ids) {
                dialect.bindInstant(s, 1, now);
                dialect.bindUuid(s, 2, id);
                s.addBatch();
            }
            int[] counts = s.executeBatch();
            List<UUID> retried = new ArrayList<>();
            int i = 0;
            for (UUID id : ids) {
                if (counts[i++] != 0) {
                    retried.add(id);
                }
            }
            return Jdbc.sum(counts) + waits.reviveWaitersOf(connection, retried, now);
        }
    }

    int resetAllFailed(Connection connection, Optional<String> userId, Instant now) throws SQLException {
        String sql = "UPDATE outbox_event SET status = 'pending', attempt_count = 0, next_attempt_at = ?,"
                + " completed_at = NULL, " + CLEAR_CLAIM + " WHERE status = 'failed'"
                + (userId.isPresent() ? " AND user_id = ?" : "");
        return Jdbc.update(connection, sql, s -> {
            dialect.bindInstant(s, 1, now);
            if (userId.isPresent()) {
                s.setString(2, userId.get());
            }
        });
    }

    /**
     * Events whose worker vanished: with {@code leaseEndedBy}, those whose lease ended by then;
     * without, every processing event (the store's only process died). The attempt counts;
     * with none left the event fails for good.
     */
    int orphan(Connection connection, Optional<Instant> leaseEndedBy, Instant now) throws SQLException {
        String which = " WHERE status = 'processing'" + (leaseEndedBy.isPresent() ? " AND lease_expires_at <= ?" : "");
        String reason = leaseEndedBy.isPresent() ? "'the lease of worker ' || claim_owner || ' ran out'"
                : "'left processing by a process that stopped'";
        int exhausted = Jdbc.update(connection, "UPDATE outbox_event SET status = 'failed', next_attempt_at = NULL,"
                + " error_message = " + reason + " || '; no attempts left', " + CLEAR_CLAIM + which
                + " AND attempt_count >= max_attempts", s -> {
                    if (leaseEndedBy.isPresent()) {
                        dialect.bindInstant(s, 1, leaseEndedBy.get());
                    }
                });
        int back = Jdbc.update(connection, "UPDATE outbox_event SET status = 'pending', next_attempt_at = ?,"
                + " error_message = " + reason + ", " + CLEAR_CLAIM + which, s -> {
                    dialect.bindInstant(s, 1, now);
                    if (leaseEndedBy.isPresent()) {
                        dialect.bindInstant(s, 2, leaseEndedBy.get());
                    }
                });
        return exhausted + back;
    }

    /**
     * Marks rows the core cannot read as failed for good, with the reason; returns how many.
     * Values the core cannot represent are made representable (an unknown operation reads as
     * an update, out-of-range numbers are clamped) so the row stays visible in listings; the
     * reason keeps the original problem, and nothing is attempted unless retried by command.
     */
    int setAside(Connection connection, List<UnreadableEventException> unreadable) throws SQLException {
        String sql = "UPDATE outbox_event SET status = 'failed', next_attempt_at = NULL, error_message = ?, "
                + CLEAR_CLAIM + ", operation = CASE WHEN LOWER(operation) IN ('create', 'update', 'delete')"
                + " THEN operation ELSE 'update' END,"
                + " priority = CASE WHEN priority < 0 THEN 0 WHEN priority > 100 THEN 100 ELSE priority END,"
                + " attempt_count = CASE WHEN attempt_count < 0 THEN 0 ELSE attempt_count END,"
                + " max_attempts = CASE WHEN max_attempts < 1 THEN 1 ELSE max_attempts END WHERE id = ?";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (UnreadableEventException e : unreadable) {
                s.setString(1, truncate(e.getMessage(), OutboxEvent.MAX_ERROR_LENGTH));
                dialect.bindUuid(s, 2, e.id());
                s.addBatch();
            }
            return Jdbc.sum(s.executeBatch());
        }
    }

    /** See {@link Waits#park}. */
    int park(Connection connection, Collection<Wait> parked) throws SQLException {
        return waits.park(connection, parked);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
