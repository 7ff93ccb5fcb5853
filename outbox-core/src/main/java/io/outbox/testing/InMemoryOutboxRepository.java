package io.outbox.testing;

import io.outbox.event.EventStatus;
import io.outbox.event.OutboxEvent;
import io.outbox.repository.ClaimOrder;
import io.outbox.repository.ClaimRequest;
import io.outbox.repository.Completion;
import io.outbox.repository.EventQuery;
import io.outbox.repository.Failure;
import io.outbox.repository.OutboxRepository;
import io.outbox.repository.Scope;
import io.outbox.repository.StoreSnapshot;
import io.outbox.repository.Wait;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A repository in memory, for tests of handlers and processors. It follows the same
 * contract as the stores (the contract suite proves it). Thread-safe: one lock guards
 * every call, so claims are atomic.
 */
public final class InMemoryOutboxRepository implements OutboxRepository {
    /** Creation order, ties broken by id text (the unsigned byte order stores use). */
    static final Comparator<OutboxEvent> CREATION_ORDER = Comparator.comparing(OutboxEvent::createdAt)
            .thenComparing(e -> e.id().toString());
    static final Comparator<OutboxEvent> PRIORITY_ORDER = Comparator.comparingInt(OutboxEvent::priority).reversed()
            .thenComparing(CREATION_ORDER);

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<UUID, OutboxEvent> events = new LinkedHashMap<>();
    private final MemoryWaits waits = new MemoryWaits(events);

    /** Stores the event as it is, replacing one with the same id: how a test sets up any state. */
    public void save(OutboxEvent event) {
        locked(() -> events.put(event.id(), event));
    }

    /** {@link #save} for each event. */
    public void saveAll(Collection<OutboxEvent> all) {
        locked(() -> {
            all.forEach(e -> events.put(e.id(), e));
            return null;
        });
    }

    @Override
    public Optional<OutboxEvent> findById(UUID id) {
        return locked(() -> Optional.ofNullable(events.get(id)));
    }

    @Override
    public List<OutboxEvent> findByEntity(String entityId) {
        return select(e -> e.entityId().equals(entityId), CREATION_ORDER, Integer.MAX_VALUE);
    }

    @Override
    public List<OutboxEvent> find(EventQuery query) {
        return select(e -> query.userId().map(e.userId()::equals).orElse(true)
                && query.status().map(s -> e.status() == s).orElse(true), CREATION_ORDER, query.limit());
    }


    @Override
    public List<OutboxEvent> claim(ClaimRequest request) {
        return locked(() -> {
            Comparator<OutboxEvent> order = request.order() == ClaimOrder.OLDEST_FIRST ? CREATION_ORDER : PRIORITY_ORDER;
            List<OutboxEvent> claimed = new ArrayList<>();
            for (OutboxEvent event : due(request.scope(), request.now(), order, request.limit())) {
                OutboxEvent mine = event.claimed(request.owner(), request.now(), request.leaseExpiresAt());
                events.put(mine.id(), mine);
                claimed.add(mine);
            }
            return List.copyOf(claimed);
        });
    }


    @Override
    public int markCompleted(Collection<Completion> completions) {
        return locked(() -> {
            int changed = 0;
            List<UUID> done = new ArrayList<>();
            for (Completion c : completions) {
                int one = updateClaimed(c.id(), c.owner(), e -> e.completed(c.at(), c.data()));
                changed += one;
                if (one == 1) {
                    waits.wake(c.id(), c.at());
                }
            }
            return changed;
        });
    }

    @Override
    public int markFailed(Collection<Failure> failures) {
        return locked(() -> {
            int changed = 0;
            for (Failure f : failures) {
                int one = updateClaimed(f.id(), f.owner(), e -> e.failed(f.reason(), f.retryAt()));
                changed += one;
                if (one == 1 && f.retryAt().isEmpty()) {
                    waits.failWaitersOf(f.id(), f.reason());
                }
            }
            return changed;
        });
    }

    @Override
    public int release(Collection<UUID> ids, String owner, Instant now) {
        return locked(() -> {
            int changed = 0;
            for (UUID id : ids) {
                changed += updateClaimed(id, owner, e -> e.released(now));
            }
            return changed;
        });
    }

