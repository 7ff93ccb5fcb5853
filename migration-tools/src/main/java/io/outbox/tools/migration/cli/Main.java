package io.outbox.tools.migration.cli;

/** Entry point of migration-tools; its commands arrive with their issue. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("usage: java -jar migration-tools/target/migration-tools.jar COMMAND ... (see ../shared/cli.md); not built yet");
        System.exit(2);
    }
}
