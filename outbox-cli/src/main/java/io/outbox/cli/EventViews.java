package io.outbox.cli;

import io.outbox.event.OutboxEvent;
import io.outbox.stats.HealthThresholds;
import io.outbox.stats.OutboxHealth;
import io.outbox.stats.OutboxStatistics;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Events and statistics as the JSON objects of docs/cli.md (snake_case keys, absent values as null). Stateless. */
public final class EventViews {
    private EventViews() {
    }

    /** An event as {@code outbox list --json} prints it (docs/cli.md), with the app's display of its metadata. */
    public static Map<String, Object> event(OutboxEvent e, Optional<Map<String, Object>> metadata) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", e.id().toString());
        v.put("event_type", e.eventType());
        v.put("operation", e.operation().wireName());
        v.put("entity_id", e.entityId());
        v.put("user_id", e.userId());
        v.put("status", e.status().wireName());
        v.put("failed_for_good", e.isFailedForGood());
        v.put("priority", e.priority());
        v.put("created_at", time(Optional.of(e.createdAt())));
        v.put("last_attempt_at", time(e.lastAttemptAt()));
        v.put("next_attempt_at", time(e.nextAttemptAt()));
        v.put("attempt_count", e.attemptCount());
        v.put("max_attempts", e.maxAttempts());
        v.put("error_message", e.errorMessage().orElse(null));
        v.put("completed_at", time(e.completedAt()));
        v.put("is_new_record", e.newRecord());
        v.put("metadata", metadata.orElse(null));
        v.put("waits_for", e.waitsFor().map(Object::toString).orElse(null));
        return v;
    }

    /** The statistics as {@code outbox stats --json} prints them, with the app's extra keys. */
    public static Map<String, Object> statistics(OutboxStatistics s, Map<String, Object> extra) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("total", s.total());
        v.put("pending", s.pending());
        v.put("processing", s.processing());
        v.put("completed", s.completed());
        v.put("failed", s.failed());
        v.put("failed_for_good", s.failedForGood());
        v.put("stale", s.stale());
        v.put("success_rate", s.successRate().isPresent() ? s.successRate().getAsDouble() : null);
        v.put("oldest_pending", time(s.oldestPendingAt()));
        v.put("newest_completed_at", time(s.newestCompletedAt()));
        v.put("waiting_for_handler", s.waitingForHandler());
        v.put("blocked_by_failure", s.blockedByFailure());
        v.put("has_issues", s.hasIssues());
        OutboxHealth health = OutboxHealth.of(s, HealthThresholds.production());
        v.put("healthy", health.healthy());
        v.put("health_reasons", health.reasons());
        v.put("summary", s.summary());
        v.putAll(extra);
        return v;
    }

    /** One line per event for people: id, status, what, attempts, and why it waits. */
    public static String line(OutboxEvent e) {
        String state = e.isFailedForGood() ? "failed for good" : e.status().wireName();
        // a waiting event's next attempt time is only a recheck: what it waits for says more
        String next = e.waitsFor().filter(w -> e.status() == io.outbox.event.EventStatus.PENDING)
                .map(w -> " waits for " + w)
                .orElseGet(() -> e.nextAttemptAt().filter(t -> e.status() != io.outbox.event.EventStatus.COMPLETED)
                        .map(t -> " next " + t).orElse(""));
        return e.id() + "  " + state + "  " + e.eventType() + " " + e.operation().wireName() + " " + e.entityId()
                + "  attempts " + e.attemptCount() + "/" + e.maxAttempts() + next
                + e.errorMessage().map(m -> "  (" + m + ")").orElse("");
    }

    private static String time(Optional<Instant> t) {
        return t.map(Instant::toString).orElse(null);
    }
}
