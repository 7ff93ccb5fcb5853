package io.outbox.cli;

import io.outbox.event.EventStatus;
import io.outbox.event.OutboxEvent;
import io.outbox.jpa.OutboxStore;
import io.outbox.repository.EventQuery;
import io.outbox.repository.OutboxRepository;
import io.outbox.stats.OutboxStatistics;
import jakarta.inject.Inject;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code outbox stats|list|retry|cleanup|verify|purge}: what is waiting and why, for the signed-in user only. */
@Command(name = "outbox", description = "Inspect and repair this user's outbox: what is waiting to sync, and why.",
        subcommands = {OutboxCommand.Stats.class, OutboxCommand.ListEvents.class, OutboxCommand.Retry.class,
                OutboxCommand.Cleanup.class, VerifyCommand.class, PurgeCommand.class})
public final class OutboxCommand extends CommandGroup {
    /** A pending event older than this is stale, in {@code stats} and {@code list --stale} alike (docs/cli.md). */
    static final Duration STALE_AFTER = Duration.ofMinutes(5);

    /** {@code outbox stats}: counts, oldest pending, events waiting for a handler, and a verdict. */
    @Command(name = "stats", description = "Counts by status, stale and oldest pending events, events no handler"
            + " takes, and whether something needs attention.")
    public static final class Stats implements Callable<Integer> {
        private final Session session;
        private final Output output;
        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        /** The command, with the session and output it runs with. */
        @Inject
        public Stats(Session session, Output output) {
            this.session = session;
            this.output = output;
        }

        @Override
        public Integer call() {
            String user = session.user();
            Instant now = session.clock().instant();
            OutboxRepository repository = session.store().repository();
            OutboxStatistics stats = OutboxStatistics.from(
                    repository.snapshot(Optional.of(user), now.minus(STALE_AFTER)),
                    session.app().eventTypes(), now);
            Map<String, Object> extra = session.app().extraStatistics(session.store());
            if (json) {
                output.json(EventViews.statistics(stats, extra));
            } else {
                output.line(stats.summary());
                output.line("newest completed: " + stats.newestCompletedAt().map(Instant::toString).orElse("none"));
                extra.forEach((key, value) -> output.line(key.replace('_', ' ') + ": " + value));
            }
            return ExitCodes.DONE;
        }
    }

    /** {@code outbox list}: this user's events, oldest first. */
    @Command(name = "list", description = "This user's events, oldest first, with attempts and the last error.")
    public static final class ListEvents implements Callable<Integer> {
        private final Session session;
        private final Output output;
        @Option(names = "--status", paramLabel = "STATUS", description = "Only pending, processing, completed or"
                + " failed events.")
        String status;
        @Option(names = "--stale", description = "Only stale events: pending for over 5 minutes, what 'outbox stats'"
                + " counts as stale.")
        boolean stale;
        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        /** The command, with the session and output it runs with. */
        @Inject
        public ListEvents(Session session, Output output) {
            this.session = session;
            this.output = output;
        }

        @Override
        public Integer call() {
            Optional<EventStatus> wanted = Optional.ofNullable(status).map(s -> EventStatus.parse(s).orElseThrow(
                    () -> new BadInputException("--status '" + Output.shorten(s) + "' is not a status; use pending,"
                            + " processing, completed or failed")));
            if (stale && wanted.isPresent() && wanted.get() != EventStatus.PENDING) {
                throw new BadInputException("--stale lists pending events only; leave out --status or use --status"
                        + " pending");
            }
            String user = session.user();
            OutboxRepository repository = session.store().repository();
            List<OutboxEvent> events = stale
                    ? repository.findStale(Optional.of(user), session.clock().instant().minus(STALE_AFTER), Integer.MAX_VALUE)
                    : repository.find(new EventQuery(Optional.of(user), wanted, EventQuery.UNLIMITED));
            if (json) {
                List<Object> views = new ArrayList<>();
                events.forEach(e -> views.add(EventViews.event(e, session.app().metadataForDisplay(e))));
                output.json(views);
            } else if (events.isEmpty()) {
                output.line("no events");
            } else {
                events.forEach(e -> output.line(EventViews.line(e)));
            }
            return ExitCodes.DONE;
        }
    }

    /** {@code outbox retry}: failed events due now with fresh attempts, same ids. */
    @Command(name = "retry", description = "Make failed events due now with a fresh set of attempts; they keep"
            + " their ids, so the backend still sees the same Idempotency-Key.")
    public static final class Retry implements Callable<Integer> {
        private final Session session;
        private final Output output;
        @ArgGroup(multiplicity = "1")
        Which which;

        /** Either every failed event or the ones named. */
        static final class Which {
            @Option(names = "--all-failed", required = true, description = "Every failed event of this user.")
            boolean allFailed;
            @Parameters(paramLabel = "EVENT_ID", arity = "1..*", description = "Ids of failed events.")
            List<String> ids;
        }

