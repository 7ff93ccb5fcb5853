package com.fitiq.cli;

import com.fitiq.progress.usecase.AddProgressCommand;
import com.fitiq.progress.usecase.ProgressUseCases;
import com.fitiq.progress.usecase.UpdateProgressCommand;
import io.outbox.cli.ExitCodes;
import io.outbox.cli.Ids;
import io.outbox.cli.InstantConverter;
import io.outbox.cli.Output;
import io.outbox.cli.Session;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code progress add|update|delete|list|import}: the user's measurements. */
@Command(name = "progress", description = "Log and change progress entries (weight kg, steps count,"
        + " heart_rate bpm, body_fat percent, height cm).",
        subcommands = {ProgressCommand.Add.class, ProgressCommand.Update.class, ProgressCommand.Delete.class,
                ProgressCommand.ListEntries.class, ProgressCommand.Import.class})
public final class ProgressCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }

    /** {@code progress add}. */
    @Command(name = "add", description = "Log a measurement; prints the new entry's id.")
    public static final class Add implements Callable<Integer> {
        private final Session session;
        private final Provider<ProgressUseCases> useCases;
        private final Output output;
        @Option(names = "--type", required = true, paramLabel = "TYPE",
                description = "weight, steps, heart_rate, body_fat or height.")
        String type;
        @Option(names = "--quantity", required = true, paramLabel = "Q", description = "The measurement, e.g. 72.5.")
        String quantity;
        @Option(names = "--unit", paramLabel = "UNIT", description = "Optional; must be the type's unit (kg, count,"
                + " bpm, percent, cm).")
        String unit;
        @Option(names = "--date", paramLabel = "D", converter = InstantConverter.class,
                description = "When it was measured, ISO-8601 (default: now).")
        Instant date;

        @Inject
        public Add(Session session, Provider<ProgressUseCases> useCases, Output output) {
            this.session = session;
            this.useCases = useCases;
            this.output = output;
        }

        @Override
        public Integer call() {
            String user = session.user();
            output.line(useCases.get().add(new AddProgressCommand(user, type, quantity, Optional.ofNullable(unit),
                    Optional.ofNullable(date))).toString());
            return ExitCodes.DONE;
        }
    }

    /** {@code progress update}. */
    @Command(name = "update", description = "Change an entry's quantity and/or date.")
    public static final class Update implements Callable<Integer> {
        private final Session session;
        private final Provider<ProgressUseCases> useCases;
        @Parameters(paramLabel = "ID", description = "The entry's id.")
        String id;
        @Option(names = "--quantity", paramLabel = "Q", description = "The new measurement.")
        String quantity;
        @Option(names = "--date", paramLabel = "D", converter = InstantConverter.class, description = "The new date.")
        Instant date;

        @Inject
        public Update(Session session, Provider<ProgressUseCases> useCases) {
            this.session = session;
            this.useCases = useCases;
        }

        @Override
        public Integer call() {
            String user = session.user();
            useCases.get().update(new UpdateProgressCommand(user, Ids.parse(id, "entry id"),
                    Optional.ofNullable(quantity), Optional.ofNullable(date)));
            return ExitCodes.DONE;
        }
    }

    /** {@code progress delete}. */
    @Command(name = "delete", description = "Delete an entry (the backend's copy too, at the next sync).")
    public static final class Delete implements Callable<Integer> {
        private final Session session;
        private final Provider<ProgressUseCases> useCases;
        @Parameters(paramLabel = "ID", description = "The entry's id.")
        String id;

        @Inject
        public Delete(Session session, Provider<ProgressUseCases> useCases) {
            this.session = session;
            this.useCases = useCases;
        }

        @Override
        public Integer call() {
            String user = session.user();
            useCases.get().delete(user, Ids.parse(id, "entry id"));
            return ExitCodes.DONE;
        }
    }

    /** {@code progress list}. */
    @Command(name = "list", description = "This user's entries with their sync state (synced, pending, failed).")
    public static final class ListEntries implements Callable<Integer> {
        private final Session session;
        private final Provider<ProgressUseCases> useCases;
        private final Output output;
        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        @Inject
        public ListEntries(Session session, Provider<ProgressUseCases> useCases, Output output) {
            this.session = session;
            this.useCases = useCases;
            this.output = output;
        }

        @Override
        public Integer call() {
            String user = session.user();
            List<ProgressUseCases.EntryView> entries = useCases.get().list(user);
            if (json) {
                List<Map<String, Object>> views = new ArrayList<>();
                entries.forEach(e -> views.add(view(e)));
                output.json(views);
            } else if (entries.isEmpty()) {
                output.line("no entries");
            } else {
                entries.forEach(e -> output.line(e.id() + "  " + e.date() + "  " + e.type() + " " + shown(e.quantity()) + " "
                        + e.unit() + "  " + e.syncState().wireName()));
            }
            return ExitCodes.DONE;
        }

        /** A quantity as a person writes it: {@code 8000 count}, {@code 72.5 kg}, never {@code 8000.0}. */
        static String shown(double quantity) {
            return BigDecimal.valueOf(quantity).stripTrailingZeros().toPlainString();
        }

        private static Map<String, Object> view(ProgressUseCases.EntryView e) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", e.id().toString());
            v.put("type", e.type());
            v.put("quantity", e.quantity());
            v.put("unit", e.unit());
            v.put("date", e.date().toString());
            v.put("backend_id", e.backendId().orElse(null));
            v.put("sync_state", e.syncState().wireName());
            return v;
        }
    }

    /** {@code progress import}. */
    @Command(name = "import", description = "Import a CSV file (header type,quantity,unit,date) as background work;"
            + " all or nothing.")
    public static final class Import implements Callable<Integer> {
        private final Session session;
        private final Provider<ProgressUseCases> useCases;
        private final Output output;
        @Parameters(paramLabel = "FILE.csv", description = "UTF-8 CSV with the header type,quantity,unit,date.")
        Path file;

        @Inject
        public Import(Session session, Provider<ProgressUseCases> useCases, Output output) {
            this.session = session;
            this.useCases = useCases;
            this.output = output;
        }

        @Override
        public Integer call() {
            String user = session.user();
            int made = useCases.get().importCsv(user, file);
            output.line("imported " + made + " entr" + (made == 1 ? "y" : "ies"));
            return ExitCodes.DONE;
        }
    }
}
