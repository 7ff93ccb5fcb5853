package io.outbox.repository;

import io.outbox.event.Claim;
import io.outbox.event.EventStatus;
import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.outbox.testing.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour every {@link OutboxRepository} must show. A store's test extends this class
 * and supplies a fresh, empty repository per test; the suite ships in the core test-jar.
 */
public abstract class OutboxRepositoryContract {
    protected static final Instant T0 = Instant.parse("2025-01-31T08:00:00Z");
    protected static final String TYPE = "test.entity";
    protected static final Scope ALL = Scope.everything().withEventTypes(Set.of(TYPE));

    protected OutboxRepository repository;

    /** A fresh repository holding no events. */
    protected abstract OutboxRepository createRepository();

    /**
     * Puts events into the store exactly as given, whatever their state: the test's set-up, as
     * the store's own writer would (the in-memory double's save, the JPA unit of work's record).
     */
    protected abstract void given(List<OutboxEvent> events);

    private void given(OutboxEvent... events) {
        given(List.of(events));
    }

    /** How many events the race test uses; stores that are slow to fill may use fewer. */
    protected int raceEvents() {
        return 10_000;
    }

    @BeforeEach
    public void freshRepository() {
        repository = createRepository();
    }

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private List<OutboxEvent> claim(String owner, int limit, Instant now) {
        return claim(owner, limit, now, ClaimOrder.PRIORITY_FIRST, ALL);
    }

    private List<OutboxEvent> claim(String owner, int limit, Instant now, ClaimOrder order, Scope scope) {
        return repository.claim(new ClaimRequest(owner, limit, now, now.plus(Duration.ofMinutes(5)), scope, order));
    }

    private static List<UUID> ids(List<OutboxEvent> events) {
        return events.stream().map(OutboxEvent::id).toList();
    }

    @Test
    public void givenRecordedEvent_whenFoundById_thenEveryFieldRoundTrips() {
        OutboxEvent event = anEvent().withOperation(Operation.UPDATE).forEntity("entity-1").forUser("alice@x.io")
                .withPriority(0).createdAt(at(0)).withAttempts(2, 7).withLastAttemptAt(at(5).plusNanos(123_000))
                .failedRetryAt("HTTP 503: busy", at(30)).withMetadata("{\"quantity\":72.5,\"note\":\"é ✓\"}")
                .withResult("backend-42").newRecord(false).build();

        given(event);

        assertThat(repository.findById(event.id())).contains(event);
    }

    @Test
    public void givenCompletedEvent_whenRecorded_thenCompletionTimeKept() {
        OutboxEvent event = anEvent().createdAt(at(0)).completedAt(at(9)).build();
        given(event);
        assertThat(repository.findById(event.id())).contains(event);
    }


    @Test
    public void givenUnknownId_whenFound_thenEmpty() {
        assertThat(repository.findById(UUID.randomUUID())).isEmpty();
    }

    @Test
    public void givenEventsOfSeveralEntities_whenFoundByEntity_thenOnlyThatEntityInCreationOrder() {
        OutboxEvent update = anEvent().forEntity("e1").withOperation(Operation.UPDATE).createdAt(at(2)).build();
        OutboxEvent create = anEvent().forEntity("e1").createdAt(at(1)).build();
        given(List.of(update, create, anEvent().forEntity("e2").createdAt(at(0)).build()));

        assertThat(ids(repository.findByEntity("e1"))).containsExactly(create.id(), update.id());
    }

    @Test
    public void givenEventsOfTwoUsers_whenQueriedByUserAndStatus_thenOnlyMatchingOldestFirst() {
        OutboxEvent alicePending = anEvent().forUser("alice").createdAt(at(2)).build();
        OutboxEvent aliceOlder = anEvent().forUser("alice").createdAt(at(1)).build();
        OutboxEvent aliceDone = anEvent().forUser("alice").createdAt(at(0)).completedAt(at(1)).build();
        OutboxEvent bob = anEvent().forUser("bob").createdAt(at(0)).build();
        given(List.of(alicePending, aliceOlder, aliceDone, bob));

        assertThat(ids(repository.find(EventQuery.byStatus(EventStatus.PENDING).forUser("alice"))))
                .containsExactly(aliceOlder.id(), alicePending.id());
        assertThat(repository.find(EventQuery.all().forUser("bob"))).extracting(OutboxEvent::id).containsExactly(bob.id());
        assertThat(repository.find(new EventQuery(Optional.empty(), Optional.empty(), 2))).hasSize(2);
    }

    @Test
    public void givenDueEvents_whenClaimed_thenHighPriorityFirstThenOldest() {
        OutboxEvent oldBackground = anEvent().withPriority(0).createdAt(at(0)).build();
        OutboxEvent newUser = anEvent().withPriority(10).createdAt(at(2)).build();
        OutboxEvent oldUser = anEvent().withPriority(10).createdAt(at(1)).build();
        given(List.of(oldBackground, newUser, oldUser));

        assertThat(ids(claim("w", 10, at(10)))).containsExactly(oldUser.id(), newUser.id(), oldBackground.id());
    }

