package io.outbox.benchmarks.harness;

import io.outbox.http.Json;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rows of a run, in the order measured, and their JSON form. Not thread-safe: the runner fills it. */
public final class Report {
    private final List<Row> rows = new ArrayList<>();

    public void add(Row row) {
        rows.add(row);
    }

    public void addAll(Collection<Row> more) {
        rows.addAll(more);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The whole run as JSON: {@code about} (date, mode, machine) and every row with its samples. */
    public String toJson(Map<String, Object> about) {
        Map<String, Object> root = new LinkedHashMap<>(about);
        List<Object> all = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("scenario", row.scenario());
            r.put("store", row.store());
            r.put("measure", row.measure());
            r.put("unit", row.unit());
            r.put("ours", row.ours().map(Report::summary).orElse(null));
            r.put("baseline", row.baseline().map(Report::summary).orElse(null));
            r.put("ratio", row.ratio().orElse(null));
            r.put("target", row.verdict().map(Verdict::target).orElse(null));
            r.put("verdict", row.verdict().map(v -> v.outcome().name().toLowerCase(java.util.Locale.ROOT)).orElse(null));
            r.put("note", row.note().isEmpty() ? null : row.note());
            all.add(r);
        }
        root.put("results", all);
        return Json.write(root) + "\n";
    }

    private static Map<String, Object> summary(Summary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min", s.min());
        m.put("median", s.median());
        m.put("max", s.max());
        m.put("samples", s.samples());
        return m;
    }

    /** The verdicts of the run, for the closing lines. */
    public List<Row> withVerdicts() {
        return rows.stream().filter(r -> r.verdict().isPresent()).toList();
    }

    public Optional<Row> find(String scenario, String store, String measure) {
        return rows.stream().filter(r -> r.scenario().equals(scenario) && r.store().equals(store)
                && r.measure().equals(measure)).findFirst();
    }
}
