package com.lume.cli;

import io.outbox.cli.AppMain;
import io.outbox.cli.support.CommandLineBasicsContract;

/** lume-app's --version and --help. */
class LumeCommandLineBasicsTest extends CommandLineBasicsContract {
    LumeCommandLineBasicsTest() {
        super("lume", "LUME", (args, environment, output) -> AppMain.run(Main.LAUNCH, args, environment, output));
    }
}