    @Test
    public void givenDueEvents_whenClaimedOldestFirst_thenPriorityIgnored() {
        OutboxEvent oldBackground = anEvent().withPriority(0).createdAt(at(0)).build();
        OutboxEvent newUser = anEvent().withPriority(10).createdAt(at(2)).build();
        given(List.of(newUser, oldBackground));

        assertThat(ids(claim("w", 1, at(10), ClaimOrder.OLDEST_FIRST, ALL))).containsExactly(oldBackground.id());
    }

    @Test
    public void givenThreePrioritiesAndRetries_whenClaimedOldestFirst_thenTheOldestDueOfAllInAgeOrder() {
        OutboxEvent p50 = anEvent().withPriority(50).createdAt(at(3)).build();
        OutboxEvent p0Old = anEvent().withPriority(0).createdAt(at(1)).build();
        OutboxEvent p10 = anEvent().withPriority(10).createdAt(at(2)).build();
        OutboxEvent p0Retry = anEvent().withPriority(0).createdAt(at(0)).withAttempts(1, 5).failedRetryAt("503", at(5))
                .build();
        OutboxEvent p10Later = anEvent().withPriority(10).createdAt(at(4)).build();
        OutboxEvent p100New = anEvent().withPriority(100).createdAt(at(6)).build();
        OutboxEvent bobs = anEvent().forUser("bob").withPriority(0).createdAt(at(0)).build();
        OutboxEvent notYet = anEvent().withPriority(0).createdAt(at(0)).withAttempts(1, 5).failedRetryAt("503", at(60))
                .build();
        given(List.of(p50, p0Old, p10, p0Retry, p10Later, p100New, bobs, notYet));
        Scope alice = Scope.user(p50.userId()).withEventTypes(ALL.eventTypes());

        assertThat(ids(claim("w", 4, at(10), ClaimOrder.OLDEST_FIRST, alice)))
                .containsExactly(p0Retry.id(), p0Old.id(), p10.id(), p50.id());
        assertThat(ids(claim("w", 4, at(10), ClaimOrder.OLDEST_FIRST, alice)))
                .containsExactly(p10Later.id(), p100New.id());
    }

    @Test
    public void givenFutureRetryAndFailedForGood_whenClaimed_thenOnlyReachedRetriesAreDue() {
        OutboxEvent retryReached = anEvent().createdAt(at(0)).withAttempts(1, 5).failedRetryAt("503", at(5)).build();
        OutboxEvent retryLater = anEvent().createdAt(at(0)).withAttempts(1, 5).failedRetryAt("503", at(60)).build();
        OutboxEvent dead = anEvent().createdAt(at(0)).withAttempts(5, 5).failedForGood("400").build();
        OutboxEvent done = anEvent().createdAt(at(0)).completedAt(at(1)).build();
        given(List.of(retryReached, retryLater, dead, done));

        assertThat(ids(claim("w", 10, at(10)))).containsExactly(retryReached.id());
    }

    @Test
    public void givenUpdateAfterUndeliveredCreate_whenClaimed_thenUpdateWaitsForCreate() {
        OutboxEvent create = anEvent().forEntity("e1").createdAt(at(0)).build();
        OutboxEvent update = anEvent().forEntity("e1").withOperation(Operation.UPDATE).createdAt(at(1)).build();
        OutboxEvent delete = anEvent().forEntity("e1").withOperation(Operation.DELETE).createdAt(at(2)).build();
        given(List.of(delete, update, create));

        List<OutboxEvent> first = claim("w", 10, at(10));
        assertThat(ids(first)).containsExactly(create.id());
        assertThat(claim("w", 10, at(10))).as("update waits while create is processing").isEmpty();

        repository.markCompleted(List.of(new Completion(create.id(), "w", at(11), Optional.of("b-1"))));
        assertThat(ids(claim("w", 10, at(12)))).containsExactly(update.id());
    }

    @Test
    public void givenPoisonEvent_whenClaimed_thenOnlyItsEntityIsBlocked() {
        OutboxEvent poison = anEvent().forEntity("e1").createdAt(at(0)).failedForGood("HTTP 400: bad").build();
        OutboxEvent behind = anEvent().forEntity("e1").withOperation(Operation.UPDATE).createdAt(at(1)).build();
        OutboxEvent other = anEvent().forEntity("e2").createdAt(at(2)).build();
        given(List.of(poison, behind, other));

        assertThat(ids(claim("w", 10, at(10)))).containsExactly(other.id());
        StoreSnapshot snapshot = repository.snapshot(Optional.empty(), at(0));
        assertThat(snapshot.blockedByFailure()).isEqualTo(1);
        assertThat(snapshot.failedForGood()).isEqualTo(1);
    }

