package com.lume.cli;

import com.lume.wellness.usecase.AddJournalCommand;
import com.lume.wellness.usecase.JournalUseCases;
import com.lume.wellness.usecase.MoodLinkChange;
import com.lume.wellness.usecase.UpdateJournalCommand;
import io.outbox.cli.ExitCodes;
import io.outbox.cli.Ids;
import io.outbox.cli.InstantConverter;
import io.outbox.cli.Output;
import io.outbox.cli.Session;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import picocli.CommandLine.ArgGroup;
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
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code journal add|update|delete|list}: the user's private journal. */
@Command(name = "journal", description = "Write and change journal entries: a title, private content, and"
        + " optionally the mood entry they belong to.",
        subcommands = {JournalCommand.Add.class, JournalCommand.Update.class, JournalCommand.Delete.class,
                JournalCommand.ListEntries.class})
public final class JournalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }

    /** {@code journal add}. */
    @Command(name = "add", description = "Write a journal entry; prints the new entry's id.")
    public static final class Add implements Callable<Integer> {
        private final Session session;
        private final Provider<JournalUseCases> useCases;
        private final Output output;
        @Option(names = "--title", required = true, paramLabel = "T", description = "One line, up to 200"
                + " characters.")
        String title;
        @Option(names = "--content", required = true, paramLabel = "C", description = "The entry itself, up to"
                + " 100000 characters; private.")
        String content;
        @Option(names = "--mood", paramLabel = "MOOD_ID", description = "Link it to one of your mood entries (see"
                + " mood list). It reaches the backend after that mood entry.")
        String mood;
        @Option(names = "--date", paramLabel = "D", converter = InstantConverter.class,
                description = "When it was written, ISO-8601 such as 2025-01-31T21:00:00Z (default: now).")
        Instant date;

        @Inject
        public Add(Session session, Provider<JournalUseCases> useCases, Output output) {
            this.session = session;
            this.useCases = useCases;
            this.output = output;
        }

        @Override
        public Integer call() {
            Optional<UUID> moodId = Optional.ofNullable(mood).map(m -> Ids.parse(m, "--mood"));
            String user = session.user();
            output.line(useCases.get().add(new AddJournalCommand(user, title, content, moodId,
                    Optional.ofNullable(date))).toString());
            return ExitCodes.DONE;
        }
    }

    /** {@code journal update}. */
    @Command(name = "update", description = "Change a journal entry; what you give replaces what it had.")
    public static final class Update implements Callable<Integer> {
        private final Session session;
        private final Provider<JournalUseCases> useCases;
        @Parameters(paramLabel = "ID", description = "The entry's id (see journal list).")
        String id;
        @Option(names = "--title", paramLabel = "T", description = "The new title.")
        String title;
        @Option(names = "--content", paramLabel = "C", description = "The new content.")
        String content;
        @ArgGroup(exclusive = true)
        Link link;
        @Option(names = "--date", paramLabel = "D", converter = InstantConverter.class, description = "The new date.")
        Instant date;

        /** Link to another mood entry, or remove the link. */
        static final class Link {
            @Option(names = "--mood", paramLabel = "MOOD_ID", description = "Link it to this mood entry instead.")
            String mood;
            @Option(names = "--no-mood", description = "Remove the link to a mood entry.")
            boolean noMood;
        }

        @Inject
        public Update(Session session, Provider<JournalUseCases> useCases) {
            this.session = session;
            this.useCases = useCases;
        }

        @Override
        public Integer call() {
            UUID entry = Ids.parse(id, "journal entry id");
            String user = session.user();
            useCases.get().update(new UpdateJournalCommand(user, entry, Optional.ofNullable(title),
                    Optional.ofNullable(content), linkChange(), Optional.ofNullable(date)));
            return ExitCodes.DONE;
        }

        /** {@code --no-mood=false} is no flag at all: the link is kept, as without it. */
        private MoodLinkChange linkChange() {
            if (link == null || (!link.noMood && link.mood == null)) {
                return MoodLinkChange.keep();
            }
            return link.noMood ? MoodLinkChange.unlink() : MoodLinkChange.link(Ids.parse(link.mood, "--mood"));
        }
    }

    /** {@code journal delete}. */
    @Command(name = "delete", description = "Delete a journal entry (the backend's copy too, at the next sync);"
            + " its text is erased from this device once the backend has deleted it.")
    public static final class Delete implements Callable<Integer> {
        private final Session session;
        private final Provider<JournalUseCases> useCases;
        @Parameters(paramLabel = "ID", description = "The entry's id.")
        String id;

        @Inject
        public Delete(Session session, Provider<JournalUseCases> useCases) {
            this.session = session;
            this.useCases = useCases;
        }

        @Override
        public Integer call() {
            UUID entry = Ids.parse(id, "journal entry id");
            useCases.get().delete(session.user(), entry);
            return ExitCodes.DONE;
        }
    }

    /** {@code journal list}. */
    @Command(name = "list", description = "Your journal entries, oldest first, with their sync state (synced,"
            + " pending, failed). Shows titles and contents: this is your own listing.")
    public static final class ListEntries implements Callable<Integer> {
        private final Session session;
        private final Provider<JournalUseCases> useCases;
        private final Output output;
        @Option(names = "--json", description = "Print a JSON array, contents in full.")
        boolean json;

        @Inject
        public ListEntries(Session session, Provider<JournalUseCases> useCases, Output output) {
            this.session = session;
            this.useCases = useCases;
            this.output = output;
        }

        @Override
        public Integer call() {
            String user = session.user();
            List<JournalUseCases.JournalView> entries = useCases.get().list(user);
            if (json) {
                List<Map<String, Object>> views = new ArrayList<>();
                entries.forEach(e -> views.add(view(e)));
                output.json(views);
            } else if (entries.isEmpty()) {
                output.line("no journal entries");
            } else {
                entries.forEach(e -> output.line(e.id() + "  " + e.date() + "  " + Output.shorten(e.title())
                        + e.moodId().map(m -> "  (mood " + m + ")").orElse("") + "  " + e.syncState().wireName()
                        + System.lineSeparator() + "    " + Output.shorten(e.content())));
            }
            return ExitCodes.DONE;
        }

        private static Map<String, Object> view(JournalUseCases.JournalView e) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", e.id().toString());
            v.put("title", e.title());
            v.put("content", e.content());
            v.put("mood_id", e.moodId().map(UUID::toString).orElse(null));
            v.put("date", e.date().toString());
            v.put("backend_id", e.backendId().orElse(null));
            v.put("sync_state", e.syncState().wireName());
            return v;
        }
    }
}
