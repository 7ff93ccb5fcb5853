package io.outbox.tools.migration.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Calendar;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;

/**
 * Writes seeded fuzzed rows into a legacy table with the exact legacy DDL: in every column, any
 * value its SQL type allows, mixed with values close to the real ones so that many rows still
 * migrate (random strings, invalid, truncated and deeply nested JSON, huge payloads, bytes that
 * are no UTF-8, nulls where nullable, timestamps at the ends of the range, unknown types and
 * statuses, ids that are no UUID or the same UUID in another case). Not thread-safe (seeded, sequential).
 */
final class LegacyFuzz {
    static final String DDL = "CREATE TABLE %s (id CHAR(36) NOT NULL PRIMARY KEY, created_at TIMESTAMP NOT NULL,"
            + " event_type VARCHAR(64) NOT NULL, payload BLOB NOT NULL, status VARCHAR(16) NOT NULL,"
            + " retry_count INTEGER NOT NULL, last_attempt_at TIMESTAMP, completed_at TIMESTAMP,"
            + " error_message VARCHAR(2000))";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    private static final List<String> KINDS = List.of("mood", "journal", "goal", "chat.message");
    private static final List<String> OPERATIONS = List.of("created", "updated", "deleted");
    private static final List<String> STATUSES = List.of("pending", "processing", "completed", "failed");
    private static final List<String> ODD_TYPES = List.of("mood", "mood.", "mood.synced", "mood.entry.created",
            "chat.created", "sleep.created", "moodcreated", "goal.created.", "journal.create", ".created", "");
    private static final List<String> ODD_STATUSES = List.of("", "done", "complete", "archived", "pending!", "PEND",
            "null", "0", "failed\u0000");
    private static final List<String> SQLISH = List.of("'; DROP TABLE lume_outbox_v6; --", "' OR '1'='1", "\"",
            "%", "_", "\\", "NULL", "--", "/* */");
    private static final int[] RETRIES = {-1, -3, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE - 1, 4, 5,
            6, 1_000_000};
    /**
     * The first year Derby keeps, the last Julian and first Gregorian days (the store once read
     * instants before 1582-10-15 back two days off: 0001-01-01 as 0000-12-30), and other edges.
     */
    private static final Instant[] ODD_TIMES = {Instant.EPOCH, Instant.parse("0001-01-01T00:00:00Z"),
            Instant.parse("1582-10-04T23:59:59Z"), Instant.parse("1582-10-15T00:00:00Z"),
            Instant.parse("1582-10-15T00:00:00.000000001Z"), Instant.parse("1900-01-01T00:00:00Z"),
            Instant.parse("1969-12-31T23:59:59.999Z"), Instant.parse("2038-01-19T03:14:08Z"),
            Instant.parse("2024-02-29T12:00:00Z"), Instant.parse("2025-03-30T01:30:00Z"),
            Instant.parse("2025-10-26T01:30:00.123456789Z"), Instant.parse("9999-12-31T23:59:59.999999999Z")};

    /** Rows fuzzed in every column; the others keep an id, a type and a status close to real ones, so that they get far. */
    private static final int WILD_PERCENT = 45;

    private final Random random;
    private final Payloads payloads;
    private final Set<String> ids = new HashSet<>();
    private final List<UUID> uuids = new java.util.ArrayList<>();

    LegacyFuzz(Random random) {
        this.random = random;
        this.payloads = new Payloads(random);
    }

