package io.outbox.jpa.support.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The figures of one campaign, the columns of the README's reliability table. A campaign
 * fills one in as it goes and {@link #write()}s it at the end.
 *
 * @param campaign         which campaign, e.g. {@code fitiq kill -9 during sync --watch}
 * @param store            derby or postgresql
 * @param rounds           rounds run
 * @param kills            processes killed with SIGKILL (or servers killed)
 * @param written          events (or legacy rows) written
 * @param delivered        distinct events whose effect reached the backend (or rows migrated)
 * @param lost             written but never delivered: must be 0
 * @param duplicateEffects effects applied twice at the backend: must be 0
 * @param repeatsAbsorbed  repeated deliveries the backend absorbed through the Idempotency-Key
 * @param longestRecovery  the longest time from a kill (or restart) until everything was delivered again
 * @param note             anything else worth a figure (events/s, claims returned after …), or ""
 * @param seed             the seed that replays the run
 */
public record CampaignSummary(String campaign, String store, int rounds, int kills, long written, long delivered,
                              long lost, long duplicateEffects, long repeatsAbsorbed, Duration longestRecovery,
                              String note, long seed) {

    public static final String HEADER = "| campaign | store | rounds | kills | written | delivered | lost | duplicate effects"
            + " | repeats absorbed | longest recovery | note | seed |\n"
            + "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |\n";

    public String markdownRow() {
        return String.format(Locale.ROOT, "| %s | %s | %d | %d | %,d | %,d | %d | %d | %d | %s | %s | %d |%n", campaign,
                store, rounds, kills, written, delivered, lost, duplicateEffects, repeatsAbsorbed,
                seconds(longestRecovery), note, seed);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /**
     * Prints the row and writes it to {@code target/reliability/<campaign>.md} of the module
     * under test, replacing that campaign's figures from an earlier run.
     * Every module's {@code target/reliability} together make the whole build's table.
     */
    public void write() {
        System.out.print(HEADER + markdownRow());
        String slug = campaign.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        Path file = Path.of("target", "reliability", slug + "-" + store + ".md");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdownRow(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
