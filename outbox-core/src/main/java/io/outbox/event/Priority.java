package io.outbox.event;

/** The two priorities the apps use; any value in [{@link #MIN}, {@link #MAX}] is accepted. */
public final class Priority {
    /** A change the user made by hand: delivered first. */
    public static final int USER_ACTION = 10;
    /** Imports, migrations and other work nobody is waiting on. */
    public static final int BACKGROUND = 0;
    /** The lowest priority accepted. */
    public static final int MIN = 0;
    /** The highest priority accepted. */
    public static final int MAX = 100;

    private Priority() {
    }
}
