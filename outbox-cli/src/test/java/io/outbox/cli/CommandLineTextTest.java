package io.outbox.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Arguments that were not UTF-8 on the command line are refused by option name, before anything runs. */
class CommandLineTextTest {
    @Test
    void givenReplacementCharacterInAnOptionsValue_whenChecked_thenThatOptionNamed() {
        assertThat(CommandLineText.firstMangled(new String[] {"--data-dir", "/tmp/st\uFFFDre", "progress", "list"}))
                .get().extracting(BadInputException::getMessage).asString()
                .isEqualTo("the value after '--data-dir' holds bytes that are not UTF-8 text; give it as UTF-8 (is"
                        + " the terminal's locale UTF-8?)");
        assertThat(CommandLineText.firstMangled(new String[] {"sync", "--api=http://h/\uFFFD"})).get()
                .extracting(BadInputException::getMessage).asString().startsWith("--api holds bytes");
        assertThat(CommandLineText.firstMangled(new String[] {"progress", "import", "in\uFFFD.csv"})).get()
                .extracting(BadInputException::getMessage).asString()
                .startsWith("the value after 'import' holds bytes");
    }

    @Test
    void givenUnpairedSurrogates_whenChecked_thenRefused() {
        assertThat(CommandLineText.firstMangled(new String[] {"--type", "weight\uD800"})).isPresent();
        assertThat(CommandLineText.firstMangled(new String[] {"--type", "\uDC00weight"})).isPresent();
    }

    @Test
    void givenWholeTextIncludingPairsOutsideTheBmp_whenChecked_thenAccepted() {
        assertThat(CommandLineText.firstMangled(new String[] {"--data-dir", "/tmp/caf\u00e9-\uD83D\uDE00", "progress",
                "list"})).isEmpty();
    }
}
