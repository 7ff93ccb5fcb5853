package io.outbox.tools.migration.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outbox.event.EventStatus;
import io.outbox.event.Operation;
import io.outbox.event.OutboxEvent;
import io.outbox.event.Priority;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The tests' own reading of docs/legacy-lume-v6.md and the README's readings of it, written from the
 * text, not from the mapping code: what each stored legacy row must become, an event (every
 * field) or a quarantine entry with its reason. It judges rows as JDBC returns them from the
 * table, so the database's own padding and limits are taken as they are. Stateless.
 */
final class ContractOracle {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern UUID_FORM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    /** Legacy prefix, unified type, the word of its own id keys. */
    private static final String[][] KINDS = {{"mood.", "mood_entry", "mood"}, {"journal.", "journal_entry", "journal"},
            {"goal.", "goal", "goal"}, {"chat.message.", "chat_message", "message"}};

    private ContractOracle() {
    }

    /** A legacy row as JDBC returns it (a CHAR id padded with spaces). */
    record Stored(String id, Optional<Instant> createdAt, String eventType, byte[] payload, String status, int retryCount,
                  Optional<Instant> lastAttemptAt, Optional<Instant> completedAt, Optional<String> errorMessage) {
    }

    /** What a row must become: {@code event}, or quarantine for {@code reason}; {@code fallback}: its entity id is its event id. */
    record Verdict(Stored row, Optional<OutboxEvent> event, Optional<String> reason, boolean fallback) {
        Accounting.Fate fate() {
            return event.map(e -> Accounting.Fate.migrated(row.id(), e.id()))
                    .orElseGet(() -> Accounting.Fate.quarantined(row.id(), reason.orElseThrow()));
        }
    }

