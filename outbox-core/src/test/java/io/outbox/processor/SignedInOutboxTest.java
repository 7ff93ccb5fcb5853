package io.outbox.processor;

import io.outbox.event.EventStatus;
import io.outbox.event.OutboxEvent;
import io.outbox.handler.HandlerResult;
import io.outbox.repository.OutboxRepository;
import io.outbox.testing.InMemoryOutboxRepository;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static io.outbox.processor.Journal.awaitUntil;
import static io.outbox.testing.OutboxEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sign-in, switch of user and sign-out: the user's processor runs only while signed in, and a
 * switch lets the old user's work end (or be handed back) before the new user's starts. Real
 * threads, waits on latches and polled conditions with a deadline, never a fixed sleep.
 */
class SignedInOutboxTest {
    private static final String TYPE = "test.entity";
    private static final long WAIT_SECONDS = 30;
    private final InMemoryOutboxRepository store = new InMemoryOutboxRepository();
    private final Journal journal = new Journal();
    private final OutboxRepository repository = journal.wrap(store);

    private OutboxEvent stored(String user) {
        OutboxEvent event = anEvent().forUser(user).createdAt(Instant.now()).build();
        store.save(event);
        return event;
    }

    private OutboxEvent reload(OutboxEvent event) {
        return store.findById(event.id()).orElseThrow();
    }

    private Function<String, OutboxProcessor> processors(ScriptedHandler handler, Duration shutdownTimeout) {
        return user -> OutboxProcessor.builder(repository).handler(handler).forUser(user).owner("device-" + user)
                .config(ProcessorConfig.builder().shutdownTimeout(shutdownTimeout).build()).build();
    }

