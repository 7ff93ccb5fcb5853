package com.lume.reliability;

import com.lume.reliability.HostileInput.Verdict;
import com.lume.reliability.HostileInput.Write;
import io.outbox.jpa.support.JarProcess;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One store of the hostile-input campaign (a copy of the campaign's starting store) and the inputs
 * run on it one after the other, each judged at once: exit code, output, and the store's every row
 * against the rows before it. Remembers the changes it accepted, for the final listings. Confined
 * to one thread.
 */
final class HostileLane {
    private static final Pattern ID_LINE = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n");
    /** Longer than this, a refusal quotes far more of a value than a person can read. */
    static final int READABLE_LINE = 300;

    private final Path dataDir;
    private final Path workDir;
    private final Map<String, String> env;
    private TreeMap<String, List<String>> rows;
    private final List<Accepted> accepted = new ArrayList<>();
    private int longLines;
    private int writes;

    /** A change the lane accepted: the entry it went to and what must be shown. */
    record Accepted(String entry, Write write) {
    }

    HostileLane(Path dataDir, Path workDir, Map<String, String> env) {
        this.dataDir = dataDir;
        this.workDir = workDir;
        this.env = Map.copyOf(env);
        this.rows = StoreRows.of(dataDir);
    }

    Path dataDir() {
        return dataDir;
    }

    List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    /** Changes accepted, each with its own event. */
    int writes() {
        return writes;
    }

    /** Refusals whose one line was longer than {@link #READABLE_LINE}. */
    int longLines() {
        return longLines;
    }

    /** Runs the input; what went against docs/cli.md, or nothing. */
    List<String> run(HostileInput input) {
        List<byte[]> args = new ArrayList<>();
        if (input.ownStore()) {
            args.add(LumeProcess.utf8("--data-dir"));
            args.add(LumeProcess.utf8(dataDir.toString()));
        }
        args.addAll(input.args());
        long started = System.nanoTime();
        JarProcess.Result result = LumeProcess.run(workDir, env, args);
        System.out.printf(java.util.Locale.ROOT, "%5d ms exit %d  %s%n", (System.nanoTime() - started) / 1_000_000,
                result.exitCode(), input.describe());
        List<String> problems = new ArrayList<>();
        String stderr = result.stderr();
        if (stderr.contains("Exception") || stderr.contains("\tat ") || stderr.contains("Caused by")) {
            problems.add("a stack trace or exception name on stderr");
        }
        switch (input.verdict()) {
            case REFUSED, CANNOT_CREATE -> refusal(input, result, problems);
            case READ_ONLY -> {
                expect(problems, result.exitCode() == 0, "exit " + result.exitCode() + ", not 0");
                expect(problems, stderr.isEmpty(), "stderr not empty");
                expect(problems, result.stdout().contains(input.names()), "stdout lacks '" + input.names() + "'");
            }
            case WRITES -> {
                expect(problems, result.exitCode() == 0, "exit " + result.exitCode() + ", not 0");
                expect(problems, stderr.isEmpty(), "stderr not empty");
            }
        }
        TreeMap<String, List<String>> after = StoreRows.of(dataDir);
        if (input.verdict() == Verdict.WRITES && problems.isEmpty()) {
            written(input, result.stdout(), after, problems);
        } else if (!after.equals(rows)) {
            problems.add("the store changed");
        }
        rows = after;
        if (!problems.isEmpty()) {
            return List.of(input.describe() + ": " + String.join("; ", problems) + " (exit " + result.exitCode()
                    + ", stdout " + cut(result.stdout()) + ", stderr " + cut(stderr) + ")");
        }
        return List.of();
    }

    private void refusal(HostileInput input, JarProcess.Result result, List<String> problems) {
        boolean exitOk = input.verdict() == Verdict.REFUSED ? result.exitCode() == 2
                : result.exitCode() == 2 || result.exitCode() == 3;
        expect(problems, exitOk, "exit " + result.exitCode() + " for a refusal");
        expect(problems, result.stdout().isEmpty(), "stdout not empty");
        List<String> lines = result.stderr().lines().toList();
        expect(problems, lines.size() == 1, lines.size() + " stderr lines, not exactly one");
        String line = lines.isEmpty() ? "" : lines.get(0);
        expect(problems, line.startsWith("lume-app: "), "the line lacks the 'lume-app: ' prefix");
        // bytes that are not UTF-8 are refused before parsing, wherever they stand, by position
        boolean named = input.named(line) || input.kind() == HostileInput.Kind.NON_UTF8
                && line.contains("holds bytes that are not UTF-8 text");
        expect(problems, named, "the line does not name '" + input.names() + "'");
        if (input.isPrivate() && input.wellFormed() && input.text().length() >= 6) {
            expect(problems, !result.stderr().contains(input.text().substring(0, Math.min(24, input.text().length()))),
                    "the refusal quotes the private text");
        }
        if (line.length() > READABLE_LINE) {
            longLines++;
        }
    }

    /** Only the entry and one new event changed, and the entry's column holds the value exactly. */
    private void written(HostileInput input, String stdout, TreeMap<String, List<String>> after,
                         List<String> problems) {
        Write write = input.write().orElseThrow();
        String entry;
        if (write.entry().isPresent()) {
            entry = write.entry().get();
            expect(problems, stdout.isEmpty(), "an update printed something");
        } else {
            expect(problems, ID_LINE.matcher(stdout).matches(), "an add printed no id line alone");
            entry = stdout.strip();
        }
        String key = "ID=" + entry + "|";
        for (String table : after.keySet()) {
            List<String> was = new ArrayList<>(rows.getOrDefault(table, List.of()));
            List<String> now = new ArrayList<>(after.get(table));
            if (table.equals(write.table())) {
                was.removeIf(r -> r.startsWith(key));
                List<String> target = now.stream().filter(r -> r.startsWith(key)).toList();
                now.removeIf(r -> r.startsWith(key));
                expect(problems, target.size() == 1 && holds(target.get(0), write), write.column()
                        + " does not hold the value verbatim");
            } else if (table.equals("OUTBOX_EVENT")) {
                expect(problems, now.containsAll(was) && now.size() == was.size() + 1, "not exactly one new event");
                now.removeAll(was);
                expect(problems, now.size() == 1 && now.get(0).contains("ENTITY_ID=" + entry + "|"),
                        "the new event is not the entry's");
                now = was;
            }
            expect(problems, now.equals(was), "rows of " + table + " changed");
        }
        if (problems.isEmpty()) {
            writes++;
            accepted.removeIf(a -> a.entry().equals(entry) && a.write().field().equals(write.field()));
            accepted.add(new Accepted(entry, write));
        }
    }

    private static boolean holds(String row, Write write) {
        String cell = StoreRows.cell(row, write.column());
        return write.expected() instanceof Double d ? cell != null && Double.parseDouble(cell) == d
                : write.expected().equals(cell);
    }

    private static void expect(List<String> problems, boolean holds, String problem) {
        if (!holds) {
            problems.add(problem);
        }
    }

    private static String cut(String text) {
        String oneLine = text.replace("\n", "\\n");
        return "'" + (oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...") + "'";
    }
}
