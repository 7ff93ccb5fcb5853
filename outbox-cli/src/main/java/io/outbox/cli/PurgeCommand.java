package io.outbox.cli;

import io.outbox.event.EventStatus;
import io.outbox.repository.EventQuery;
import io.outbox.repository.OutboxRepository;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code outbox purge --yes}: deletes every event of the signed-in user, delivered or not, and
 * nobody else's. A processing event is left (a sync may be sending it) and named, with exit 1.
 * Confined to the command's thread.
 */
@Command(name = "purge", description = "Delete every event of this user but those a sync is sending, after --yes;"
        + " changes not yet synced then never reach the backend.")
public final class PurgeCommand implements Callable<Integer> {
    private final Session session;
    private final Output output;
    @Option(names = "--yes", description = "Confirm: this user's events are deleted for good.")
    boolean yes;
    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    /** The command, with the session and output it runs with. */
    @Inject
    public PurgeCommand(Session session, Output output) {
        this.session = session;
        this.output = output;
    }

    @Override
    public Integer call() {
        String user = session.user();
        if (!yes) {
            throw new BadInputException("purge deletes every event of user " + user + ", delivered or not, and"
                    + " cannot be undone; add --yes to go ahead");
        }
        OutboxRepository repository = session.store().repository();
        int deleted = repository.deleteAllEvents(user);
        int processing = repository.find(new EventQuery(Optional.of(user), Optional.of(EventStatus.PROCESSING),
                EventQuery.UNLIMITED)).size();
        if (json) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("user_id", user);
            v.put("deleted", deleted);
            v.put("left_processing", processing);
            output.json(v);
        } else {
            output.line("deleted " + deleted + " event" + (deleted == 1 ? "" : "s") + " of user " + user);
            if (processing > 0) {
                output.line(leftProcessing(processing, "purge"));
            }
        }
        return processing == 0 ? ExitCodes.DONE : ExitCodes.UNDONE;
    }

    /** Why processing events were left, and what to do; {@code command} is the one to run again. */
    static String leftProcessing(int processing, String command) {
        return "left " + processing + " processing event" + (processing == 1 ? "" : "s") + ": a sync is sending"
                + (processing == 1 ? " it" : " them") + ", or was stopped while it did (the next sync takes such"
                + " events back); run 'outbox " + command + "' again once no sync holds them";
    }
}
