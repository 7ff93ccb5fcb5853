package com.lume.cli;

import io.outbox.jpa.cli.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Regression: text options holding bytes that were not UTF-8 (the JVM reads them as U+FFFD) or
 * unpaired surrogates were stored and synced mangled, without a word. They are refused now,
 * naming the option and never quoting the text.
 */
class CommandLineTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"caf\uFFFD noir", "\uFFFD", "lone high \uD83D", "\uD83D at the end of \uD83D",
            "lone low \uDE00 here", "swapped \uDE00\uD83D"})
    void givenTextThatIsNotWholeUtf8_whenDecoded_thenRefusedNamingTheOptionWithoutTheText(String text) {
        assertThatThrownBy(() -> CommandLineText.decoded("--note", text)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("--note holds bytes that are not UTF-8 text")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "Grüße 😀 and 𝄞", "'; DROP TABLE mood_entry; --", "two\nlines\ttab", ""})
    void givenWholeText_whenDecoded_thenKeptAsItIs(String text) {
        assertThat(CommandLineText.decoded("--content", text)).isEqualTo(text);
    }

    @Test
    void givenNoValue_whenDecoded_thenStaysAbsent() {
        assertThat(CommandLineText.decoded("--title", null)).isNull();
    }
}