    @Test
    public void givenTypesAndUsers_whenClaimedInScope_thenOnlyThoseAreClaimed() {
        OutboxEvent alice = anEvent().forUser("alice").createdAt(at(0)).build();
        OutboxEvent bob = anEvent().forUser("bob").createdAt(at(0)).build();
        OutboxEvent unhandled = anEvent().forUser("alice").withType("goal").createdAt(at(0)).build();
        given(List.of(alice, bob, unhandled));

        Scope aliceScope = new Scope(Optional.of("alice"), Set.of(TYPE));
        assertThat(ids(claim("w", 10, at(1), ClaimOrder.PRIORITY_FIRST, aliceScope))).containsExactly(alice.id());
        assertThat(repository.findById(unhandled.id()).orElseThrow().attemptCount()).isZero();
    }

    @Test
    public void givenDueEvent_whenClaimed_thenProcessingWithOwnerLeaseAndCountedAttempt() {
        OutboxEvent event = anEvent().createdAt(at(0)).build();
        given(event);

        OutboxEvent claimed = claim("worker-a", 1, at(10)).get(0);

        assertThat(claimed.status()).isEqualTo(EventStatus.PROCESSING);
        assertThat(claimed.attemptCount()).isEqualTo(1);
        assertThat(claimed.lastAttemptAt()).contains(at(10));
        assertThat(claimed.claim().orElseThrow().owner()).isEqualTo("worker-a");
        assertThat(claimed.claim().orElseThrow().leaseExpiresAt()).isEqualTo(at(10).plus(Duration.ofMinutes(5)));
        assertThat(repository.findById(event.id())).contains(claimed);
    }

    @Test
    public void givenClaimedEvent_whenLeaseExpires_thenPendingAgainWithAttemptCounted() {
        given(anEvent().createdAt(at(0)).build());
        OutboxEvent claimed = claim("dead-worker", 1, at(10)).get(0);

        assertThat(repository.releaseExpiredClaims(at(60))).as("lease still running").isZero();
        assertThat(claim("other", 1, at(60))).isEmpty();
        assertThat(repository.releaseExpiredClaims(at(10 + 301))).isEqualTo(1);

        OutboxEvent back = repository.findById(claimed.id()).orElseThrow();
        assertThat(back.status()).isEqualTo(EventStatus.PENDING);
        assertThat(back.attemptCount()).isEqualTo(1);
        assertThat(back.claim()).isEmpty();
        assertThat(ids(claim("other", 1, at(312)))).containsExactly(claimed.id());
    }

    @Test
    public void givenLastAttemptOrphaned_whenLeaseExpires_thenFailedForGood() {
        given(anEvent().createdAt(at(0)).withAttempts(4, 5).build());
        OutboxEvent claimed = claim("dead-worker", 1, at(10)).get(0);

        repository.releaseExpiredClaims(at(1000));

        OutboxEvent back = repository.findById(claimed.id()).orElseThrow();
        assertThat(back.isFailedForGood()).isTrue();
        assertThat(back.errorMessage()).hasValueSatisfying(m -> assertThat(m).contains("no attempts left"));
    }

    @Test
    public void givenProcessingEvents_whenStoreRecovered_thenAllPendingAtOnce() {
        given(List.of(anEvent().createdAt(at(0)).build(), anEvent().createdAt(at(1)).build()));
        claim("killed", 10, at(10));

        assertThat(repository.recoverAllProcessing(at(11))).isEqualTo(2);
        assertThat(repository.find(EventQuery.byStatus(EventStatus.PENDING))).hasSize(2);
        assertThat(claim("next", 10, at(11))).hasSize(2);
    }

    @Test
    public void givenClaimedEvents_whenCompletedByOwner_thenCompletedWithData() {
        OutboxEvent event = anEvent().createdAt(at(0)).withError("earlier 503").build();
        given(event);
        claim("w", 1, at(1));

        int changed = repository.markCompleted(List.of(new Completion(event.id(), "w", at(2), Optional.of("b-7"))));

        OutboxEvent done = repository.findById(event.id()).orElseThrow();
        assertThat(changed).isEqualTo(1);
        assertThat(done.status()).isEqualTo(EventStatus.COMPLETED);
        assertThat(done.completedAt()).contains(at(2));
        assertThat(done.result()).contains("b-7");
        assertThat(done.claim()).isEmpty();
        assertThat(done.errorMessage()).isEmpty();
    }