    @Override
    public int resetForRetry(Collection<UUID> ids, Instant now) {
        return locked(() -> {
            List<UUID> retried = new ArrayList<>();
            for (UUID id : ids) {
                OutboxEvent event = events.get(id);
                if (event != null && event.status() == EventStatus.FAILED) {
                    events.put(id, event.resetForRetry(now));
                    retried.add(id);
                }
            }
            return retried.size() + waits.reviveWaitersOf(retried, now);
        });
    }

    @Override
    public int resetAllFailed(Optional<String> userId, Instant now) {
        return updateWhere(e -> e.status() == EventStatus.FAILED && userId.map(e.userId()::equals).orElse(true),
                e -> e.resetForRetry(now));
    }

    @Override
    public int releaseExpiredClaims(Instant now) {
        return updateWhere(e -> e.claim().map(c -> !c.leaseExpiresAt().isAfter(now)).orElse(false),
                e -> e.orphaned(now, "the lease of worker " + e.claim().orElseThrow().owner() + " ran out"));
    }

    @Override
    public int recoverAllProcessing(Instant now) {
        return updateWhere(e -> e.status() == EventStatus.PROCESSING,
                e -> e.orphaned(now, "left processing by a process that stopped"));
    }

    @Override
    public int deleteCompletedBefore(Instant cutoff, Optional<String> userId) {
        return removeWhere(e -> e.status() == EventStatus.COMPLETED && e.completedAt().orElseThrow().isBefore(cutoff)
                && userId.map(e.userId()::equals).orElse(true));
    }


    @Override
    public int deleteAllEvents(String userId) {
        return removeWhere(e -> e.userId().equals(userId) && e.status() != EventStatus.PROCESSING);
    }

    @Override
    public int deleteEvents(String userId, Collection<UUID> ids) {
        java.util.Set<UUID> wanted = java.util.Set.copyOf(ids);
        return removeWhere(e -> wanted.contains(e.id()) && e.userId().equals(userId)
                && e.status() != EventStatus.PROCESSING);
    }

    @Override
    public StoreSnapshot snapshot(Optional<String> userId, Instant staleBefore) {
        return locked(() -> {
            long[] byStatus = new long[EventStatus.values().length];
            long failedForGood = 0;
            long stale = 0;
            Instant oldest = null;
            Instant newestCompleted = null;
            Map<String, Long> pendingByType = new TreeMap<>();
            Map<String, Instant> firstFailureByEntity = firstFailureByEntity();
            long blocked = 0;
            for (OutboxEvent e : events.values()) {
                if (userId.isPresent() && !userId.get().equals(e.userId())) {
                    continue;
                }
                byStatus[e.status().ordinal()]++;
                if (e.isFailedForGood()) {
                    failedForGood++;
                } else if (e.isUndelivered() && isAfter(e, firstFailureByEntity.get(e.entityId()))) {
                    blocked++;
                }
                if (e.status() == EventStatus.PENDING) {
                    pendingByType.merge(e.eventType(), 1L, Long::sum);
                    stale += e.createdAt().isBefore(staleBefore) ? 1 : 0;
                    oldest = oldest == null || e.createdAt().isBefore(oldest) ? e.createdAt() : oldest;
                }
                Instant completed = e.completedAt().orElse(null);
                if (e.status() == EventStatus.COMPLETED && completed != null
                        && (newestCompleted == null || completed.isAfter(newestCompleted))) {
                    newestCompleted = completed;
                }
            }
            return new StoreSnapshot(byStatus[EventStatus.PENDING.ordinal()],
                    byStatus[EventStatus.PROCESSING.ordinal()], byStatus[EventStatus.COMPLETED.ordinal()],
                    byStatus[EventStatus.FAILED.ordinal()], failedForGood, stale, Optional.ofNullable(oldest),
                    pendingByType, blocked, Optional.ofNullable(newestCompleted));
        });
    }

    @Override
    public List<OutboxEvent> findStale(Optional<String> userId, Instant pendingSince, int limit) {
        return select(e -> e.status() == EventStatus.PENDING && e.createdAt().isBefore(pendingSince)
                && userId.map(e.userId()::equals).orElse(true), CREATION_ORDER, limit);
    }

