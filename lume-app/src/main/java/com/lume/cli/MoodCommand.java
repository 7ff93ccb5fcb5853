package com.lume.cli;

import com.lume.wellness.usecase.AddMoodCommand;
import com.lume.wellness.usecase.MoodUseCases;
import com.lume.wellness.usecase.UpdateMoodCommand;
import io.outbox.cli.BadInputException;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code mood add|update|delete|list}: how the user felt. */
@Command(name = "mood", description = "Log and change mood entries: a valence from -1 (worst) to 1 (best),"
        + " labels such as calm or tired, and an optional private note.",
        subcommands = {MoodCommand.Add.class, MoodCommand.Update.class, MoodCommand.Delete.class,
                MoodCommand.ListEntries.class})
public final class MoodCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }

    /** {@code mood add}. */
    @Command(name = "add", description = "Log a mood; prints the new entry's id.")
    public static final class Add implements Callable<Integer> {
        private final Session session;
        private final Provider<MoodUseCases> useCases;
        private final Output output;
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

        @Inject
        public Add(Session session, Provider<MoodUseCases> useCases, Output output) {
            this.session = session;
            this.useCases = useCases;
            this.output = output;
        }

        @Override
        public Integer call() {
            String user = session.user();
            Optional<String> text = Optional.ofNullable(note);
            output.line(useCases.get().add(new AddMoodCommand(user, valence, labels == null ? List.of() : labels,
                    text, Optional.ofNullable(date))).toString());
            return ExitCodes.DONE;
        }
    }

    /** {@code mood update}. */
    @Command(name = "update", description = "Change a mood entry; what you give replaces what it had"
            + " (--label given replaces all labels).")
    public static final class Update implements Callable<Integer> {
        private final Session session;
        private final Provider<MoodUseCases> useCases;
        @Parameters(paramLabel = "ID", description = "The entry's id (see mood list).")
        String id;
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

        @Inject
        public Update(Session session, Provider<MoodUseCases> useCases) {
            this.session = session;
            this.useCases = useCases;
        }

        @Override
        public Integer call() {
            if (labels != null && noLabels) {
                throw new BadInputException("--label and --no-labels exclude each other; give one of them");
            }
            String user = session.user();
            Optional<List<String>> newLabels = noLabels ? Optional.of(List.of()) : Optional.ofNullable(labels);
            Optional<String> text = Optional.ofNullable(note);
            useCases.get().update(new UpdateMoodCommand(user, Ids.parse(id, "mood entry id"),
                    Optional.ofNullable(valence), newLabels, text, noNote,
                    Optional.ofNullable(date)));
            return ExitCodes.DONE;
        }
    }

    /** {@code mood delete}. */
    @Command(name = "delete", description = "Delete a mood entry (the backend's copy too, at the next sync);"
            + " journal entries linked to it lose the link.")
    public static final class Delete implements Callable<Integer> {
        private final Session session;
        private final Provider<MoodUseCases> useCases;
        @Parameters(paramLabel = "ID", description = "The entry's id.")
        String id;

        @Inject
        public Delete(Session session, Provider<MoodUseCases> useCases) {
            this.session = session;
            this.useCases = useCases;
        }

        @Override
        public Integer call() {
            String user = session.user();
            useCases.get().delete(user, Ids.parse(id, "mood entry id"));
            return ExitCodes.DONE;
        }
    }

    /** {@code mood list}. */
    @Command(name = "list", description = "Your mood entries, oldest first, with their sync state (synced,"
            + " pending, failed). Shows your notes: this is your own listing.")
    public static final class ListEntries implements Callable<Integer> {
        private final Session session;
        private final Provider<MoodUseCases> useCases;
        private final Output output;
        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        @Inject
        public ListEntries(Session session, Provider<MoodUseCases> useCases, Output output) {
            this.session = session;
            this.useCases = useCases;
            this.output = output;
        }

        @Override
        public Integer call() {
            String user = session.user();
            List<MoodUseCases.MoodView> entries = useCases.get().list(user);
            if (json) {
                List<Map<String, Object>> views = new ArrayList<>();
                entries.forEach(e -> views.add(view(e)));
                output.json(views);
            } else if (entries.isEmpty()) {
                output.line("no mood entries");
            } else {
                entries.forEach(e -> output.line(e.id() + "  " + e.date() + "  valence " + e.valence() + "  "
                        + e.labels() + e.note().map(n -> "  note: " + Output.shorten(n)).orElse("") + "  "
                        + e.syncState().wireName()));
            }
            return ExitCodes.DONE;
        }

        private static Map<String, Object> view(MoodUseCases.MoodView e) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", e.id().toString());
            v.put("valence", e.valence());
            v.put("labels", e.labels());
            v.put("note", e.note().orElse(null));
            v.put("date", e.date().toString());
            v.put("backend_id", e.backendId().orElse(null));
            v.put("sync_state", e.syncState().wireName());
            return v;
        }
    }
}
