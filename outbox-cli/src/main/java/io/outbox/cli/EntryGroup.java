package io.outbox.cli;

import io.outbox.sync.SyncedUseCases;
import io.outbox.sync.SyncedView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The command of one kind of an app's synced entries ({@code progress}, {@code mood}): it holds
 * the signed-in session and the app's use cases, which its subcommands reach as their
 * {@code @ParentCommand}, and brings the {@link Delete} and {@link ListEntries} subcommands
 * every kind has. The app subclasses it with its {@code @Command} (listing its own add and
 * update beside these two) and says how an entry is shown. Not thread-safe (one per command line).
 *
 * @param <V> the listed form of an entry
 * @param <U> the app's use cases of this kind
 */
public abstract class EntryGroup<V extends SyncedView, U extends SyncedUseCases<V>> extends CommandGroup {
    private final String entryName;
    private final Session session;
    private final Supplier<U> useCases;
    private final Output output;

    /**
     * @param entryName what one entry is called in messages and help: "entry", "mood entry"
     * @param useCases  called when a subcommand runs, after the options are checked
     */
    protected EntryGroup(String entryName, Session session, Supplier<U> useCases, Output output) {
        this.entryName = entryName;
        this.session = session;
        this.useCases = useCases;
        this.output = output;
    }

    /** The signed-in user; a bad-input failure when there is none. */
    public String user() {
        return session.user();
    }

    /** The app's use cases of this kind. */
    public U useCases() {
        return useCases.get();
    }

    /** Where the subcommands print. */
    public Output output() {
        return output;
    }

    /** What one entry is called: "entry", "mood entry". */
    public String entryName() {
        return entryName;
    }

    private String entriesName() {
        String name = entryName();
        return name.endsWith("y") ? name.substring(0, name.length() - 1) + "ies" : name + "s";
    }

    /** What {@code delete --help} adds to "the backend's copy too, at the next sync" (empty by default). */
    protected String deleteNote() {
        return "";
    }

    /** What {@code list --help} adds (that it shows private text, say; empty by default). */
    protected String listNote() {
        return "";
    }

    /** The entry's own fields in a text listing, between its date and its sync state. */
    protected abstract String summary(V entry);

    /** A second line of the text listing (the start of a long text, say); none by default. */
    protected Optional<String> detail(V entry) {
        return Optional.empty();
    }

    /** The entry's own JSON fields, in order, between {@code id} and {@code date}. */
    protected abstract Map<String, Object> fields(V entry);

    /** Ordered JSON fields from key-value pairs; values may be null. */
    protected static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }

    /**
     * An app's own subcommand of a kind ({@code add}, {@code update}, {@code import}): picocli
     * gives it its kind as the parent command, and it is done (exit 0) when {@link #run} returns.
     *
     * @param <G> the app's command of this kind
     */
    public abstract static class Subcommand<G extends EntryGroup<?, ?>> implements Callable<Integer> {
        @ParentCommand
        private EntryGroup<?, ?> group;

        @Override
        @SuppressWarnings("unchecked")
        public final Integer call() {
            G kind = (G) group;
            run(kind, kind.user());
            return ExitCodes.DONE;
        }

        /**
         * The command's work on its kind for the signed-in {@code user} (with none, the command
         * stops before this); a bad-input failure ends it with exit 2 (docs/cli.md).
         */
        protected abstract void run(G kind, String user);
    }

    /**
     * A subcommand on one entry of its kind, named by its id ({@code update}, {@code delete}).
     *
     * @param <G> the app's command of this kind
     */
    public abstract static class Change<G extends EntryGroup<?, ?>> extends Subcommand<G> {
        @Parameters(paramLabel = "ID", description = "The entry's id (see ${PARENT-COMMAND-NAME} list).")
        private String id;

        @Override
        protected final void run(G kind, String user) {
            change(kind, user, Ids.parse(id, kind.entryName() + " id"));
        }

        /** The command's work on the entry {@code id} of the signed-in {@code user}. */
        protected abstract void change(G kind, String user, UUID id);
    }

    /** {@code <kind> delete ID}. */
    @Command(name = "delete", description = "Delete an entry (the backend's copy too, at the next sync).")
    public static final class Delete extends Change<EntryGroup<?, ?>> {
        @Override
        protected void change(EntryGroup<?, ?> kind, String user, UUID id) {
            kind.useCases().delete(user, id);
        }
    }

    /** {@code <kind> list [--json]}. */
    @Command(name = "list", description = "Your entries, oldest first, with their sync state (synced, pending,"
            + " failed).")
    public static final class ListEntries implements Callable<Integer> {
        @ParentCommand
        private EntryGroup<?, ?> group;
        @Option(names = "--json", description = "Print a JSON array.")
        private boolean json;

        @Override
        public Integer call() {
            list(group);
            return ExitCodes.DONE;
        }

        private <V extends SyncedView> void list(EntryGroup<V, ?> kind) {
            List<V> entries = kind.useCases().list(kind.user());
            if (json) {
                List<Map<String, Object>> views = new ArrayList<>();
                entries.forEach(e -> views.add(kind.json(e)));
                kind.output().json(views);
            } else if (entries.isEmpty()) {
                kind.output().line("no " + kind.entriesName());
            } else {
                entries.forEach(e -> kind.output().line(e.id() + "  " + e.date() + "  " + kind.summary(e) + "  "
                        + e.syncState().wireName() + kind.detail(e).map(d -> System.lineSeparator() + "    " + d)
                        .orElse("")));
            }
        }
    }

    private Map<String, Object> json(V e) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", e.id().toString());
        view.putAll(fields(e));
        view.put("date", e.date().toString());
        view.put("backend_id", e.backendId().orElse(null));
        view.put("sync_state", e.syncState().wireName());
        return view;
    }

    /** Adds this kind's notes to its delete and list help; the runner calls it once the tree is built. */
    void describe(CommandSpec groupSpec) {
        String article = "aeiou".indexOf(entryName().charAt(0)) >= 0 ? "an " : "a ";
        describe(groupSpec, "delete", "Delete " + article + entryName() + " (the backend's copy too, at the next"
                + " sync)" + deleteNote() + ".");
        describe(groupSpec, "list", "Your " + entriesName() + ", oldest first, with their sync state (synced,"
                + " pending, failed)." + listNote());
    }

    private static void describe(CommandSpec groupSpec, String name, String description) {
        Optional.ofNullable(groupSpec.subcommands().get(name))
                .ifPresent(sub -> sub.getCommandSpec().usageMessage().description(description));
    }
}
