package io.outbox.tools.migration.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.outbox.event.EventStatus;
import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.event.Priority;
import io.outbox.tools.migration.legacy.LegacyRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns one legacy row into a unified event or a quarantine entry, by the mapping table of
 * docs/legacy-lume-v6.md. The result depends on the row, the fallback user and the ids the table
 * shares between rows only, never on the clock, so a run killed and run again ends with the
 * same events as one clean run. Immutable and thread-safe.
 */
public final class RowMapper {
    private final Optional<String> fallbackUser;
    private final Set<UUID> sharedIds;

    /**
     * @param fallbackUser the {@code --user} for rows whose payload names none
     * @param sharedIds    ids that several rows of the table hold (as {@code LegacyTable.sharedIds} finds them)
     */
    public RowMapper(Optional<String> fallbackUser, Collection<String> sharedIds) {
        this.fallbackUser = Objects.requireNonNull(fallbackUser, "fallbackUser");
        Set<UUID> ids = new HashSet<>();
        sharedIds.forEach(text -> Uuids.parse(text).ifPresent(ids::add));
        this.sharedIds = Set.copyOf(ids);
    }

    public Mapping map(LegacyRow row) {
        Payload payload = Payload.read(row.payload());
        List<Problem> problems = new ArrayList<>();
        Optional<UUID> id = id(row.id(), problems);
        Optional<EventKind> kind = EventKind.ofLegacyType(normalized(row.eventType()));
        Optional<Operation> operation = operation(row.eventType(), kind, problems);
        UserId user = userId(payload, problems);
        Optional<EventStatus> status = status(row.status(), problems);
        if (row.createdAt().isEmpty()) {
            problems.add(new Problem(Reason.MISSING_CREATED_AT, "created_at is NULL"));
        }
        Optional<UUID> entity = entityId(payload, kind);
        Facts facts = new Facts(payload.shape(), payload.byteOrderMark(), entity.isPresent(), user.inPayload());
        if (!problems.isEmpty()) {
            return new Mapping.Quarantine(row.id(), problems, facts);
        }
        try {
            OutboxEvent event = event(row, id.get(), kind.get(), operation.get(), entity.orElse(id.get()),
                    user.value().get(), status.get(), payload);
            return new Mapping.Migrate(row.id(), event, facts);
        } catch (IllegalArgumentException | NullPointerException refused) {
            return new Mapping.Quarantine(row.id(), List.of(new Problem(Reason.REJECTED,
                    "the unified event refused it: " + refused.getMessage())), facts);
        }
    }

    private Optional<UUID> id(String raw, List<Problem> problems) {
        Optional<UUID> id = Uuids.parse(raw);
        if (id.isEmpty()) {
            problems.add(new Problem(Reason.INVALID_ID, "id '" + shorten(raw.strip()) + "' is not a UUID"));
        } else if (sharedIds.contains(id.get())) {
            problems.add(new Problem(Reason.DUPLICATE_ID, "another row of the table holds the same id " + id.get()));
        }
        return id;
    }

    private static Optional<Operation> operation(String rawType, Optional<EventKind> kind, List<Problem> problems) {
        if (kind.isEmpty()) {
            problems.add(new Problem(Reason.UNKNOWN_EVENT_TYPE, "event type '" + shorten(rawType)
                    + "' is none of mood.*, journal.*, goal.*, chat.message.*"));
            return Optional.empty();
        }
        String suffix = normalized(rawType).substring(kind.get().legacyPrefix().length());
        Optional<Operation> operation = switch (suffix) {
            case "created" -> Optional.of(Operation.CREATE);
            case "updated" -> Optional.of(Operation.UPDATE);
            case "deleted" -> Optional.of(Operation.DELETE);
            default -> Optional.empty();
        };
        if (operation.isEmpty()) {
            problems.add(new Problem(Reason.UNKNOWN_OPERATION, "event type '" + shorten(rawType)
                    + "' ends in none of created, updated, deleted"));
        }
        return operation;
    }

    /** The user id, and whether the payload held a user id string (valid or not). */
    private record UserId(Optional<String> value, boolean inPayload) {
    }

    private UserId userId(Payload payload, List<Problem> problems) {
        Optional<String> named = payload.value("user_id", "userId")
                .filter(JsonNode::isTextual).map(JsonNode::asText).filter(text -> !text.isEmpty());
        if (named.isPresent()) {
            if (OutboxEvent.USER_ID.matcher(named.get()).matches()) {
                return new UserId(named, true);
            }
            problems.add(new Problem(Reason.INVALID_USER_ID, "the payload's user id '" + shorten(named.get())
                    + "' is not 1 to 64 of A-Za-z0-9._@-"));
            return new UserId(Optional.empty(), true);
        }
        if (fallbackUser.isEmpty()) {
            problems.add(new Problem(Reason.MISSING_USER_ID,
                    "the payload names no user (user_id / userId) and no --user was given"));
        }
        return new UserId(fallbackUser, false);
    }

    private static Optional<EventStatus> status(String raw, List<Problem> problems) {
        Optional<EventStatus> status = switch (normalized(raw)) {
            case "pending", "processing" -> Optional.of(EventStatus.PENDING);
            case "completed" -> Optional.of(EventStatus.COMPLETED);
            case "failed" -> Optional.of(EventStatus.FAILED);
            default -> Optional.empty();
        };
        if (status.isEmpty()) {
            problems.add(new Problem(Reason.UNKNOWN_STATUS, "status '" + shorten(raw)
                    + "' is none of pending, processing, completed, failed"));
        }
        return status;
    }

    /** The first UUID under id, entry_id / entryId, then the kind's own key pair (a journal's mood_id is a link). */
    private static Optional<UUID> entityId(Payload payload, Optional<EventKind> kind) {
        List<Optional<JsonNode>> candidates = new ArrayList<>();
        candidates.add(payload.value("id"));
        candidates.add(payload.value("entry_id", "entryId"));
        kind.ifPresent(k -> candidates.add(payload.value(k.snakeIdKey(), k.camelIdKey())));
        for (Optional<JsonNode> candidate : candidates) {
            Optional<UUID> uuid = candidate.filter(JsonNode::isTextual).flatMap(v -> Uuids.parse(v.asText()));
            if (uuid.isPresent()) {
                return uuid;
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private static OutboxEvent event(LegacyRow row, UUID id, EventKind kind, Operation operation, UUID entity,
                                     String user, EventStatus status, Payload payload) {
        int attempts = Math.max(0, row.retryCount());
        int maxAttempts = Math.max(OutboxEvent.DEFAULT_MAX_ATTEMPTS, attempts == Integer.MAX_VALUE ? attempts : attempts + 1);
        Instant created = row.createdAt().orElseThrow();
        Optional<Instant> nextAttempt = switch (status) {
            case PENDING -> Optional.of(created);
            case FAILED -> Optional.of(row.lastAttemptAt().orElse(created));
            default -> Optional.empty();
        };
        Optional<Instant> completed = status == EventStatus.COMPLETED
                ? Optional.of(row.completedAt().or(row::lastAttemptAt).orElse(created)) : row.completedAt();
        return new OutboxEvent(id, kind.unifiedType(), operation, entity.toString(), user, status, Priority.BACKGROUND,
                created, row.lastAttemptAt(), attempts, maxAttempts, row.errorMessage(), completed, payload.metadata(),
                operation == Operation.CREATE, nextAttempt, Optional.empty(), Optional.empty());
    }

    private static String normalized(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    /** Values named in details are cut short: a report line, not a dump. */
    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