    @Test
    public void givenClaimedByAnother_whenCompletedByFormerOwner_thenNothingChanges() {
        OutboxEvent event = anEvent().createdAt(at(0)).build();
        given(event);
        claim("w1", 1, at(1));
        repository.releaseExpiredClaims(at(1000));
        claim("w2", 1, at(1000));

        assertThat(repository.markCompleted(List.of(new Completion(event.id(), "w1", at(1001), Optional.empty()))))
                .isZero();
        assertThat(repository.markFailed(List.of(new Failure(event.id(), "w1", at(1001), "late", Optional.empty()))))
                .isZero();
        assertThat(repository.findById(event.id()).orElseThrow().claim().orElseThrow().owner()).isEqualTo("w2");
    }

    @Test
    public void givenClaimedEvents_whenFailed_thenRetryScheduledOrFailedForGood() {
        OutboxEvent retry = anEvent().createdAt(at(0)).build();
        OutboxEvent dead = anEvent().createdAt(at(0)).build();
        given(List.of(retry, dead));
        claim("w", 10, at(1));

        int changed = repository.markFailed(List.of(
                new Failure(retry.id(), "w", at(2), "HTTP 503", Optional.of(at(7))),
                new Failure(dead.id(), "w", at(2), "HTTP 400: bad quantity", Optional.empty())));

        assertThat(changed).isEqualTo(2);
        OutboxEvent retried = repository.findById(retry.id()).orElseThrow();
        assertThat(retried.status()).isEqualTo(EventStatus.FAILED);
        assertThat(retried.nextAttemptAt()).contains(at(7));
        assertThat(retried.errorMessage()).contains("HTTP 503");
        assertThat(repository.findById(dead.id()).orElseThrow().isFailedForGood()).isTrue();
        assertThat(claim("w", 10, at(6))).isEmpty();
        assertThat(ids(claim("w", 10, at(7)))).containsExactly(retry.id());
    }

    @Test
    public void givenClaimedEvent_whenReleased_thenPendingWithAttemptNotCounted() {
        OutboxEvent event = anEvent().createdAt(at(0)).build();
        given(event);
        claim("w", 1, at(1));

        assertThat(repository.release(List.of(event.id()), "w", at(2))).isEqualTo(1);

        OutboxEvent back = repository.findById(event.id()).orElseThrow();
        assertThat(back.status()).isEqualTo(EventStatus.PENDING);
        assertThat(back.attemptCount()).isZero();
        assertThat(back.isDue(at(2))).isTrue();
    }

    @Test
    public void givenFailedEvents_whenResetForRetry_thenDueNowWithFreshAttemptsAndSameIds() {
        OutboxEvent dead = anEvent().forUser("alice").createdAt(at(0)).withAttempts(5, 5).failedForGood("x").build();
        OutboxEvent other = anEvent().forUser("bob").createdAt(at(0)).withAttempts(5, 5).failedForGood("x").build();
        OutboxEvent pending = anEvent().forUser("alice").createdAt(at(0)).build();
        given(List.of(dead, other, pending));

        assertThat(repository.resetForRetry(List.of(dead.id(), pending.id()), at(50))).isEqualTo(1);
        OutboxEvent back = repository.findById(dead.id()).orElseThrow();
        assertThat(back.status()).isEqualTo(EventStatus.PENDING);
        assertThat(back.attemptCount()).isZero();
        assertThat(back.nextAttemptAt()).contains(at(50));

        assertThat(repository.resetAllFailed(Optional.of("bob"), at(60))).isEqualTo(1);
        assertThat(repository.find(EventQuery.byStatus(EventStatus.FAILED))).isEmpty();
    }

    private Wait waitOn(OutboxEvent waiting, UUID awaited, String owner, Instant at) {
        return new Wait(waiting.id(), owner, awaited, "waiting for " + awaited, at.plusSeconds(60), at);
    }

    @Test
    public void givenClaimedEvent_whenParkedOnPendingEvent_thenPendingWaitingWithAttemptNotCountedUntilRecheck() {
        OutboxEvent awaited = anEvent().createdAt(at(0)).build();
        OutboxEvent waiting = anEvent().createdAt(at(1)).withAttempts(1, 5).withError("HTTP 503").build();
        given(List.of(awaited, waiting));
        claim("w", 10, at(2));

        assertThat(repository.park(List.of(waitOn(waiting, awaited.id(), "w", at(3))))).isEqualTo(1);

        OutboxEvent parked = repository.findById(waiting.id()).orElseThrow();
        assertThat(parked.status()).isEqualTo(EventStatus.PENDING);
        assertThat(parked.attemptCount()).isEqualTo(1);
        assertThat(parked.waitsFor()).contains(awaited.id());
        assertThat(parked.errorMessage()).contains("waiting for " + awaited.id());
        assertThat(parked.claim()).isEmpty();
        assertThat(parked.nextAttemptAt()).contains(at(63));
        repository.release(List.of(awaited.id()), "w", at(3));
        assertThat(ids(claim("w", 10, at(62)))).containsExactly(awaited.id());
    }