    static List<Stored> read(Connection c, String table) throws SQLException {
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        List<Stored> rows = new ArrayList<>();
        String sql = "SELECT id, created_at, event_type, payload, status, retry_count, last_attempt_at, completed_at,"
                + " error_message FROM " + table + " ORDER BY id";
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                rows.add(new Stored(r.getString(1), instant(r.getTimestamp(2, utc)), r.getString(3), r.getBytes(4),
                        r.getString(5), r.getInt(6), instant(r.getTimestamp(7, utc)), instant(r.getTimestamp(8, utc)),
                        Optional.ofNullable(r.getString(9))));
            }
        }
        return rows;
    }

    static List<Verdict> judge(List<Stored> rows, Optional<String> fallbackUser) {
        Map<UUID, Integer> holders = new HashMap<>();
        rows.forEach(row -> uuid(row.id()).ifPresent(id -> holders.merge(id, 1, Integer::sum)));
        return rows.stream().map(row -> judge(row, holders, fallbackUser)).toList();
    }

    private static Verdict judge(Stored row, Map<UUID, Integer> holders, Optional<String> fallbackUser) {
        Read read = read(row, holders, fallbackUser);
        if (!read.reasons().isEmpty()) {
            return new Verdict(row, Optional.empty(), Optional.of(read.reasons().get(0)), false);
        }
        Optional<UUID> entity = entity(read.payload(), read.kind().orElseThrow()[2]);
        try {
            OutboxEvent event = event(row, read.id().orElseThrow(), read.kind().get()[1], read.operation().orElseThrow(),
                    entity.orElse(read.id().get()), read.user().orElseThrow(), read.status().orElseThrow(),
                    read.payload().metadata());
            return new Verdict(row, Optional.of(event), Optional.empty(), entity.isEmpty());
        } catch (IllegalArgumentException refused) {
            return new Verdict(row, Optional.empty(), Optional.of("rejected"), false);
        }
    }

    /** A row's columns read by the contract, and every reason found to quarantine it, in the contract's order. */
    private record Read(Optional<UUID> id, Optional<String[]> kind, Optional<Operation> operation, Decoded payload,
                        Optional<String> user, Optional<EventStatus> status, List<String> reasons) {
    }

    private static Read read(Stored row, Map<UUID, Integer> holders, Optional<String> fallbackUser) {
        List<String> reasons = new ArrayList<>();
        Optional<UUID> id = uuid(row.id());
        if (id.isEmpty()) {
            reasons.add("invalid_id");
        } else if (holders.get(id.get()) > 1) {
            reasons.add("duplicate_id");
        }
        String type = row.eventType().strip().toLowerCase(Locale.ROOT);
        Optional<String[]> kind = java.util.Arrays.stream(KINDS).filter(k -> type.startsWith(k[0])).findFirst();
        Optional<Operation> operation = kind.flatMap(k -> switch (type.substring(k[0].length())) {
            case "created" -> Optional.of(Operation.CREATE);
            case "updated" -> Optional.of(Operation.UPDATE);
            case "deleted" -> Optional.of(Operation.DELETE);
            default -> Optional.empty();
        });
        if (kind.isEmpty()) {
            reasons.add("unknown_event_type");
        } else if (operation.isEmpty()) {
            reasons.add("unknown_operation");
        }
        Decoded payload = decode(row.payload());
        Optional<String> named = payload.pair("user_id", "userId").filter(JsonNode::isTextual).map(JsonNode::asText)
                .filter(text -> !text.isEmpty());
        if (named.isPresent() && !USER.matcher(named.get()).matches()) {
            reasons.add("invalid_user_id");
        } else if (named.isEmpty() && fallbackUser.isEmpty()) {
            reasons.add("missing_user_id");
        }
        Optional<EventStatus> status = switch (row.status().strip().toLowerCase(Locale.ROOT)) {
            case "pending", "processing" -> Optional.of(EventStatus.PENDING);
            case "completed" -> Optional.of(EventStatus.COMPLETED);
            case "failed" -> Optional.of(EventStatus.FAILED);
            default -> Optional.empty();
        };
        if (status.isEmpty()) {
            reasons.add("unknown_status");
        }
        if (row.createdAt().isEmpty()) {
            reasons.add("missing_created_at");
        }
        return new Read(id, kind, operation, payload, named.or(() -> fallbackUser), status, reasons);
    }

    private static OutboxEvent event(Stored row, UUID id, String type, Operation operation, UUID entity, String user,
                                     EventStatus status, Optional<String> metadata) {
        int attempts = Math.max(0, row.retryCount());
        // retry_count + 1 does not fit an INTEGER at its maximum: the limit stays at the count (see the report)
        int maxAttempts = Math.max(OutboxEvent.DEFAULT_MAX_ATTEMPTS, attempts == Integer.MAX_VALUE ? attempts : attempts + 1);
        Instant created = row.createdAt().orElseThrow();
        Optional<Instant> next = switch (status) {
            case PENDING -> Optional.of(created);
            case FAILED -> Optional.of(row.lastAttemptAt().orElse(created));
            default -> Optional.empty();
        };
        Optional<Instant> completed = status == EventStatus.COMPLETED
                ? Optional.of(row.completedAt().or(row::lastAttemptAt).orElse(created)) : row.completedAt();
        return new OutboxEvent(id, type, operation, entity.toString(), user, status, Priority.BACKGROUND, created,
                row.lastAttemptAt(), attempts, maxAttempts, row.errorMessage(), completed, metadata,
                operation == Operation.CREATE, next, Optional.empty(), Optional.empty());
    }

    /** The first UUID under id, then entry_id / entryId, then the kind's own pair; snake_case wins where both keys exist. */
    private static Optional<UUID> entity(Decoded payload, String word) {
        for (Optional<JsonNode> value : List.of(payload.pair("id", "id"), payload.pair("entry_id", "entryId"),
                payload.pair(word + "_id", word + "Id"))) {
            Optional<UUID> uuid = value.filter(JsonNode::isTextual).flatMap(v -> uuid(v.asText()));
            if (uuid.isPresent()) {
                return uuid;
            }
        }
        return Optional.empty();
    }

    /** Spaces around trimmed (no other white space), any case, the 8-4-4-4-12 form only. */
    static Optional<UUID> uuid(String text) {
        String trimmed = text.replaceAll("^ +| +$", "");
        return UUID_FORM.matcher(trimmed).matches() ? Optional.of(UUID.fromString(trimmed)) : Optional.empty();
    }

    /** A payload read as the contract says: UTF-8 or not, a leading BOM dropped, blank, a JSON object or not. */
    private record Decoded(Optional<JsonNode> object, Optional<String> metadata) {
        /** The snake_case key's value where that key holds anything but null, else the camelCase key's. */
        Optional<JsonNode> pair(String snake, String camel) {
            Optional<JsonNode> value = object.map(o -> o.get(snake)).filter(v -> !v.isNull());
            return value.isPresent() ? value : object.map(o -> o.get(camel)).filter(v -> !v.isNull());
        }
    }

    private static Decoded decode(byte[] bytes) {
        String base64 = JSON.createObjectNode().put("legacy_payload_base64", Base64.getEncoder().encodeToString(bytes))
                .toString();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new Decoded(Optional.empty(), Optional.of(base64));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return new Decoded(Optional.empty(), Optional.empty());
        }
        try {
            JsonNode tree = JSON.readTree(text);
            if (tree != null && tree.isObject()) {
                return new Decoded(Optional.of(tree), Optional.of(text.replaceAll("^[ \\t\\r\\n]+|[ \\t\\r\\n]+$", "")));
            }
        } catch (JsonProcessingException notJson) {
            // base64, below
        }
        return new Decoded(Optional.empty(), Optional.of(base64));
    }

    private static Optional<Instant> instant(Timestamp value) {
        return value == null ? Optional.empty() : Optional.of(value.toInstant());
    }
}
