package com.fitiq.reliability;

import com.fitiq.cli.Main;
import com.fitiq.progress.usecase.AddProgressCommand;
import com.fitiq.progress.usecase.ProgressUseCases;
import com.fitiq.progress.usecase.UpdateProgressCommand;
import io.outbox.cli.Environment;
import io.outbox.cli.GlobalOptions;
import io.outbox.cli.LookupFactory;
import io.outbox.cli.Output;
import io.outbox.cli.Session;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * The quick way to seed a store on disk: FitIQ's own wiring and use cases in the test's JVM, the
 * same writes (entry and event in one transaction) as the jar's {@code progress} commands, without
 * a JVM start per change. Opens the store on first use; {@link #close()} shuts it down so a jar
 * process can open it. Confined to one thread.
 */
final class LocalWrites implements AutoCloseable {
    private static final List<String[]> TYPES = List.of(new String[] {"weight", "40", "150", "1"},
            new String[] {"steps", "0", "30000", "0"}, new String[] {"heart_rate", "40", "190", "0"},
            new String[] {"body_fat", "5", "50", "1"}, new String[] {"height", "120", "210", "1"});

    private final Session session;
    private final ProgressUseCases useCases;

    private LocalWrites(Session session, ProgressUseCases useCases) {
        this.session = session;
        this.useCases = useCases;
    }

    static LocalWrites open(Path dataDir) {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        LookupFactory injector = Main.LAUNCH.graph(new Environment(Map.of()),
                new Output(discard, discard), Clock.systemUTC());
        injector.get(GlobalOptions.class).useDataDir(dataDir);
        return new LocalWrites(injector.get(Session.class), injector.get(ProgressUseCases.class));
    }

    /** A user's own entry of a random type, quantity and date; returns its id. */
    UUID addRandom(String user, Random random) {
        String[] type = TYPES.get(random.nextInt(TYPES.size()));
        return useCases.add(new AddProgressCommand(user, type[0], quantity(type, random), Optional.empty(),
                Optional.of(randomDate(random))));
    }

    /** A new random quantity of the entry's type (its type kept, so the quantity stays in range). */
    void updateRandom(String user, UUID id, String typeName, Random random) {
        String[] type = TYPES.stream().filter(t -> t[0].equals(typeName)).findFirst().orElseThrow();
        useCases.update(new UpdateProgressCommand(user, id, Optional.of(quantity(type, random)),
                random.nextBoolean() ? Optional.of(randomDate(random)) : Optional.empty()));
    }

    void delete(String user, UUID id) {
        useCases.delete(user, id);
    }

    private static String quantity(String[] type, Random random) {
        int min = Integer.parseInt(type[1]);
        int whole = min + random.nextInt(Integer.parseInt(type[2]) - min);
        return type[3].equals("1") ? whole + "." + random.nextInt(10) : String.valueOf(whole);
    }

    private static Instant randomDate(Random random) {
        return Instant.parse("2025-01-01T00:00:00Z").plusSeconds(random.nextInt(365 * 24 * 3600))
                .plusMillis(random.nextInt(1000));
    }

    @Override
    public void close() {
        session.close();
    }
}