    @Test
    void givenAliceMidDelivery_whenBobSignsIn_thenAlicesOutcomeIsRecordedOnceBeforeBobClaimsAnything()
            throws Exception {
        OutboxEvent alices = stored("alice");
        List<OutboxEvent> bobs = List.of(stored("bob"), stored("bob"));
        CountDownLatch aliceInFlight = new CountDownLatch(1);
        CountDownLatch aliceMayFinish = new CountDownLatch(1);
        CountDownLatch bobDelivered = new CountDownLatch(bobs.size());
        ScriptedHandler handler = new ScriptedHandler(TYPE, e -> {
            if (e.userId().equals("alice")) {
                aliceInFlight.countDown();
                Journal.awaitQuietly(aliceMayFinish);
            } else {
                bobDelivered.countDown();
            }
            return HandlerResult.done();
        });
        try (SignedInOutbox outbox = new SignedInOutbox(processors(handler, Duration.ofSeconds(WAIT_SECONDS)))) {
            outbox.signIn("alice");
            assertThat(aliceInFlight.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            OutboxProcessor alicesProcessor = outbox.processor().orElseThrow();

            Thread switcher = new Thread(() -> outbox.signIn("bob"), "switcher");
            switcher.start();
            awaitUntil("alice's processor is stopping", () -> !alicesProcessor.isRunning());

            assertThat(journal.indexOfText("claiming for bob")).as("bob claims while alice delivers").isEqualTo(-1);
            assertThat(bobs).allSatisfy(b -> assertThat(reload(b).status()).isEqualTo(EventStatus.PENDING));
            aliceMayFinish.countDown();
            switcher.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            assertThat(bobDelivered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

            assertThat(switcher.isAlive()).isFalse();
            assertThat(outbox.currentUser()).contains("bob");
            assertThat(journal.indexOf("completed", alices.id()))
                    .isNotNegative().isLessThan(journal.indexOfText("claiming for bob"));
            assertThat(journal.count("completed", alices.id())).isEqualTo(1);
            assertThat(handler.calls().stream().filter(e -> e.userId().equals("alice"))).hasSize(1);
            assertThat(reload(alices).status()).isEqualTo(EventStatus.COMPLETED);
            assertThat(reload(alices).attemptCount()).isEqualTo(1);
            awaitUntil("bob's events are completed",
                    () -> bobs.stream().allMatch(b -> reload(b).status() == EventStatus.COMPLETED));
        }
    }

    @Test
    void givenAlicesHandlerOutlivesTheDeadline_whenBobSignsIn_thenItIsInterruptedItsEventReleasedAndBobProceeds()
            throws Exception {
        OutboxEvent alices = stored("alice");
        OutboxEvent bobs = stored("bob");
        CountDownLatch aliceInFlight = new CountDownLatch(1);
        CountDownLatch aliceInterrupted = new CountDownLatch(1);
        CountDownLatch bobDelivered = new CountDownLatch(1);
        ScriptedHandler handler = new ScriptedHandler(TYPE, e -> {
            if (e.userId().equals("alice")) {
                aliceInFlight.countDown();
                try {
                    new CountDownLatch(1).await(); // hangs until interrupted
                } catch (InterruptedException interrupted) {
                    aliceInterrupted.countDown();
                    Thread.currentThread().interrupt();
                }
                return HandlerResult.done();
            }
            bobDelivered.countDown();
            return HandlerResult.done();
        });
        try (SignedInOutbox outbox = new SignedInOutbox(processors(handler, Duration.ofMillis(200)))) {
            outbox.signIn("alice");
            assertThat(aliceInFlight.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

            outbox.signIn("bob");

            assertThat(aliceInterrupted.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(bobDelivered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            OutboxEvent left = reload(alices);
            assertThat(left.status()).isEqualTo(EventStatus.PENDING);
            assertThat(left.attemptCount()).as("the interrupted attempt is not counted").isZero();
            assertThat(journal.count("completed", alices.id())).isZero();
            assertThat(journal.indexOf("released", alices.id()))
                    .isNotNegative().isLessThan(journal.indexOfText("claiming for bob"));
            awaitUntil("bob's event is completed", () -> reload(bobs).status() == EventStatus.COMPLETED);
        }
    }

    @Test
    void givenUserSignedIn_whenSignedInAgain_thenTheSameProcessorKeepsRunning() {
        AtomicInteger made = new AtomicInteger();
        Function<String, OutboxProcessor> make = processors(ScriptedHandler.succeeding(TYPE), Duration.ofSeconds(5));
        try (SignedInOutbox outbox = new SignedInOutbox(user -> {
            made.incrementAndGet();
            return make.apply(user);
        })) {
            outbox.signIn("alice");
            OutboxProcessor first = outbox.processor().orElseThrow();

            outbox.signIn("alice");

            assertThat(made).hasValue(1);
            assertThat(outbox.processor()).containsSame(first);
            assertThat(first.isRunning()).isTrue();
        }
    }

    @Test
    void givenSignedOut_whenSameUserSignsInAgain_thenItsProcessorRestartsAndDeliversWhatWasSavedMeanwhile()
            throws Exception {
        CountDownLatch delivered = new CountDownLatch(1);
        ScriptedHandler handler = new ScriptedHandler(TYPE, e -> {
            delivered.countDown();
            return HandlerResult.done();
        });
        try (SignedInOutbox outbox = new SignedInOutbox(processors(handler, Duration.ofSeconds(WAIT_SECONDS)))) {
            outbox.signIn("alice");
            OutboxProcessor alicesProcessor = outbox.processor().orElseThrow();
            outbox.signOut();
            OutboxEvent savedWhileOut = stored("alice");
            outbox.trigger(); // nobody signed in: nothing happens

            assertThat(outbox.currentUser()).isEmpty();
            assertThat(outbox.processor()).isEmpty();
            assertThat(alicesProcessor.isRunning()).isFalse();
            assertThat(reload(savedWhileOut).status()).isEqualTo(EventStatus.PENDING);

            outbox.signIn("alice");
            outbox.trigger();

            assertThat(delivered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(outbox.processor()).containsSame(alicesProcessor);
            assertThat(outbox.currentUser()).contains("alice");
        }
    }

    @Test
    void givenManyThreadsSigningInDifferentUsers_whenTheyRace_thenNeverTwoProcessorsRunAndTheLastOneStays()
            throws Exception {
        List<OutboxProcessor> made = new CopyOnWriteArrayList<>();
        AtomicInteger madeWhileAnotherRan = new AtomicInteger();
        Function<String, OutboxProcessor> make = processors(ScriptedHandler.succeeding(TYPE), Duration.ofSeconds(5));
        int threads = 6;
        CyclicBarrier together = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (SignedInOutbox outbox = new SignedInOutbox(user -> {
            if (made.stream().anyMatch(OutboxProcessor::isRunning)) {
                madeWhileAnotherRan.incrementAndGet();
            }
            OutboxProcessor processor = make.apply(user);
            made.add(processor);
            return processor;
        })) {
            List<Future<?>> signIns = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String user = "user-" + i;
                signIns.add(pool.submit(() -> {
                    together.await(WAIT_SECONDS, TimeUnit.SECONDS);
                    outbox.signIn(user);
                    return null;
                }));
            }
            for (Future<?> signIn : signIns) {
                signIn.get(WAIT_SECONDS, TimeUnit.SECONDS);
            }

            assertThat(madeWhileAnotherRan).hasValue(0);
            assertThat(made).hasSize(threads);
            assertThat(made.stream().filter(OutboxProcessor::isRunning)).hasSize(1)
                    .containsExactly(outbox.processor().orElseThrow());
            assertThat(outbox.currentUser()).isPresent();
        } finally {
            pool.shutdownNow();
        }
        assertThat(made).noneMatch(OutboxProcessor::isRunning);
    }

    @Test
    void givenClosedOutbox_whenSigningIn_thenRefusedAndItsProcessorIsClosedForGood() {
        SignedInOutbox outbox = new SignedInOutbox(processors(ScriptedHandler.succeeding(TYPE), Duration.ofSeconds(5)));
        outbox.signIn("alice");
        OutboxProcessor alicesProcessor = outbox.processor().orElseThrow();

        outbox.close();

        assertThatThrownBy(() -> outbox.signIn("bob")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(alicesProcessor::start).isInstanceOf(IllegalStateException.class);
        assertThat(outbox.currentUser()).isEmpty();
    }

    @Test
    void givenBlankUser_whenSigningIn_thenRefusedAndNobodySignedIn() {
        try (SignedInOutbox outbox = new SignedInOutbox(
                processors(ScriptedHandler.succeeding(TYPE), Duration.ofSeconds(5)))) {
            assertThatThrownBy(() -> outbox.signIn(" ")).isInstanceOf(IllegalArgumentException.class);
            assertThat(outbox.currentUser()).isEmpty();
        }
    }
}
