package com.fitiq.reliability;

import com.fitiq.e2e.Backends;
import io.outbox.jpa.support.JarProcess;
import io.outbox.jpa.support.reliability.Campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values that look odd but are fine (a type in capitals with spaces, "-0", leading zeros, the
 * first and last dates a store keeps, nanoseconds, far offsets, a spreadsheet's CSV with a byte
 * order mark and CRLF): written for a third user, they must be stored and listed as meant, not
 * refused, and leave the other users' rows as they were. FitIQ keeps no free text, so nothing
 * SQL-looking can be legitimately accepted here; all of it is refused by the matrix. Stateless.
 */
final class OddButFine {
    private static final String USER = "carol";

    private OddButFine() {
    }

    /** One change and what {@code progress list --json} must show for it. */
    private record Case(List<String> args, String type, double quantity, String unit, String date) {
    }

    private static final List<Case> CASES = List.of(
            new Case(List.of("--type", " Weight ", "--quantity", "72.123456", "--date", "1900-01-01T00:00:00Z"),
                    "weight", 72.123456, "kg", "1900-01-01T00:00:00Z"),
            new Case(List.of("--type", "steps", "--quantity", "-0", "--date", "2025-01-31T08:00:00+14:00"),
                    "steps", 0.0, "count", "2025-01-30T18:00:00Z"),
            new Case(List.of("--type", "heart_rate", "--quantity", "000072", "--unit", "bpm", "--date",
                    "9999-12-30T23:59:59.999999999Z"), "heart_rate", 72.0, "bpm", "9999-12-30T23:59:59.999999999Z"),
            new Case(List.of("--type", "height", "--quantity", "180.5", "--date", "2025-01-31T08:00:00.123456789Z"),
                    "height", 180.5, "cm", "2025-01-31T08:00:00.123456789Z"),
            new Case(List.of("--type", "body_fat", "--quantity", "75", "--date", "2025-06-30T23:59:59-12:00"),
                    "body_fat", 75.0, "percent", "2025-07-01T11:59:59Z"));

    /** Runs the cases (through the jar in long mode, else in this JVM); returns how many there were. */
    static int assertKeptAsMeant(Path data, Path dir, CampaignJar jar, Map<String, String> env, Campaign campaign)
            throws Exception {
        String hint = campaign.replayHint();
        StoreRows before = StoreRows.read(data);
        Map<String, String> carol = new java.util.HashMap<>(env);
        carol.put("FITIQ_USER", USER);
        List<String> ids = new ArrayList<>();
        for (Case c : CASES) {
            List<String> args = new ArrayList<>(List.of("progress", "add"));
            args.addAll(c.args());
            JarProcess.Result added = run(args, data, jar, carol, campaign.longMode());
            assertThat(added.exitCode()).as("%s accepted: %s; %s", c.args(), added.stderr(), hint).isZero();
            assertThat(added.stdoutLines()).as("prints the id; " + hint).singleElement().asString()
                    .matches("[0-9a-f-]{36}");
            ids.add(added.stdout().trim());
        }
        Path excel = dir.resolve("spreadsheet.csv");
        Files.writeString(excel, "\uFEFFtype,quantity,unit,date\r\nweight,72.5,kg,2025-01-01T08:00:00Z\r\n");
        JarProcess.Result imported = run(List.of("progress", "import", excel.toString()), data, jar, carol,
                campaign.longMode());
        assertThat(imported.stdout()).as("%s; %s", imported.stderr(), hint).isEqualTo("imported 1 entry\n");

        List<Map<String, Object>> listed = Backends.parseArray(jar.asUser(USER).ok("progress", "list", "--json"));
        assertThat(listed).as("carol's entries; " + hint).hasSize(CASES.size() + 1);
        StoreRows after = StoreRows.read(data);
        for (int i = 0; i < CASES.size(); i++) {
            Case c = CASES.get(i);
            String id = ids.get(i);
            Map<String, Object> shown = listed.stream().filter(e -> e.get("id").equals(id)).findFirst().orElseThrow();
            assertThat(shown).as("%s listed as meant; %s", c.args(), hint).containsEntry("type", c.type())
                    .containsEntry("unit", c.unit()).containsEntry("date", c.date())
                    .containsEntry("sync_state", "pending");
            assertThat(((Number) shown.get("quantity")).doubleValue()).as("%s; %s", c.args(), hint)
                    .isEqualTo(c.quantity());
            assertThat(Double.doubleToRawLongBits(after.entry(id).orElseThrow().quantity()))
                    .as("stored as meant, no -0.0; " + hint).isEqualTo(Double.doubleToRawLongBits(c.quantity()));
        }
        assertThat(listed).as("the spreadsheet's entry; " + hint).anyMatch(e -> e.get("date")
                .equals("2025-01-01T08:00:00Z") && e.get("type").equals("weight"));
        for (String other : List.of("alice", "bob")) {
            assertThat(after.entriesOf(other)).as(other + "'s entries as they were; " + hint)
                    .isEqualTo(before.entriesOf(other));
            assertThat(after.eventsOf(other)).as(other + "'s events as they were; " + hint)
                    .isEqualTo(before.eventsOf(other));
        }
        return CASES.size() + 1;
    }

    private static JarProcess.Result run(List<String> args, Path data, CampaignJar jar, Map<String, String> env,
                                         boolean viaJar) {
        HostileInputs.Input input = new HostileInputs.Input("odd but fine", HostileInputs.Store.MAIN, args, Map.of(),
                0, List.of(), false, java.util.Optional.empty());
        return viaJar ? jar.asUser(USER).run(args.toArray(new String[0])) : HostileRun.inProcess(input, data, env);
    }
}
