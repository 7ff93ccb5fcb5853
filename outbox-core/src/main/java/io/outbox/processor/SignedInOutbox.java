package io.outbox.processor;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Delivers the events of whoever is signed in, and no one else's: what an app holds for its
 * sign-in and sign-out. {@link #signIn} starts the user's processor; signing in someone else
 * first stops the previous user's processor within its
 * {@linkplain ProcessorConfig#shutdownTimeout() shutdown timeout} (in-flight handlers finish
 * and their outcomes are recorded, or past the deadline are interrupted and their events
 * released unattempted), and only then makes and starts the new user's, so the new user's
 * processor claims nothing while the old one still delivers. {@link #signOut()} stops the
 * processor and keeps it, so signing the same user in again restarts it. It owns every
 * processor it makes and closes them.
 *
 * <p>Thread-safe: sign-in, sign-out and close are serialised, so concurrent calls never
 * leave two processors running; {@link #trigger()} and {@link #currentUser()} never wait.
 */
public final class SignedInOutbox implements AutoCloseable {
    private final Function<String, OutboxProcessor> processorFor;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Session session;
    private boolean closed;

    /** One user's processor, and whether that user is signed in (it is kept, stopped, after a sign-out). */
    private record Session(String userId, OutboxProcessor processor, boolean active) {
    }

    /**
     * An outbox with nobody signed in, that makes each user's processor with
     * {@code processorFor} (not started; typically {@code builder.forUser(user).build()}).
     */
    public SignedInOutbox(Function<String, OutboxProcessor> processorFor) {
        this.processorFor = Objects.requireNonNull(processorFor, "processorFor");
    }

    /**
     * An outbox whose processors {@code builder} makes, each for its user. The builder is
     * this outbox's from now on: it is changed ({@code forUser}) at each new sign-in.
     */
    public static SignedInOutbox of(OutboxProcessorBuilder builder) {
        Objects.requireNonNull(builder, "builder");
        return new SignedInOutbox(user -> builder.forUser(user).build());
    }

    /**
     * Starts delivering {@code userId}'s events. Nothing happens when that user is signed in
     * already. When another user is signed in, that user's processor is stopped and closed
     * first (waiting up to its shutdown timeout).
     *
     * @throws IllegalArgumentException when {@code userId} is blank
     * @throws IllegalStateException    when this outbox is closed
     */
    public void signIn(String userId) {
        Objects.requireNonNull(userId, "userId");
        if (userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("this outbox is closed; make a new one to sign in again");
            }
            Session current = session;
            if (current != null && current.userId().equals(userId)) {
                current.processor().start();
                session = new Session(userId, current.processor(), true);
                return;
            }
            session = null;
            if (current != null) {
                current.processor().close();
            }
            OutboxProcessor next = Objects.requireNonNull(processorFor.apply(userId), "processorFor returned null");
            session = new Session(userId, next, false);
            next.start();
            session = new Session(userId, next, true);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops delivering (waiting up to the shutdown timeout for in-flight handlers); the
     * processor is kept, so the same user's next sign-in restarts it. Nothing happens when
     * nobody is signed in.
     */
    public void signOut() {
        lock.lock();
        try {
            Session current = session;
            if (current != null) {
                session = new Session(current.userId(), current.processor(), false);
                current.processor().stop(current.processor().config().shutdownTimeout());
            }
        } finally {
            lock.unlock();
        }
    }

    /** The user signed in, if anyone is. */
    public Optional<String> currentUser() {
        return active().map(Session::userId);
    }

    /** The signed-in user's processor (for its statistics, say), if anyone is signed in. */
    public Optional<OutboxProcessor> processor() {
        return active().map(Session::processor);
    }

    /** Asks the signed-in user's processor for a batch now (after a save); nothing when nobody is signed in. */
    public void trigger() {
        active().ifPresent(current -> current.processor().trigger());
    }

    /** Signs out and closes the processor for good; a later {@link #signIn} is refused. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            Session current = session;
            session = null;
            if (current != null) {
                current.processor().close();
            }
        } finally {
            lock.unlock();
        }
    }

    private Optional<Session> active() {
        Session current = session;
        return current != null && current.active() ? Optional.of(current) : Optional.empty();
    }
}
