package io.outbox.jpa.support.cli;

/** Test processes talk to their parent on stdout. */
public final class Say {
    private Say() {
    }

    public static void line(String text) {
        System.out.println(text);
        System.out.flush();
    }
}
