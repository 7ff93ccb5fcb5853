package com.lume.cli;

import com.lume.wellness.usecase.AddJournalCommand;
import com.lume.wellness.usecase.JournalUseCases;
import com.lume.wellness.usecase.JournalUseCases.JournalView;
import com.lume.wellness.usecase.MoodLinkChange;
import com.lume.wellness.usecase.UpdateJournalCommand;
import io.outbox.cli.EntryGroup;
import io.outbox.cli.Ids;
import io.outbox.cli.InstantConverter;
import io.outbox.cli.Output;
import io.outbox.cli.Session;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code journal add|update|delete|list}: the user's private journal. */
@Command(name = "journal", description = "Write and change journal entries: a title, private content, and"
        + " optionally the mood entry they belong to.",
        subcommands = {JournalCommand.Add.class, JournalCommand.Update.class, EntryGroup.Delete.class,
                EntryGroup.ListEntries.class})
public final class JournalCommand extends EntryGroup<JournalView, JournalUseCases> {
    @Inject
    public JournalCommand(Session session, Provider<JournalUseCases> useCases, Output output) {
        super("journal entry", session, useCases::get, output);
    }

    @Override
    protected String deleteNote() {
        return "; its text is erased from this device once the backend has deleted it";
    }

    @Override
    protected String listNote() {
        return " Shows titles and contents: this is your own listing (--json gives contents in full).";
    }

    @Override
    protected String summary(JournalView e) {
        return Output.shorten(e.title()) + e.moodId().map(m -> "  (mood " + m + ")").orElse("");
    }

    @Override
    protected Optional<String> detail(JournalView e) {
        return Optional.of(Output.shorten(e.content()));
    }

    @Override
    protected Map<String, Object> fields(JournalView e) {
        return fields("title", e.title(), "content", e.content(), "mood_id", e.moodId().map(UUID::toString).orElse(null));
    }

    /** {@code journal add}. */
    @Command(name = "add", description = "Write a journal entry; prints the new entry's id.")
    public static final class Add extends Subcommand<JournalCommand> {
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

        @Override
        protected void run(JournalCommand journal, String user) {
            Optional<UUID> moodId = Optional.ofNullable(mood).map(m -> Ids.parse(m, "--mood"));
            journal.output().line(journal.useCases().add(new AddJournalCommand(user, title, content, moodId,
                    Optional.ofNullable(date))).toString());
        }
    }

    /** {@code journal update}. */
    @Command(name = "update", description = "Change a journal entry; what you give replaces what it had.")
    public static final class Update extends Change<JournalCommand> {
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

        @Override
        protected void change(JournalCommand journal, String user, UUID id) {
            journal.useCases().update(new UpdateJournalCommand(user, id, Optional.ofNullable(title),
                    Optional.ofNullable(content), linkChange(), Optional.ofNullable(date)));
        }

        /** {@code --no-mood=false} is no flag at all: the link is kept, as without it. */
        private MoodLinkChange linkChange() {
            if (link == null || (!link.noMood && link.mood == null)) {
                return MoodLinkChange.keep();
            }
            return link.noMood ? MoodLinkChange.unlink() : MoodLinkChange.link(Ids.parse(link.mood, "--mood"));
        }
    }
}
