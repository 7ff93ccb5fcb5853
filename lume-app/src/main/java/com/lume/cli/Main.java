package com.lume.cli;

/** Entry point of lume-app; its commands arrive with their issue. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("usage: java -jar lume-app/target/lume-app.jar COMMAND ... (see ../shared/cli.md); not built yet");
        System.exit(2);
    }
}
