package io.outbox.jpa.internal;

import io.outbox.event.OutboxEvent;
import io.outbox.jpa.Dialect;
import io.outbox.repository.Completion;
import io.outbox.repository.Wait;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Native writes for events that wait on another (column {@code waits_for}, migration V4): parking
 * a claimed event, waking the events that wait on a completed one, failing for good those that
 * wait on one that failed for good, and reviving them when that one is retried. Each runs on the
 * caller's connection, in its transaction. Stateless.
 */
final class Waits {
    private static final String CLEAR_CLAIM = "claim_owner = NULL, lease_expires_at = NULL";
    private static final String STILL_CLAIMED = " WHERE id = ? AND status = 'processing' AND claim_owner = ?";
    private static final int WAKE_CHUNK = 500;
    private static final String WAITER_COLUMNS = "id, status, next_attempt_at, error_message";
    private static final String UNCOUNT = "attempt_count = CASE WHEN attempt_count > 0 THEN attempt_count - 1 ELSE 0 END";

    private final Dialect dialect;

    Waits(Dialect dialect) {
        this.dialect = dialect;
    }

    /** What the store knows of an awaited event. */
    private record Awaited(String status, boolean hasNextAttempt, Optional<String> error) {
        boolean failedForGood() {
            return "failed".equals(status) && !hasNextAttempt;
        }
    }

    /** Parks each wait whose event is still claimed by its owner, deciding by the awaited event's state; returns how many. */
    int park(Connection connection, Collection<Wait> waits) throws SQLException {
        int changed = 0;
        for (Wait w : waits) {
            Optional<Awaited> awaited = w.awaited().equals(w.id()) ? Optional.empty() : read(connection, w.awaited());
            if (awaited.isEmpty()) {
                changed += failAttempt(connection, w);
            } else if (awaited.get().failedForGood()) {
                String why = failedBecause(w.awaited(), w.reason(), awaited.get().error().orElse(""));
                int one = update(connection, "UPDATE outbox_event SET status = 'failed', next_attempt_at = NULL,"
                        + " error_message = ?, waits_for = ?, " + UNCOUNT + ", " + CLEAR_CLAIM + STILL_CLAIMED, s -> {
                            s.setString(1, truncate(why));
                            dialect.bindUuid(s, 2, w.awaited());
                            dialect.bindUuid(s, 3, w.id());
                            s.setString(4, w.owner());
                        });
                changed += one;
                if (one == 1) {
                    failWaitersOf(connection, w.id(), why);
                }
            } else {
                boolean completed = "completed".equals(awaited.get().status());
                changed += update(connection, "UPDATE outbox_event SET status = 'pending', next_attempt_at = ?,"
                        + " error_message = ?, waits_for = ?, " + UNCOUNT + ", " + CLEAR_CLAIM + STILL_CLAIMED, s -> {
                            dialect.bindInstant(s, 1, completed ? w.at() : w.recheckAt());
                            s.setString(2, truncate(w.reason()));
                            bindOptionalUuid(s, dialect, 3, completed ? Optional.empty() : Optional.of(w.awaited()));
                            dialect.bindUuid(s, 4, w.id());
                            s.setString(5, w.owner());
                        });
            }
        }
        return changed;
    }

