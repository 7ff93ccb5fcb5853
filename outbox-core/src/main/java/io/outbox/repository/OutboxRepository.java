package io.outbox.repository;

import io.outbox.event.OutboxEvent;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where events live: what the processor, the statistics and the outbox commands need of a
 * store, and nothing else (events are written with the app's own transaction, through the
 * adapter's unit of work). Implementations must be thread-safe, and must never let two claimers
 * both win one event. Methods join the caller's transaction where the implementation has
 * one (so a use case can write an entity and its event atomically) and run on their own
 * otherwise. Failures surface as {@link io.outbox.OutboxException} subclasses.
 *
 * <p>Every conditional write returns how many events it changed, so a caller can tell a
 * lost race from a success.
 */
public interface OutboxRepository {

    /** The event with this id, in whatever state. */
    Optional<OutboxEvent> findById(UUID id);

    /** The events of one entity, in the order they were made. */
    List<OutboxEvent> findByEntity(String entityId);

    /** Events oldest first, filtered as the query says. */
    List<OutboxEvent> find(EventQuery query);

    /**
     * Atomically claims up to {@code request.limit()} due events: each becomes processing,
     * owned by the claimer until the lease ends, with its attempt counted. No two claimers
     * ever both receive one event.
     */
    List<OutboxEvent> claim(ClaimRequest request);

    /** Completes events still claimed by their owner, in one write; returns how many changed. */
    int markCompleted(Collection<Completion> completions);

    /** Records failed attempts for events still claimed by their owner, in one write; returns how many changed. */
    int markFailed(Collection<Failure> failures);

    /** Hands claimed events back unattempted (the attempt is not counted); returns how many changed. */
    int release(Collection<UUID> ids, String owner, Instant now);

    /** Makes failed events due now with a fresh set of attempts, ids unchanged; returns how many changed. */
    int resetForRetry(Collection<UUID> ids, Instant now);

    /** {@link #resetForRetry} for every failed event of the user (or of everyone). */
    int resetAllFailed(Optional<String> userId, Instant now);

    /** Returns events whose lease ran out to pending (or failed for good when no attempt is left). */
    int releaseExpiredClaims(Instant now);

    /** For a store owned by one process: every processing event is orphaned and comes back at once. */
    int recoverAllProcessing(Instant now);

    /** Deletes completed events finished before {@code cutoff}; returns how many. */
    default int deleteCompletedBefore(Instant cutoff) {
        return deleteCompletedBefore(cutoff, Optional.empty());
    }

    /** Deletes one user's (or everyone's) completed events finished before {@code cutoff}; returns how many. */
    int deleteCompletedBefore(Instant cutoff, Optional<String> userId);

    /** Counts for the statistics, in one consistent read. Pending events made before {@code staleBefore} are stale. */
    StoreSnapshot snapshot(Optional<String> userId, Instant staleBefore);

    /** One user's (or everyone's) pending events made before {@code pendingSince}, oldest first. */
    List<OutboxEvent> findStale(Optional<String> userId, Instant pendingSince, int limit);

    /**
     * When the next event in scope becomes due, if any will: the earliest next attempt among
     * the heads of entity queues (a time in the past when one is due already). Events being
     * processed, and events waiting behind them, are not counted.
     */
    Optional<Instant> nextDueAt(Scope scope);

    /**
     * Extends the lease of those of {@code ids} still claimed by {@code owner} (processing, with
     * that owner) to {@code leaseUntil}, in one write, and returns the ids it extended. An id
     * missing from the answer is no longer the owner's: its lease ran out and it was handed back
     * or taken over, or its outcome is recorded already; the caller must not record one for it.
     * Nothing else changes (the attempt count stays). An empty {@code ids} makes no store call.
     */
    Set<UUID> renewClaims(Collection<UUID> ids, String owner, Instant leaseUntil);

    /**
     * Parks events still claimed by their owner until the events they wait on complete, in one
     * write; returns how many changed. A parked event is pending again with the claim's attempt
     * not counted (as {@link #release} does), remembers what it waits on, keeps the reason as its
     * error, and is due at the recheck time unless woken first. In the same write, by the awaited
     * event's state: completed already, the event is due at once (still no attempt counted);
     * failed for good, the event fails for good with a reason naming it; missing, or the event
     * itself, the wait counts as an ordinary failed attempt (retried at the recheck time, or
     * failed for good with no attempt left), so a handler cannot wait forever for free.
     *
     * <p>The other writes keep waits going: {@link #markCompleted} makes pending events waiting
     * on a completed event due at once; {@link #markFailed}, when it leaves an event failed for
     * good, fails the pending events waiting on it for good, naming it; {@link #resetForRetry}
     * of an event also retries the events that failed for good only because they waited on it.
     */
    int park(Collection<Wait> waits);

    /**
     * Deletes every event of {@code userId} that no processor may be delivering: pending,
     * completed and failed ones, in one write; returns how many. A processing event is left
     * alone (a processor holding it would still send it, then find nothing to record), so the
     * caller can tell the user to run the delete again once it is finished. Other users' events
     * are never touched.
     */
    int deleteAllEvents(String userId);

    /**
     * Deletes the events among {@code ids} that belong to {@code userId} and are not processing,
     * in one write; returns how many. Ids of another user's events, of processing events, or of
     * no event are left alone.
     */
    int deleteEvents(String userId, Collection<UUID> ids);
}
