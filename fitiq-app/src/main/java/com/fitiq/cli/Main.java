package com.fitiq.cli;

/** Entry point of fitiq-app; its commands arrive with their issue. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("usage: java -jar fitiq-app/target/fitiq-app.jar COMMAND ... (see ../shared/cli.md); not built yet");
        System.exit(2);
    }
}