    @Test
    public void givenWaitingEvent_whenAwaitedCompleted_thenDueAtOnceWaitingOnNothing() {
        OutboxEvent awaited = anEvent().createdAt(at(0)).build();
        OutboxEvent waiting = anEvent().createdAt(at(1)).build();
        OutboxEvent bystander = anEvent().createdAt(at(1)).build();
        given(List.of(awaited, waiting, bystander));
        claim("w", 10, at(2));
        repository.park(List.of(waitOn(waiting, awaited.id(), "w", at(3)),
                waitOn(bystander, UUID.randomUUID(), "w", at(3))));

        repository.markCompleted(List.of(new Completion(awaited.id(), "w", at(4), Optional.empty())));

        OutboxEvent woken = repository.findById(waiting.id()).orElseThrow();
        assertThat(woken.waitsFor()).isEmpty();
        assertThat(woken.nextAttemptAt()).contains(at(4));
        List<OutboxEvent> next = claim("w", 10, at(4));
        assertThat(ids(next)).containsExactly(waiting.id());
        assertThat(next.get(0).attemptCount()).isEqualTo(1);
    }

    @Test
    public void givenAwaitedCompletedAlready_whenParked_thenDueAtOnceWithAttemptNotCounted() {
        OutboxEvent awaited = anEvent().createdAt(at(0)).completedAt(at(1)).build();
        OutboxEvent waiting = anEvent().createdAt(at(1)).build();
        given(List.of(awaited, waiting));
        claim("w", 10, at(2));

        repository.park(List.of(waitOn(waiting, awaited.id(), "w", at(3))));

        OutboxEvent due = repository.findById(waiting.id()).orElseThrow();
        assertThat(due.status()).isEqualTo(EventStatus.PENDING);
        assertThat(due.attemptCount()).isZero();
        assertThat(due.waitsFor()).isEmpty();
        assertThat(due.isDue(at(3))).isTrue();
    }

    @Test
    public void givenChainOfWaits_whenFirstFailsForGood_thenEachWaiterFailsForGoodNamingTheOneItWaitedOn() {
        OutboxEvent first = anEvent().createdAt(at(0)).build();
        OutboxEvent second = anEvent().createdAt(at(1)).build();
        OutboxEvent third = anEvent().createdAt(at(2)).build();
        given(List.of(first, second, third));
        claim("w", 10, at(3));
        repository.park(List.of(waitOn(second, first.id(), "w", at(4)), waitOn(third, second.id(), "w", at(4))));

        repository.markFailed(List.of(new Failure(first.id(), "w", at(5), "HTTP 422: bad valence", Optional.empty())));

        OutboxEvent failedSecond = repository.findById(second.id()).orElseThrow();
        assertThat(failedSecond.isFailedForGood()).isTrue();
        assertThat(failedSecond.waitsFor()).contains(first.id());
        assertThat(failedSecond.errorMessage().orElseThrow()).contains("event " + first.id() + " failed for good")
                .contains("HTTP 422: bad valence");
        OutboxEvent failedThird = repository.findById(third.id()).orElseThrow();
        assertThat(failedThird.isFailedForGood()).isTrue();
        assertThat(failedThird.errorMessage().orElseThrow()).contains("event " + second.id() + " failed for good");
        assertThat(failedThird.attemptCount()).isZero();
    }

    @Test
    public void givenAwaitedFailedForGoodAlready_whenParked_thenFailsForGoodNamingIt() {
        OutboxEvent awaited = anEvent().createdAt(at(0)).withAttempts(5, 5).failedForGood("HTTP 400").build();
        OutboxEvent waiting = anEvent().createdAt(at(1)).build();
        given(List.of(awaited, waiting));
        claim("w", 10, at(2));

        assertThat(repository.park(List.of(waitOn(waiting, awaited.id(), "w", at(3))))).isEqualTo(1);

        OutboxEvent failed = repository.findById(waiting.id()).orElseThrow();
        assertThat(failed.isFailedForGood()).isTrue();
        assertThat(failed.attemptCount()).isZero();
        assertThat(failed.errorMessage()).contains("waiting for " + awaited.id() + ", but event " + awaited.id()
                + " failed for good: HTTP 400");
    }

    @Test
    public void givenWaitOnMissingEventOrItself_whenParked_thenCountsAsFailedAttempt() {
        OutboxEvent onMissing = anEvent().createdAt(at(0)).build();
        OutboxEvent onItself = anEvent().createdAt(at(0)).withAttempts(4, 5).build();
        given(List.of(onMissing, onItself));
        claim("w", 10, at(1));
        UUID missing = UUID.randomUUID();

        repository.park(List.of(waitOn(onMissing, missing, "w", at(2)), waitOn(onItself, onItself.id(), "w", at(2))));

        OutboxEvent retried = repository.findById(onMissing.id()).orElseThrow();
        assertThat(retried.status()).isEqualTo(EventStatus.FAILED);
        assertThat(retried.attemptCount()).isEqualTo(1);
        assertThat(retried.nextAttemptAt()).contains(at(62));
        assertThat(retried.errorMessage().orElseThrow()).contains(missing + ", which does not exist");
        OutboxEvent dead = repository.findById(onItself.id()).orElseThrow();
        assertThat(dead.isFailedForGood()).isTrue();
        assertThat(dead.errorMessage().orElseThrow()).startsWith("waited on itself");
    }

