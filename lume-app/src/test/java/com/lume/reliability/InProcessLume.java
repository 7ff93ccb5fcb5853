package com.lume.reliability;

import com.fasterxml.jackson.core.type.TypeReference;
import com.lume.cli.Main;
import com.lume.support.DerbyStore;
import com.lume.support.LumeJar;
import com.lume.wellness.usecase.JournalUseCases;
import com.lume.wellness.usecase.MoodUseCases;
import io.outbox.cli.AppMain;
import io.outbox.cli.Environment;
import io.outbox.cli.GlobalOptions;
import io.outbox.cli.LookupFactory;
import io.outbox.cli.Output;
import io.outbox.cli.Session;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lume's own code in the test JVM, on a data directory: to write a campaign's starting entries
 * quickly (through the use cases, so each has its outbox event as the app makes it) and to read
 * listings between jar runs. The store is released after each use. One use at a time.
 */
final class InProcessLume {
    private InProcessLume() {
    }

    /** The use cases of a session on {@code dataDir}, their events stamped by {@code clock}. */
    static synchronized void write(Path dataDir, Clock clock, BiConsumer<MoodUseCases, JournalUseCases> work) {
        DerbyStore.keepLogInTarget();
        Output quiet = new Output(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        LookupFactory injector = Main.LAUNCH.graph(new Environment(Map.of()), quiet, clock);
        injector.get(GlobalOptions.class).useDataDir(dataDir);
        try (Session session = injector.get(Session.class)) {
            session.store();
            work.accept(injector.get(MoodUseCases.class), injector.get(JournalUseCases.class));
        }
    }

    /** What {@code args} print on stdout for {@code user}; the command must succeed. */
    static synchronized String run(Path dataDir, String user, String... args) {
        DerbyStore.keepLogInTarget();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        int code = AppMain.run(Main.LAUNCH, all.toArray(new String[0]), new Environment(Map.of("LUME_USER", user)),
                new Output(new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertThat(code).as("in-process %s: %s", String.join(" ", args), err.toString(StandardCharsets.UTF_8))
                .isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    static List<Map<String, Object>> array(Path dataDir, String user, String... args) {
        return LumeJar.parse(run(dataDir, user, args), new TypeReference<>() {
        });
    }

    static Map<String, Object> object(Path dataDir, String user, String... args) {
        return LumeJar.parse(run(dataDir, user, args), new TypeReference<>() {
        });
    }
}