        /** The command, with the session and output it runs with. */
        @Inject
        public Retry(Session session, Output output) {
            this.session = session;
            this.output = output;
        }

        @Override
        public Integer call() {
            String user = session.user();
            Instant now = session.clock().instant();
            OutboxRepository repository = session.store().repository();
            int retried;
            if (!which.allFailed && (which.ids == null || which.ids.isEmpty())) {
                // --all-failed=false names nothing: picocli counts the option as given
                throw new BadInputException("retry needs --all-failed or one or more EVENT_IDs; see outbox list");
            }
            if (which.allFailed) {
                retried = repository.resetAllFailed(Optional.of(user), now);
            } else {
                List<UUID> ids = failedEventsOf(repository, user, which.ids);
                retried = repository.resetForRetry(ids, now);
            }
            output.line("retried " + retried + " event" + (retried == 1 ? "" : "s"));
            return ExitCodes.DONE;
        }

        /** Every id must name a failed event of this user; otherwise nothing is retried. */
        private static List<UUID> failedEventsOf(OutboxRepository repository, String user, List<String> given) {
            List<UUID> ids = new ArrayList<>();
            for (String text : given) {
                UUID id = Ids.parse(text, "event id");
                OutboxEvent event = repository.findById(id).filter(e -> e.userId().equals(user)).orElseThrow(
                        () -> new BadInputException("no event " + id + " for user " + user + "; see outbox list"));
                if (event.status() != EventStatus.FAILED) {
                    throw new BadInputException("event " + id + " is " + event.status().wireName()
                            + ", not failed; only failed events can be retried");
                }
                ids.add(id);
            }
            return ids;
        }
    }

    /** {@code outbox cleanup}: completed events past retention, or ({@code --orphans}) events whose entry is gone. */
    @Command(name = "cleanup", description = "Delete this user's completed events older than a duration, or with"
            + " --orphans the events whose entry is not stored.")
    public static final class Cleanup implements Callable<Integer> {
        private static final Duration DEFAULT_OLDER_THAN = Duration.ofDays(7);
        private static final Instant OLDEST_CUTOFF = Instant.parse("1900-01-01T00:00:00Z");
        private final Session session;
        private final Output output;
        @Option(names = "--older-than", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "Completed for longer than this (default 7d).")
        Duration olderThan;
        @Option(names = "--orphans", description = "Instead: delete the events whose entry is stored neither live nor"
                + " as a tombstone, and that the app cannot deliver without it (see 'outbox verify').")
        boolean orphans;
        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        /** The command, with the session and output it runs with. */
        @Inject
        public Cleanup(Session session, Output output) {
            this.session = session;
            this.output = output;
        }

        @Override
        public Integer call() {
            String user = session.user();
            if (orphans && olderThan != null) {
                throw new BadInputException("--orphans and --older-than exclude each other; run 'outbox cleanup'"
                        + " once for each");
            }
            return orphans ? orphans(user) : completed(user);
        }

        private int completed(String user) {
            Duration age = olderThan == null ? DEFAULT_OLDER_THAN : olderThan;
            Instant now = session.clock().instant();
            if (age.compareTo(Duration.between(OLDEST_CUTOFF, now)) > 0) {
                // a store keeps no time before the year 1900 (Derby's TIMESTAMP starts at the year 1)
                throw new BadInputException("--older-than " + DurationConverter.format(age) + " reaches back"
                        + " before the year 1900; give a shorter duration such as 30d");
            }
            int deleted = session.store().repository().deleteCompletedBefore(now.minus(age), Optional.of(user));
            if (json) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("deleted", deleted);
                v.put("older_than", DurationConverter.format(age));
                output.json(v);
            } else {
                output.line("deleted " + deleted + " completed event" + (deleted == 1 ? "" : "s") + " older than "
                        + DurationConverter.format(age));
            }
            return ExitCodes.DONE;
        }

        private int orphans(String user) {
            OutboxStore store = session.store();
            List<OutboxVerification.Mismatch> mismatches = MismatchFinder.find(store, session.app(), user).mismatches();
            int deleted = store.repository().deleteEvents(user, OutboxVerification.deletableOrphans(mismatches));
            int processing = OutboxVerification.processingOrphans(mismatches).size();
            if (json) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("deleted", deleted);
                v.put("left_processing", processing);
                output.json(v);
            } else {
                output.line("deleted " + deleted + " orphaned event" + (deleted == 1 ? "" : "s"));
                if (processing > 0) {
                    output.line(PurgeCommand.leftProcessing(processing, "cleanup --orphans"));
                }
            }
            return processing == 0 ? ExitCodes.DONE : ExitCodes.UNDONE;
        }
    }
}
