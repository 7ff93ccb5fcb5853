package com.lume.cli;

import io.outbox.jpa.cli.Environment;
import io.outbox.jpa.cli.Output;
import io.outbox.jpa.support.cli.CommandLineBasicsContract;

/** lume-app's --version and --help. */
class LumeCommandLineBasicsTest extends CommandLineBasicsContract {
    @Override
    protected String appName() {
        return "lume";
    }

    @Override
    protected String envPrefix() {
        return "LUME";
    }

    @Override
    protected int run(String[] args, Environment environment, Output output) {
        return Main.run(args, environment, output);
    }
}