    /**
     * Pending events waiting on a completed event are due at once (at the batch's latest
     * completion time), waiting on nothing. The lookup has the waits_for index as its only
     * way in, so a large pending backlog never enters it; while nobody waits it finds nothing
     * and nothing is written.
     */
    void wake(Connection connection, List<Completion> completed) throws SQLException {
        for (int from = 0; from < completed.size(); from += WAKE_CHUNK) {
            List<Completion> chunk = completed.subList(from, Math.min(completed.size(), from + WAKE_CHUNK));
            List<Waiter> waiting = Jdbc.query(connection, "SELECT " + WAITER_COLUMNS + " FROM outbox_event"
                    + " WHERE waits_for IN (" + Jdbc.placeholders(chunk.size()) + ")", s -> {
                        for (int i = 0; i < chunk.size(); i++) {
                            dialect.bindUuid(s, i + 1, chunk.get(i).id());
                        }
                    }, this::waiter).stream().filter(Waiter::pending).toList();
            if (waiting.isEmpty()) {
                continue;
            }
            Instant at = chunk.stream().map(Completion::at).max(Instant::compareTo).orElseThrow();
            try (PreparedStatement s = connection.prepareStatement("UPDATE outbox_event SET next_attempt_at = ?,"
                    + " waits_for = NULL WHERE id = ? AND status = 'pending' AND waits_for IS NOT NULL")) {
                for (Waiter w : waiting) {
                    dialect.bindInstant(s, 1, at);
                    dialect.bindUuid(s, 2, w.id());
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
    }

    /** Pending events waiting on {@code failed} fail for good naming it, and those waiting on them, and so on. */
    void failWaitersOf(Connection connection, UUID failed, String why) throws SQLException {
        Deque<UUID> todo = new ArrayDeque<>(List.of(failed));
        Deque<String> whys = new ArrayDeque<>(List.of(why));
        while (!todo.isEmpty()) {
            UUID awaited = todo.poll();
            String awaitedWhy = whys.poll();
            for (Waiter waiter : waitersOf(connection, awaited, Waiter::pending)) {
                String reason = failedBecause(awaited, waiter.reason(), awaitedWhy);
                int one = update(connection, "UPDATE outbox_event SET status = 'failed', next_attempt_at = NULL,"
                        + " error_message = ? WHERE id = ? AND status = 'pending' AND waits_for = ?", s -> {
                            s.setString(1, truncate(reason));
                            dialect.bindUuid(s, 2, waiter.id());
                            dialect.bindUuid(s, 3, awaited);
                        });
                if (one == 1) {
                    todo.add(waiter.id());
                    whys.add(reason);
                }
            }
        }
    }

    /** Events that failed for good only because they waited on one of {@code retried} are retried too; returns how many. */
    int reviveWaitersOf(Connection connection, Collection<UUID> retried, Instant now) throws SQLException {
        Deque<UUID> todo = new ArrayDeque<>(retried);
        int revived = 0;
        while (!todo.isEmpty()) {
            UUID awaited = todo.poll();
            for (Waiter waiter : waitersOf(connection, awaited, Waiter::failedForGood)) {
                int one = update(connection, "UPDATE outbox_event SET status = 'pending', attempt_count = 0,"
                        + " next_attempt_at = ?, completed_at = NULL WHERE id = ? AND status = 'failed'", s -> {
                            dialect.bindInstant(s, 1, now);
                            dialect.bindUuid(s, 2, waiter.id());
                        });
                if (one == 1) {
                    revived++;
                    todo.add(waiter.id());
                }
            }
        }
        return revived;
    }

    /** Binds an optional id, SQL NULL when empty, in the type of the id column. */
    static void bindOptionalUuid(PreparedStatement s, Dialect dialect, int index, Optional<UUID> id) throws SQLException {
        if (id.isPresent()) {
            dialect.bindUuid(s, index, id.get());
        } else {
            s.setNull(index, dialect == Dialect.DERBY ? java.sql.Types.BINARY : java.sql.Types.OTHER);
        }
    }

    /** A wait on an event that is not there, or on itself: an ordinary failed attempt, so it cannot wait for free forever. */
    private int failAttempt(Connection connection, Wait w) throws SQLException {
        String why = (w.awaited().equals(w.id()) ? "waited on itself"
                : "waited on event " + w.awaited() + ", which does not exist") + ": " + w.reason();
        int exhausted = update(connection, "UPDATE outbox_event SET status = 'failed', next_attempt_at = NULL,"
                + " error_message = ?, waits_for = NULL, " + CLEAR_CLAIM + STILL_CLAIMED
                + " AND attempt_count >= max_attempts", s -> {
                    s.setString(1, truncate(why));
                    dialect.bindUuid(s, 2, w.id());
                    s.setString(3, w.owner());
                });
        if (exhausted == 1) {
            failWaitersOf(connection, w.id(), why);
            return 1;
        }
        return update(connection, "UPDATE outbox_event SET status = 'failed', next_attempt_at = ?,"
                + " error_message = ?, waits_for = NULL, " + CLEAR_CLAIM + STILL_CLAIMED, s -> {
                    dialect.bindInstant(s, 1, w.recheckAt());
                    s.setString(2, truncate(why));
                    dialect.bindUuid(s, 3, w.id());
                    s.setString(4, w.owner());
                });
    }

    private Optional<Awaited> read(Connection connection, UUID id) throws SQLException {
        return Jdbc.query(connection, "SELECT status, next_attempt_at, error_message FROM outbox_event WHERE id = ?",
                s -> dialect.bindUuid(s, 1, id), rows -> new Awaited(rows.getString("status"),
                        dialect.readInstant(rows, "next_attempt_at").isPresent(),
                        Optional.ofNullable(rows.getString("error_message")))).stream().findFirst();
    }

    /** An event that waits (or failed because the one it waited on did): its state and the reason it keeps. */
    private record Waiter(UUID id, String status, boolean hasNextAttempt, String reason) {
        boolean pending() {
            return "pending".equals(status);
        }

        boolean failedForGood() {
            return "failed".equals(status) && !hasNextAttempt;
        }
    }

    private Waiter waiter(java.sql.ResultSet rows) throws SQLException {
        return new Waiter(dialect.readUuid(rows, "id"), rows.getString("status"),
                dialect.readInstant(rows, "next_attempt_at").isPresent(),
                Optional.ofNullable(rows.getString("error_message")).orElse(""));
    }

    /** The events waiting on {@code awaited} in the state asked for; found through the waits_for index alone. */
    private List<Waiter> waitersOf(Connection connection, UUID awaited, java.util.function.Predicate<Waiter> which)
            throws SQLException {
        return Jdbc.query(connection, "SELECT " + WAITER_COLUMNS + " FROM outbox_event WHERE waits_for = ?",
                s -> dialect.bindUuid(s, 1, awaited), this::waiter).stream().filter(which).toList();
    }

    private static int update(Connection connection, String sql, Jdbc.Binder binder) throws SQLException {
        return Jdbc.update(connection, sql, binder);
    }

    /** The reason an event that waited on {@code awaited} failed for good (the core's in-memory store says the same). */
    static String failedBecause(UUID awaited, String waitReason, String why) {
        return (waitReason.isBlank() ? "waited on event " + awaited : waitReason) + ", but event " + awaited
                + " failed for good: " + why;
    }

    private static String truncate(String text) {
        return text.length() <= OutboxEvent.MAX_ERROR_LENGTH ? text
                : text.substring(0, OutboxEvent.MAX_ERROR_LENGTH - 1) + "…";
    }
}
