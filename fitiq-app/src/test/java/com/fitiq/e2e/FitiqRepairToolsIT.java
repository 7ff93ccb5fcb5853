package com.fitiq.e2e;

import com.fitiq.cli.Main;
import io.outbox.cli.support.RepairToolsContract;

/** FitIQ's debug and repair tools on a real store: verify, repair, orphans, purge, newest completion. */
class FitiqRepairToolsIT extends RepairToolsContract {
    FitiqRepairToolsIT() {
        super(Main.LAUNCH, "FITIQ", FitiqCli.JAR);
    }

    @Override
    protected String[] add(int i) {
        return new String[]{"progress", "add", "--type", "weight", "--quantity", String.valueOf(60 + i)};
    }

    @Override
    protected String[] delete(String id) {
        return new String[]{"progress", "delete", id};
    }
}
