package com.lume.cli;

import com.lume.wellness.usecase.AddMoodCommand;
import com.lume.wellness.usecase.MoodUseCases;
import com.lume.wellness.usecase.MoodUseCases.MoodView;
import com.lume.wellness.usecase.UpdateMoodCommand;
import io.outbox.cli.BadInputException;
import io.outbox.cli.EntryGroup;
import io.outbox.cli.InstantConverter;
import io.outbox.cli.Output;
import io.outbox.cli.Session;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code mood add|update|delete|list}: how the user felt. */
@Command(name = "mood", description = "Log and change mood entries: a valence from -1 (worst) to 1 (best),"
        + " labels such as calm or tired, and an optional private note.",
        subcommands = {MoodCommand.Add.class, MoodCommand.Update.class, EntryGroup.Delete.class,
                EntryGroup.ListEntries.class})
public final class MoodCommand extends EntryGroup<MoodView, MoodUseCases> {
    @Inject
    public MoodCommand(Session session, Provider<MoodUseCases> useCases, Output output) {
        super("mood entry", session, useCases::get, output);
    }

    @Override
    protected String deleteNote() {
        return "; journal entries linked to it lose the link";
    }

    @Override
    protected String listNote() {
        return " Shows your notes: this is your own listing.";
    }

    @Override
    protected String summary(MoodView e) {
        return "valence " + e.valence() + "  " + e.labels()
                + e.note().map(n -> "  note: " + Output.shorten(n)).orElse("");
    }

    @Override
    protected Map<String, Object> fields(MoodView e) {
        return fields("valence", e.valence(), "labels", e.labels(), "note", e.note().orElse(null));
    }

    /** {@code mood add}. */
    @Command(name = "add", description = "Log a mood; prints the new entry's id.")
    public static final class Add extends Subcommand<MoodCommand> {
        @Option(names = "--valence", required = true, paramLabel = "V", description = "From -1 (worst) to 1 (best),"
                + " e.g. 0.4.")
        String valence;
        @Option(names = "--label", paramLabel = "LABEL", description = "A word for the mood (repeat for more, up to"
                + " 10; letters, digits, spaces, - _ ', up to 32 characters each).")
        List<String> labels;
        @Option(names = "--note", paramLabel = "TEXT", description = "A private note, up to 1000 characters.")
        String note;
        @Option(names = "--date", paramLabel = "D", converter = InstantConverter.class,
                description = "When you felt it, ISO-8601 such as 2025-01-31T08:00:00Z (default: now).")
        Instant date;

        @Override
        protected void run(MoodCommand mood, String user) {
            Optional<String> text = Optional.ofNullable(note);
            mood.output().line(mood.useCases().add(new AddMoodCommand(user, valence, labels == null ? List.of() : labels,
                    text, Optional.ofNullable(date))).toString());
        }
    }

    /** {@code mood update}. */
    @Command(name = "update", description = "Change a mood entry; what you give replaces what it had"
            + " (--label given replaces all labels).")
    public static final class Update extends Change<MoodCommand> {
        @Option(names = "--valence", paramLabel = "V", description = "The new valence, from -1 to 1.")
        String valence;
        @Option(names = "--label", paramLabel = "LABEL", description = "The new labels (repeat for more); they"
                + " replace all labels.")
        List<String> labels;
        @Option(names = "--no-labels", description = "Remove every label.")
        boolean noLabels;
        @Option(names = "--note", paramLabel = "TEXT", description = "The new private note.")
        String note;
        @Option(names = "--no-note", description = "Remove the note.")
        boolean noNote;
        @Option(names = "--date", paramLabel = "D", converter = InstantConverter.class, description = "The new date.")
        Instant date;

        @Override
        protected void change(MoodCommand mood, String user, UUID id) {
            if (labels != null && noLabels) {
                throw new BadInputException("--label and --no-labels exclude each other; give one of them");
            }
            Optional<List<String>> newLabels = noLabels ? Optional.of(List.of()) : Optional.ofNullable(labels);
            Optional<String> text = Optional.ofNullable(note);
            mood.useCases().update(new UpdateMoodCommand(user, id,
                    Optional.ofNullable(valence), newLabels, text, noNote,
                    Optional.ofNullable(date)));
        }
    }
}
