package io.outbox.tools.migration.mapping;

import java.util.Optional;

/** The four kinds of legacy entity: the legacy type prefix, the unified event type, and the word in their id keys. Immutable. */
public enum EventKind {
    MOOD("mood.", "mood_entry", "mood"),
    JOURNAL("journal.", "journal_entry", "journal"),
    GOAL("goal.", "goal", "goal"),
    CHAT_MESSAGE("chat.message.", "chat_message", "message");

    private final String legacyPrefix;
    private final String unifiedType;
    private final String idWord;

    EventKind(String legacyPrefix, String unifiedType, String idWord) {
        this.legacyPrefix = legacyPrefix;
        this.unifiedType = unifiedType;
        this.idWord = idWord;
    }

    /** The kind whose prefix {@code normalizedType} (trimmed, lower case) starts with. */
    public static Optional<EventKind> ofLegacyType(String normalizedType) {
        for (EventKind kind : values()) {
            if (normalizedType.startsWith(kind.legacyPrefix)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public String legacyPrefix() {
        return legacyPrefix;
    }

    public String unifiedType() {
        return unifiedType;
    }

    /** {@code mood_id}, {@code journal_id}, {@code goal_id}, {@code message_id}. */
    public String snakeIdKey() {
        return idWord + "_id";
    }

    /** {@code moodId}, {@code journalId}, {@code goalId}, {@code messageId}. */
    public String camelIdKey() {
        return idWord + "Id";
    }
}