    /** Creates {@code table} and writes {@code rows} fuzzed rows, {@code huge} of them with payloads of megabytes. */
    void write(Connection c, String table, int rows, int huge) throws SQLException {
        c.setAutoCommit(false);
        try (Statement ddl = c.createStatement()) {
            ddl.execute(String.format(Locale.ROOT, DDL, table));
        }
        String insert = "INSERT INTO " + table + " (id, created_at, event_type, payload, status, retry_count,"
                + " last_attempt_at, completed_at, error_message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement s = c.prepareStatement(insert)) {
            for (int i = 0; i < rows; i++) {
                boolean wild = random.nextInt(100) < WILD_PERCENT;
                s.setString(1, id(wild));
                s.setTimestamp(2, Timestamp.from(time()), UTC);
                s.setString(3, eventType(wild));
                s.setBytes(4, i < huge ? payloads.huge() : payloads.any());
                s.setString(5, status(wild));
                s.setInt(6, random.nextInt(10) < 7 ? random.nextInt(10) : RETRIES[random.nextInt(RETRIES.length)]);
                nullableTime(s, 7);
                nullableTime(s, 8);
                if (random.nextInt(10) < 6) {
                    s.setNull(9, Types.VARCHAR);
                } else {
                    s.setString(9, random.nextInt(4) == 0 ? "" : Text.random(random, 1 + random.nextInt(2000)));
                }
                s.addBatch();
                if (i % 100 == 99 || i == rows - 1) {
                    s.executeBatch();
                    c.commit();
                }
            }
        }
        c.setAutoCommit(true);
    }

    /** Unique under CHAR comparison (trailing spaces do not count). */
    private String id(boolean wild) {
        while (true) {
            String id = candidateId(wild ? random.nextInt(100) : random.nextInt(64));
            if (ids.add(id.replaceAll(" +$", ""))) {
                return id;
            }
        }
    }

    private String candidateId(int pick) {
        if (pick < 58 || uuids.isEmpty()) {
            UUID uuid = new UUID(random.nextLong(), random.nextLong());
            uuids.add(uuid);
            return Text.casing(random, uuid.toString(), pick < 40 ? 0 : pick < 50 ? 1 : 2);
        }
        if (pick < 64) {
            return Text.casing(random, uuids.get(random.nextInt(uuids.size())).toString(), 2); // the same UUID again
        }
        if (pick < 68) {
            return uuids.get(random.nextInt(uuids.size())).toString().replace("-", "");
        }
        if (pick < 72) {
            String uuid = uuids.get(random.nextInt(uuids.size())).toString();
            return "\t" + uuid.substring(1); // a tab: no UUID, even trimmed
        }
        if (pick < 76) {
            return SQLISH.get(random.nextInt(SQLISH.size()));
        }
        return Text.random(random, random.nextInt(37));
    }

    private Instant time() {
        if (random.nextInt(4) == 0) {
            return ODD_TIMES[random.nextInt(ODD_TIMES.length)];
        }
        long seconds = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond() + random.nextInt(200_000_000);
        int nanos = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
        };
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private void nullableTime(PreparedStatement s, int index) throws SQLException {
        if (random.nextBoolean()) {
            s.setNull(index, Types.TIMESTAMP);
        } else {
            s.setTimestamp(index, Timestamp.from(time()), UTC);
        }
    }

    private String eventType(boolean wild) {
        int pick = wild ? random.nextInt(10) : 0;
        if (pick < 6) {
            String type = KINDS.get(random.nextInt(KINDS.size())) + "." + OPERATIONS.get(random.nextInt(3));
            return Text.padded(random, Text.casing(random, type, random.nextInt(3)), 64);
        }
        if (pick < 7) {
            return ODD_TYPES.get(random.nextInt(ODD_TYPES.size()));
        }
        return Text.random(random, random.nextInt(65));
    }

    private String status(boolean wild) {
        int pick = wild ? random.nextInt(10) : 0;
        if (pick < 7) {
            return Text.padded(random, Text.casing(random, STATUSES.get(random.nextInt(4)), random.nextInt(3)), 16);
        }
        if (pick < 8) {
            return ODD_STATUSES.get(random.nextInt(ODD_STATUSES.size()));
        }
        return Text.random(random, random.nextInt(17));
    }

    /** The payloads: JSON objects like the app wrote, and everything else a BLOB may hold. */
    private static final class Payloads {
        private static final List<String> USER_KEYS = List.of("user_id", "userId");
        private static final List<String> ENTITY_KEYS = List.of("id", "entry_id", "entryId", "mood_id", "moodId",
                "journal_id", "journalId", "goal_id", "goalId", "message_id", "messageId");
        private final Random random;

        Payloads(Random random) {
            this.random = random;
        }

        byte[] any() {
            int pick = random.nextInt(100);
            if (pick < 50) {
                return utf8(dressed(object().toString()));
            }
            if (pick < 58) {
                String whole = object().toString();
                return utf8(whole.substring(0, random.nextInt(whole.length()))); // truncated
            }
            if (pick < 64) {
                return utf8(List.of("[1, 2]", "42", "\"text\"", "true", "null", "[]", "{\"a\":1} trailing", "{}{}",
                        "/* c */ {}", "{'a': 1}", "{\"a\": NaN}", "{\"a\": 1,}", "{\"user_id\": \"x\"").get(random.nextInt(13)));
            }
            if (pick < 72) {
                byte[] bytes = new byte[random.nextInt(200)];
                random.nextBytes(bytes);
                return bytes;
            }
            if (pick < 78) {
                return notUtf8();
            }
            if (pick < 84) {
                // blank as JSON sees it; payloads of other Unicode spaces only are left out: the contract does not say
                return utf8(List.of("", " ", "\n\t ", "\r\n", "\uFEFF", "\uFEFF  \n").get(random.nextInt(6)));
            }
            if (pick < 88) {
                return utf8(deep(random.nextBoolean() ? 900 : 1500));
            }
            return utf8(Text.random(random, random.nextInt(300)));
        }

        byte[] huge() {
            if (random.nextBoolean()) {
                byte[] bytes = new byte[1_000_000 + random.nextInt(2_000_000)];
                random.nextBytes(bytes);
                return bytes;
            }
            ObjectNode object = object();
            object.put("note", "x".repeat(1_000_000 + random.nextInt(2_000_000)));
            return utf8(object.toString());
        }

        private ObjectNode object() {
            ObjectNode o = JSON.createObjectNode();
            int keys = random.nextInt(4);
            for (int i = 0; i < keys; i++) {
                String key = ENTITY_KEYS.get(random.nextInt(ENTITY_KEYS.size()));
                switch (random.nextInt(6)) {
                    case 0 -> o.put(key, 42);
                    case 1 -> o.putNull(key);
                    case 2 -> o.put(key, Text.random(random, 10));
                    default -> o.put(key, Text.casing(random, new UUID(random.nextLong(), random.nextLong()).toString(), random.nextInt(3)));
                }
            }
            int users = random.nextInt(10) < 8 ? 1 + random.nextInt(2) : 0;
            for (int i = 0; i < users; i++) {
                String key = USER_KEYS.get(random.nextInt(2));
                switch (random.nextInt(8)) {
                    case 0 -> o.putNull(key);
                    case 1 -> o.put(key, 7);
                    case 2 -> o.put(key, "");
                    case 3 -> o.put(key, Text.random(random, 1 + random.nextInt(70)));
                    case 4 -> o.put(key, "u".repeat(65));
                    default -> o.put(key, "user-" + random.nextInt(5) + "@lume.app");
                }
            }
            o.put("note", Text.random(random, random.nextInt(40)));
            if (random.nextInt(5) == 0) {
                o.put("valence", random.nextBoolean() ? random.nextDouble() : 1e308);
                o.putRawValue("big", new com.fasterxml.jackson.databind.util.RawValue("1" + "0".repeat(400)));
            }
            return o;
        }

        private String dressed(String json) {
            return switch (random.nextInt(8)) {
                case 0 -> "\uFEFF" + json;
                case 1 -> "  \n" + json + "\r\n ";
                case 2 -> "\uFEFF\uFEFF" + json;
                default -> json;
            };
        }

        private byte[] notUtf8() {
            byte[][] samples = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF},
                    {'{', '"', 'a', '"', ':', '"', (byte) 0xE2, (byte) 0x82, '"', '}'}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                    "{\"user_id\":\"user-1@lume.app\"}".getBytes(StandardCharsets.UTF_16LE),
                    "{\"user_id\":\"user-1@lume.app\"}".getBytes(StandardCharsets.UTF_16)};
            return samples[random.nextInt(samples.length)].clone();
        }

        private String deep(int depth) {
            return "{\"user_id\": \"deep.user\", \"a\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
        }

        private static byte[] utf8(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