    @Test
    public void givenEventClaimedByAnother_whenParkedByFormerOwner_thenNothingChanges() {
        OutboxEvent awaited = anEvent().createdAt(at(0)).build();
        OutboxEvent waiting = anEvent().createdAt(at(0)).build();
        given(List.of(awaited, waiting));
        claim("w1", 10, at(1));
        repository.releaseExpiredClaims(at(1000));
        claim("w2", 10, at(1000));

        assertThat(repository.park(List.of(waitOn(waiting, awaited.id(), "w1", at(1001))))).isZero();
        assertThat(repository.findById(waiting.id()).orElseThrow().claim().orElseThrow().owner()).isEqualTo("w2");
    }

    @Test
    public void givenEventFailedBecauseItsAwaitedDid_whenAwaitedRetried_thenBothRetried() {
        OutboxEvent awaited = anEvent().createdAt(at(0)).build();
        OutboxEvent waiting = anEvent().createdAt(at(1)).build();
        given(List.of(awaited, waiting));
        claim("w", 10, at(2));
        repository.park(List.of(waitOn(waiting, awaited.id(), "w", at(3))));
        repository.markFailed(List.of(new Failure(awaited.id(), "w", at(4), "HTTP 400", Optional.empty())));

        assertThat(repository.resetForRetry(List.of(awaited.id()), at(50))).isEqualTo(2);

        OutboxEvent revived = repository.findById(waiting.id()).orElseThrow();
        assertThat(revived.status()).isEqualTo(EventStatus.PENDING);
        assertThat(revived.attemptCount()).isZero();
        assertThat(revived.isDue(at(50))).isTrue();
        assertThat(revived.waitsFor()).contains(awaited.id());
    }

    @Test
    public void givenCompletedEvents_whenCleanedUp_thenOnlyOlderCompletedDeleted() {
        OutboxEvent old = anEvent().createdAt(at(0)).completedAt(at(10)).build();
        OutboxEvent recent = anEvent().createdAt(at(0)).completedAt(at(100)).build();
        OutboxEvent oldPending = anEvent().createdAt(at(0)).build();
        given(List.of(old, recent, oldPending));

        assertThat(repository.deleteCompletedBefore(at(50))).isEqualTo(1);
        assertThat(ids(repository.find(EventQuery.all()))).containsExactlyInAnyOrder(recent.id(), oldPending.id());
    }

    @Test
    public void givenTwoUsersCompletedEvents_whenOneUsersCleanedUp_thenOtherUsersKept() {
        OutboxEvent alice = anEvent().forUser("alice").createdAt(at(0)).completedAt(at(10)).build();
        OutboxEvent bob = anEvent().forUser("bob").createdAt(at(0)).completedAt(at(10)).build();
        given(List.of(alice, bob));

        assertThat(repository.deleteCompletedBefore(at(50), Optional.of("alice"))).isEqualTo(1);
        assertThat(ids(repository.find(EventQuery.all()))).containsExactly(bob.id());
    }


    @Test
    public void givenMixedEvents_whenSnapshotTaken_thenCountsStaleOldestAndTypes() {
        given(List.of(
                anEvent().forUser("alice").createdAt(at(0)).build(),
                anEvent().forUser("alice").withType("goal").createdAt(at(500)).build(),
                anEvent().forUser("alice").createdAt(at(0)).completedAt(at(1)).build(),
                anEvent().forUser("alice").createdAt(at(0)).failedRetryAt("503", at(9)).build(),
                anEvent().forUser("bob").createdAt(at(0)).build()));
        claim("w", 1, at(1), ClaimOrder.PRIORITY_FIRST, Scope.user("bob").withEventTypes(Set.of(TYPE)));

        StoreSnapshot alice = repository.snapshot(Optional.of("alice"), at(300));
        assertThat(alice.pending()).isEqualTo(2);
        assertThat(alice.completed()).isEqualTo(1);
        assertThat(alice.failed()).isEqualTo(1);
        assertThat(alice.failedForGood()).isZero();
        assertThat(alice.processing()).isZero();
        assertThat(alice.stale()).isEqualTo(1);
        assertThat(alice.oldestPendingAt()).contains(at(0));
        assertThat(alice.pendingByType()).isEqualTo(Map.of(TYPE, 1L, "goal", 1L));
        assertThat(alice.total()).isEqualTo(4);
        assertThat(repository.snapshot(Optional.empty(), at(300)).processing()).isEqualTo(1);
    }

