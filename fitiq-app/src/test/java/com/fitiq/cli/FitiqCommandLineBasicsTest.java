package com.fitiq.cli;

import io.outbox.cli.AppMain;
import io.outbox.cli.support.CommandLineBasicsContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** fitiq-app's --version and --help, and how a quantity is shown. */
class FitiqCommandLineBasicsTest extends CommandLineBasicsContract {
    FitiqCommandLineBasicsTest() {
        super("fitiq", "FITIQ", (args, environment, output) -> AppMain.run(Main.LAUNCH, args, environment, output));
    }

    @Test
    void givenWholeOrFractionalQuantity_whenShown_thenWrittenAsAPersonWouldWriteIt() {
        assertThat(ProgressCommand.shown(8000.0)).isEqualTo("8000");
        assertThat(ProgressCommand.shown(72.5)).isEqualTo("72.5");
        assertThat(ProgressCommand.shown(0.0)).isEqualTo("0");
        assertThat(ProgressCommand.shown(1.0E8)).isEqualTo("100000000");
        assertThat(ProgressCommand.shown(0.000001)).isEqualTo("0.000001");
    }
}
