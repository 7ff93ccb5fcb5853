package com.fitiq.cli;

import com.fitiq.progress.usecase.AddProgressCommand;
import com.fitiq.progress.usecase.ProgressUseCases;
import com.fitiq.progress.usecase.ProgressUseCases.EntryView;
import com.fitiq.progress.usecase.UpdateProgressCommand;
import io.outbox.cli.EntryGroup;
import io.outbox.cli.InstantConverter;
import io.outbox.cli.Output;
import io.outbox.cli.Session;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code progress add|update|delete|list|import}: the user's measurements. */
@Command(name = "progress", description = "Log and change progress entries (weight kg, steps count,"
        + " heart_rate bpm, body_fat percent, height cm).",
        subcommands = {ProgressCommand.Add.class, ProgressCommand.Update.class, EntryGroup.Delete.class,
                EntryGroup.ListEntries.class, ProgressCommand.Import.class})
public final class ProgressCommand extends EntryGroup<EntryView, ProgressUseCases> {
    @Inject
    public ProgressCommand(Session session, Provider<ProgressUseCases> useCases, Output output) {
        super("entry", session, useCases::get, output);
    }

    @Override
    protected String summary(EntryView e) {
        return e.type() + " " + shown(e.quantity()) + " " + e.unit();
    }

    @Override
    protected Map<String, Object> fields(EntryView e) {
        return fields("type", e.type(), "quantity", e.quantity(), "unit", e.unit());
    }

    /** A quantity as a person writes it: {@code 8000 count}, {@code 72.5 kg}, never {@code 8000.0}. */
    static String shown(double quantity) {
        return BigDecimal.valueOf(quantity).stripTrailingZeros().toPlainString();
    }

    /** {@code progress add}. */
    @Command(name = "add", description = "Log a measurement; prints the new entry's id.")
    public static final class Add extends Subcommand<ProgressCommand> {
        @Option(names = "--type", required = true, paramLabel = "TYPE",
                description = "weight, steps, heart_rate, body_fat or height.")
        String type;
        @Option(names = "--quantity", required = true, paramLabel = "Q", description = "The measurement, e.g. 72.5.")
        String quantity;
        @Option(names = "--date", paramLabel = "D", converter = InstantConverter.class,
                description = "When it was measured, ISO-8601 (default: now).")
        Instant date;
        @Option(names = "--unit", paramLabel = "UNIT", description = "Optional; must be the type's unit (kg, count,"
                + " bpm, percent, cm).")
        String unit;

        @Override
        protected void run(ProgressCommand progress, String user) {
            progress.output().line(progress.useCases().add(new AddProgressCommand(user, type, quantity,
                    Optional.ofNullable(unit), Optional.ofNullable(date))).toString());
        }
    }

    /** {@code progress update}. */
    @Command(name = "update", description = "Change an entry's quantity and/or date.")
    public static final class Update extends Change<ProgressCommand> {
        @Option(names = "--quantity", paramLabel = "Q", description = "The new measurement.")
        String quantity;
        @Option(names = "--date", paramLabel = "D", converter = InstantConverter.class, description = "The new date.")
        Instant date;

        @Override
        protected void change(ProgressCommand progress, String user, UUID id) {
            progress.useCases().update(new UpdateProgressCommand(user, id,
                    Optional.ofNullable(quantity), Optional.ofNullable(date)));
        }
    }

    /** {@code progress import}. */
    @Command(name = "import", description = "Import a CSV file (header type,quantity,unit,date) as background work;"
            + " all or nothing.")
    public static final class Import extends Subcommand<ProgressCommand> {
        @Parameters(paramLabel = "FILE.csv", description = "UTF-8 CSV with the header type,quantity,unit,date.")
        Path file;

        @Override
        protected void run(ProgressCommand progress, String user) {
            int made = progress.useCases().importCsv(user, file);
            progress.output().line("imported " + made + " entr" + (made == 1 ? "y" : "ies"));
        }
    }
}