    @Override
    public Optional<Instant> nextDueAt(Scope scope) {
        return locked(() -> {
            var heads = heads();
            return events.values().stream()
                    .filter(e -> e.status() == EventStatus.PENDING || e.status() == EventStatus.FAILED)
                    .filter(e -> e.nextAttemptAt().isPresent() && scope.includes(e.userId(), e.eventType()))
                    .filter(e -> heads.contains(e.id()))
                    .map(e -> e.nextAttemptAt().orElseThrow())
                    .min(Comparator.naturalOrder());
        });
    }

    @Override
    public Set<UUID> renewClaims(Collection<UUID> ids, String owner, Instant leaseUntil) {
        return locked(() -> {
            Set<UUID> renewed = new HashSet<>();
            for (UUID id : ids) {
                if (updateClaimed(id, owner, e -> e.leaseRenewed(leaseUntil)) == 1) {
                    renewed.add(id);
                }
            }
            return Set.copyOf(renewed);
        });
    }

    /** How many events it holds, for tests. */
    public int size() {
        return locked(events::size);
    }

    private List<OutboxEvent> due(Scope scope, Instant now, Comparator<OutboxEvent> order, int limit) {
        var heads = heads();
        return events.values().stream()
                .filter(e -> e.isDue(now) && scope.includes(e.userId(), e.eventType()) && heads.contains(e.id()))
                .sorted(order)
                .limit(limit)
                .toList();
    }

    /** The earliest undelivered event of each entity: the only one of its entity that may be delivered. */
    private java.util.Set<UUID> heads() {
        Map<String, OutboxEvent> first = new HashMap<>();
        for (OutboxEvent e : events.values()) {
            if (e.isUndelivered()) {
                first.merge(e.entityId(), e, (a, b) -> CREATION_ORDER.compare(a, b) <= 0 ? a : b);
            }
        }
        java.util.Set<UUID> ids = new java.util.HashSet<>();
        first.values().forEach(e -> ids.add(e.id()));
        return ids;
    }

    private Map<String, Instant> firstFailureByEntity() {
        Map<String, Instant> first = new HashMap<>();
        for (OutboxEvent e : events.values()) {
            if (e.isFailedForGood()) {
                first.merge(e.entityId(), e.createdAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return first;
    }

    private static boolean isAfter(OutboxEvent event, Instant firstFailure) {
        return firstFailure != null && event.createdAt().isAfter(firstFailure);
    }

    private int updateClaimed(UUID id, String owner, UnaryOperator<OutboxEvent> change) {
        OutboxEvent event = events.get(id);
        if (event == null || event.status() != EventStatus.PROCESSING
                || !event.claim().orElseThrow().owner().equals(owner)) {
            return 0;
        }
        events.put(id, change.apply(event));
        return 1;
    }

    private int updateWhere(Predicate<OutboxEvent> which, UnaryOperator<OutboxEvent> change) {
        return locked(() -> {
            int changed = 0;
            for (Map.Entry<UUID, OutboxEvent> entry : events.entrySet()) {
                if (which.test(entry.getValue())) {
                    entry.setValue(change.apply(entry.getValue()));
                    changed++;
                }
            }
            return changed;
        });
    }

    private int removeWhere(Predicate<OutboxEvent> which) {
        return locked(() -> {
            int before = events.size();
            events.values().removeIf(which);
            return before - events.size();
        });
    }

    private List<OutboxEvent> select(Predicate<OutboxEvent> which, Comparator<OutboxEvent> order, int limit) {
        return locked(() -> events.values().stream().filter(which).sorted(order).limit(limit).toList());
    }

    private <T> T locked(java.util.function.Supplier<T> body) {
        lock.lock();
        try {
            return body.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int park(Collection<Wait> parked) {
        return locked(() -> {
            int changed = 0;
            for (Wait w : parked) {
                OutboxEvent awaited = w.awaited().equals(w.id()) ? null : events.get(w.awaited());
                int one = updateClaimed(w.id(), w.owner(), e -> MemoryWaits.parked(e, w, awaited));
                OutboxEvent now = events.get(w.id());
                if (one == 1 && now.isFailedForGood()) {
                    waits.failWaitersOf(now.id(), now.errorMessage().orElse(""));
                }
                changed += one;
            }
            return changed;
        });
    }
}
