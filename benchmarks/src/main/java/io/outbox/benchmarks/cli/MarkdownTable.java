package io.outbox.benchmarks.cli;

import io.outbox.benchmarks.harness.Format;
import io.outbox.benchmarks.harness.Row;
import io.outbox.benchmarks.harness.Summary;
import io.outbox.benchmarks.harness.Verdict;

import java.util.List;
import java.util.Optional;

/** Renders rows as a Markdown table, ready to paste into the README. Stateless. */
final class MarkdownTable {
    private MarkdownTable() {
    }

    static String render(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| scenario | store | measure | unit | ours min / median / max | baseline min / median / max"
                + " | ours / baseline | target | verdict | note |\n");
        out.append("| --- | --- | --- | --- | ---: | ---: | ---: | --- | --- | --- |\n");
        for (Row row : rows) {
            out.append("| ").append(row.scenario())
                    .append(" | ").append(row.store())
                    .append(" | ").append(row.measure())
                    .append(" | ").append(row.unit())
                    .append(" | ").append(summary(row.ours()))
                    .append(" | ").append(summary(row.baseline()))
                    .append(" | ").append(row.ratio().map(Format::ratio).orElse(""))
                    .append(" | ").append(row.verdict().map(Verdict::target).orElse(""))
                    .append(" | ").append(row.verdict().map(MarkdownTable::outcome).orElse(""))
                    .append(" | ").append(row.note())
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String summary(Optional<Summary> summary) {
        if (summary.isEmpty()) {
            return "";
        }
        Summary s = summary.get();
        if (s.samples().size() == 1) {
            return Format.number(s.median());
        }
        return Format.number(s.min()) + " / **" + Format.number(s.median()) + "** / " + Format.number(s.max());
    }

    private static String outcome(Verdict verdict) {
        return switch (verdict.outcome()) {
            case PASS -> "pass";
            case MISS -> "**miss**";
            case NOT_RUN -> "not run";
        };
    }
}
