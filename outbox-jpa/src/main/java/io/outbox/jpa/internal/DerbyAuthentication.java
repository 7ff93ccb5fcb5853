package io.outbox.jpa.internal;

/**
 * Derby's switches for authentication, set before this JVM boots Derby (it reads them once, at
 * boot): from then on every connection to any of its databases, embedded ones included, must give
 * a user Derby knows. A class of its own, without a logger: a process sets them first thing, and
 * setting up logging then would put 0.06 s before everything else a command does. Stateless.
 */
public final class DerbyAuthentication {
    private DerbyAuthentication() {
    }

    /** Makes Derby ask every connection for its user and password, checked against the store's credential. */
    public static void require() {
        System.setProperty("derby.connection.requireAuthentication", "true");
        System.setProperty("derby.authentication.provider", "BUILTIN");
        // Derby hashes the given password at every login, 1,000 rounds by default (a tenth of a command's
        // work in Derby): rounds slow the guessing of a weak password from its stored hash, and the
        // credential is 256 random bits, kept nowhere as a hash
        System.setProperty("derby.authentication.builtin.iterations", "1");
    }
}