    @Test
    public void givenPendingEvents_whenStaleQueried_thenOlderPendingOldestFirst() {
        OutboxEvent oldest = anEvent().forUser("alice").createdAt(at(0)).build();
        OutboxEvent old = anEvent().forUser("alice").createdAt(at(10)).build();
        OutboxEvent bobs = anEvent().forUser("bob").createdAt(at(5)).build();
        given(List.of(old, oldest, bobs, anEvent().createdAt(at(400)).build(),
                anEvent().createdAt(at(0)).completedAt(at(1)).build()));

        assertThat(ids(repository.findStale(Optional.empty(), at(300), 10))).containsExactly(oldest.id(), bobs.id(),
                old.id());
        assertThat(ids(repository.findStale(Optional.of("alice"), at(300), 10))).containsExactly(oldest.id(), old.id());
        assertThat(ids(repository.findStale(Optional.empty(), at(300), 1))).containsExactly(oldest.id());
    }

    @Test
    public void givenRetriesAndBlockedEvents_whenNextDueAsked_thenEarliestHeadOfQueue() {
        assertThat(repository.nextDueAt(ALL)).isEmpty();
        OutboxEvent head = anEvent().forEntity("e1").createdAt(at(0)).failedRetryAt("503", at(40)).build();
        given(List.of(head,
                anEvent().forEntity("e1").withOperation(Operation.UPDATE).createdAt(at(1)).build(),
                anEvent().forEntity("e2").createdAt(at(0)).failedForGood("400").build(),
                anEvent().forEntity("e2").withOperation(Operation.UPDATE).createdAt(at(2)).build(),
                anEvent().forEntity("e3").withType("goal").createdAt(at(3)).build()));

        assertThat(repository.nextDueAt(ALL)).contains(at(40));
    }


    @Test
    public void givenClaimedEvents_whenOwnerRenews_thenLeasesExtendedAttemptsKeptAndIdsReturned() {
        OutboxEvent first = anEvent().createdAt(at(0)).build();
        OutboxEvent second = anEvent().createdAt(at(1)).build();
        given(List.of(first, second));
        claim("w", 10, at(10));

        Set<UUID> renewed = repository.renewClaims(List.of(first.id(), second.id()), "w", at(10 + 600));

        assertThat(renewed).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(List.of(repository.findById(first.id()).orElseThrow(), repository.findById(second.id()).orElseThrow()))
                .allSatisfy(e -> {
                    assertThat(e.status()).isEqualTo(EventStatus.PROCESSING);
                    assertThat(e.claim().orElseThrow()).isEqualTo(new Claim("w", at(10 + 600)));
                    assertThat(e.attemptCount()).isEqualTo(1);
                });
        assertThat(repository.releaseExpiredClaims(at(10 + 301))).as("the old lease end has passed").isZero();
        assertThat(repository.releaseExpiredClaims(at(10 + 600))).isEqualTo(2);
    }

    @Test
    public void givenClaimTakenOverAfterExpiry_whenFormerOwnerRenews_thenNothingRenewedAndNewOwnerKeepsIt() {
        OutboxEvent taken = anEvent().createdAt(at(0)).build();
        OutboxEvent stillMine = anEvent().forEntity("other").createdAt(at(1)).build();
        given(List.of(taken, stillMine));
        claim("w1", 1, at(1));
        repository.releaseExpiredClaims(at(1000));
        claim("w2", 1, at(1000));
        claim("w1", 1, at(1000));

        Set<UUID> renewed = repository.renewClaims(List.of(taken.id(), stillMine.id()), "w1", at(2000));

        assertThat(renewed).containsExactly(stillMine.id());
        OutboxEvent kept = repository.findById(taken.id()).orElseThrow();
        assertThat(kept.claim().orElseThrow()).isEqualTo(new Claim("w2", at(1000 + 300)));
    }

    @Test
    public void givenReleasedCompletedOrUnknownEvents_whenRenewed_thenNoneRenewed() {
        OutboxEvent released = anEvent().createdAt(at(0)).build();
        OutboxEvent done = anEvent().forEntity("done").createdAt(at(0)).build();
        given(List.of(released, done));
        claim("w", 10, at(1));
        repository.release(List.of(released.id()), "w", at(2));
        repository.markCompleted(List.of(new Completion(done.id(), "w", at(2), Optional.empty())));

        assertThat(repository.renewClaims(List.of(released.id(), done.id(), UUID.randomUUID()), "w", at(900)))
                .isEmpty();
        assertThat(repository.renewClaims(List.of(), "w", at(900))).isEmpty();
        assertThat(repository.findById(released.id()).orElseThrow().claim()).isEmpty();
        assertThat(repository.findById(done.id()).orElseThrow().status()).isEqualTo(EventStatus.COMPLETED);
    }

