package com.lume.wellness;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalEntryTest {
    private static final Instant T = Instant.parse("2025-01-31T21:00:00Z");

    private static JournalEntry journal(String title, String content) {
        return new JournalEntry(UUID.randomUUID(), "alice", title, content, Optional.empty(), T, Optional.empty(),
                false);
    }

    @Test
    void givenTitleAndMultiLineContent_whenMade_thenKept() {
        JournalEntry entry = journal("Evening", "Line one\nLine two\n\tindented");
        assertThat(entry.title()).isEqualTo("Evening");
        assertThat(entry.content()).contains("Line two");
    }

    @Test
    void givenBlankTitleOrContent_whenMade_thenRejectedNamingTheOption() {
        assertThatThrownBy(() -> journal(" ", "text")).isInstanceOf(InvalidEntryException.class)
                .hasMessage("--title must not be blank");
        assertThatThrownBy(() -> journal("title", "")).isInstanceOf(InvalidEntryException.class)
                .hasMessage("--content must not be blank");
    }

    @Test
    void givenTitleOnTwoLines_whenMade_thenRejectedWithoutQuotingIt() {
        assertThatThrownBy(() -> journal("secret\ntitle", "text")).isInstanceOf(InvalidEntryException.class)
                .hasMessageContaining("--title must be one line").message().doesNotContain("secret");
    }

    @Test
    void givenTooLongTitleOrContent_whenMade_thenRejectedSayingTheLimitButNotTheText() {
        assertThatThrownBy(() -> journal("secret".repeat(40), "text")).isInstanceOf(InvalidEntryException.class)
                .hasMessageContaining("at most 200").message().doesNotContain("secret");
        assertThatThrownBy(() -> journal("title", "secret".repeat(20_000))).isInstanceOf(InvalidEntryException.class)
                .hasMessageContaining("at most 100000").message().doesNotContain("secret");
    }

    @Test
    void givenContentWithControlCharacter_whenMade_thenRejected() {
        assertThatThrownBy(() -> journal("title", "bell\u0007")).isInstanceOf(InvalidEntryException.class)
                .hasMessageContaining("--content must not hold control characters");
    }

    @Test
    void givenErasedTombstone_whenMade_thenAcceptedAndPrintedWithoutText() {
        JournalEntry tombstone = journal("secret title", "secret content").asDeleted().withTitle("").withContent("");
        assertThat(tombstone.deleted()).isTrue();
        assertThat(journal("secret title", "secret content").toString()).doesNotContain("secret");
    }
}