    @Test
    public void givenManyEvents_whenEightClaimersRace_thenEachEventClaimedExactlyOnce() throws Exception {
        int total = raceEvents();
        List<OutboxEvent> events = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            events.add(anEvent().createdAt(at(i % 1000)).withPriority(i % 2 == 0 ? 10 : 0).build());
        }
        for (int from = 0; from < total; from += 500) {
            given(events.subList(from, Math.min(total, from + 500)));
        }
        Map<UUID, String> winners = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> claimers = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                String owner = "claimer-" + c;
                claimers.add(pool.submit(() -> {
                    start.await();
                    List<OutboxEvent> got;
                    do {
                        got = claim(owner, 25, at(2000));
                        for (OutboxEvent e : got) {
                            if (winners.putIfAbsent(e.id(), owner) != null) {
                                duplicates.incrementAndGet();
                            }
                        }
                    } while (!got.isEmpty());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> claimer : claimers) {
                claimer.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(duplicates).hasValue(0);
        assertThat(winners).hasSize(total);
        assertThat(repository.find(EventQuery.byStatus(EventStatus.PROCESSING))).hasSize(total);
        assertThat(repository.find(EventQuery.byStatus(EventStatus.PROCESSING)))
                .allSatisfy(e -> assertThat(e.claim().orElseThrow().owner()).isEqualTo(winners.get(e.id())));
    }

    @Test
    public void givenCompletedEventsOfTwoUsers_whenSnapshotTaken_thenNewestCompletionOfThatUser() {
        assertThat(repository.snapshot(Optional.empty(), at(0)).newestCompletedAt()).isEmpty();
        given(List.of(anEvent().forUser("alice").createdAt(at(0)).completedAt(at(5)).build(),
                anEvent().forUser("alice").createdAt(at(1)).completedAt(at(30)).build(),
                anEvent().forUser("alice").createdAt(at(2)).build(),
                anEvent().forUser("bob").createdAt(at(3)).completedAt(at(90)).build()));

        assertThat(repository.snapshot(Optional.of("alice"), at(0)).newestCompletedAt()).contains(at(30));
        assertThat(repository.snapshot(Optional.empty(), at(0)).newestCompletedAt()).contains(at(90));
        assertThat(repository.snapshot(Optional.of("carol"), at(0)).newestCompletedAt()).isEmpty();
    }

    @Test
    public void givenEventsOfTwoUsers_whenAllEventsOfOneDeleted_thenOnlyHersGoExceptProcessing() {
        OutboxEvent processing = anEvent().forUser("alice").createdAt(at(3)).processingBy("sync-1", at(300)).build();
        OutboxEvent bobs = anEvent().forUser("bob").createdAt(at(0)).build();
        given(List.of(anEvent().forUser("alice").createdAt(at(0)).build(),
                anEvent().forUser("alice").createdAt(at(1)).completedAt(at(2)).build(),
                anEvent().forUser("alice").createdAt(at(2)).failedForGood("400").build(),
                processing, bobs));

        assertThat(repository.deleteAllEvents("alice")).isEqualTo(3);

        assertThat(ids(repository.find(new EventQuery(Optional.of("alice"), Optional.empty(), EventQuery.UNLIMITED))))
                .containsExactly(processing.id());
        assertThat(repository.findById(bobs.id())).isPresent();
        assertThat(repository.deleteAllEvents("carol")).isZero();
    }

    @Test
    public void givenEventsOfTwoUsers_whenDeletedById_thenOnlyThatUsersNotProcessingOnesGo() {
        OutboxEvent pending = anEvent().forUser("alice").createdAt(at(0)).build();
        OutboxEvent failed = anEvent().forUser("alice").createdAt(at(1)).failedForGood("gone").build();
        OutboxEvent kept = anEvent().forUser("alice").createdAt(at(2)).build();
        OutboxEvent processing = anEvent().forUser("alice").createdAt(at(3)).processingBy("sync-1", at(300)).build();
        OutboxEvent bobs = anEvent().forUser("bob").createdAt(at(0)).build();
        given(List.of(pending, failed, kept, processing, bobs));

        int deleted = repository.deleteEvents("alice", List.of(pending.id(), failed.id(), processing.id(), bobs.id(),
                UUID.randomUUID()));

        assertThat(deleted).isEqualTo(2);
        assertThat(repository.findById(pending.id())).isEmpty();
        assertThat(repository.findById(failed.id())).isEmpty();
        assertThat(repository.findById(kept.id())).isPresent();
        assertThat(repository.findById(processing.id())).isPresent();
        assertThat(repository.findById(bobs.id())).isPresent();
        assertThat(repository.deleteEvents("alice", List.of())).isZero();
    }
}
