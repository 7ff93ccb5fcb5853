package io.outbox.cli;

import sun.misc.Signal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Starts a command in a JVM that starts fast. Most of a command's time is the JVM loading and
 * verifying the same 6,000 classes every run; a class-data-sharing archive of them maps them in
 * ready-made, and a short command needs neither the optimising compiler nor a parallel
 * collector. Those are JVM flags, and a jar cannot carry flags, so {@code java -jar app.jar ...}
 * runs again as a child with them: the first JVM only waits, and passes its exit code on.
 *
 * <p>The archive is the user's, in {@code ~/.cache/<app>-app/}, one per jar build and JVM. When
 * there is none, the command runs without it, and a training run starts in the background after
 * it: the app's {@link Training} (its demo and everyday commands, on a scratch store of its own),
 * whose loaded classes become the archive. So the archive holds what commands load, whichever
 * command came first (an archive made by a first {@code --help} held little else). The child maps
 * the archive at the address it was made for; the JDK's default of another address costs about
 * 0.15 s of relocation a run.
 *
 * <p>Nothing changes for the user: the child inherits the terminal, the environment and the
 * first JVM's own flags; Ctrl-C, SIGTERM and SIGHUP to the first reach the child as SIGTERM
 * (the app's stop request); and a child whose parent is killed halts at once, as the parent did.
 * It stays out of the way when the JVM was given a class-data archive or an archive to make, when
 * it was not started with {@code -jar}, and when {@code OUTBOX_QUICK_START=off} (or
 * {@code -Doutbox.quick-start=off}). A {@code sync} keeps the optimising compiler: it may run
 * for hours. The launcher's own path loads few classes (no streams, regexes or formatters): it is
 * paid on every command. Stateless.
 */
public final class QuickStart {
    static final String CHILD = "outbox.quick-start.parent";
    /** Set in the JVM that runs the training and writes the archive: its scratch directory. */
    static final String REHEARSAL = "outbox.quick-start.rehearsal";
    /** Set in the background JVM that starts the training and keeps its archive: the archive. */
    private static final String TRAINER = "outbox.quick-start.trainer";
    private static final String SWITCH = "outbox.quick-start";
    /** As a shell reports a process killed by SIGKILL. */
    private static final int KILLED = 137;
    private static final long PARENT_CHECK_MILLIS = 50;
    /** A training takes seconds; one that started longer ago failed or was killed, and may start again. */
    private static final long TRAINING_MILLIS = 10 * 60 * 1000L;
    private static final String SWITCH_VARIABLE = "OUTBOX_QUICK_START";
    private static final String REHEARSAL_USER = "quick-start";
    /**
     * For a command of a second on two cores: C1 only and one compiler thread (a second one took
     * CPU from the command, 9 % of its time measured here), the serial collector, and no
     * shared-memory performance file (which {@code jps} reads, and a short command need not offer).
     */
    private static final List<String> QUICK = List.of("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
            "-XX:+UseSerialGC", "-XX:-UsePerfData");
    /**
     * For {@code sync}, which may run for minutes: C1 as well, since C2 spent more CPU compiling
     * than it ever gave back (20,000 imported events drained against a stand-in API in 69 s with
     * the JVM's defaults, 32 s of it in the compilers; 27 to 35 s with C1 alone), but with the
     * performance file kept, so {@code jps} and {@code jcmd} find a long-running sync.
     */
    private static final List<String> SYNC = List.of("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
            "-XX:+UseSerialGC");
    /**
     * The heap in 2 MB pages where the kernel gives them on request: a short command touches some
     * 60 MB, and in a virtual machine each 4 KB page's first touch is costly (a command's system
     * time 0.4 s; with huge pages 16 % less wall time, one interleaved run of 12 each).
     */
    private static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";
    private static final Path HUGE_PAGES_SWITCH = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    /** A JVM that cannot map the archive runs without it, and says nothing on the command's output. */
    private static final List<String> QUIET = List.of("-Xshare:auto", "-Xlog:disable", "-Xlog:all=off");
    /** Known to these JDKs (a diagnostic flag): map the archive where it was made, without relocating it. */
    private static final List<String> IN_PLACE = List.of("-XX:+UnlockDiagnosticVMOptions",
            "-XX:ArchiveRelocationMode=0");
    private static final int IN_PLACE_FROM = 17;
    private static final int IN_PLACE_TO = 21;
    /** The classes a command loads when another process serves the store, which a training (its own server) does not. */
    private static final List<String> CLIENT_CLASSES = List.of("org/apache/derby/client/", "org/apache/derby/jdbc/Client",
            "org/apache/derby/jdbc/BasicClient");

    private QuickStart() {
    }

    /**
     * What an app's training run does, on a scratch store of its own: {@code commandLines}, each
     * run by {@code command} after {@code --data-dir SCRATCH --user quick-start}, and all of them in
     * one JVM. Their exit codes do not matter; what they load does. The demo and the everyday
     * commands load nearly every class a command needs.
     */
    public record Training(List<List<String>> commandLines, ToIntFunction<String[]> command) {
        /** Keeps an unmodifiable copy of the command lines. */
        public Training {
            commandLines = List.copyOf(commandLines);
        }

        int rehearse(Path scratch) {
            for (List<String> line : commandLines) {
                List<String> args = new ArrayList<>(List.of("--data-dir", scratch.resolve("data").toString(),
                        "--user", REHEARSAL_USER));
                args.addAll(line);
                command.applyAsInt(args.toArray(String[]::new));
            }
            loadClientClasses();
            return 0;
        }
    }

    /**
     * Runs {@code args} in a quick child JVM and returns its exit code, or empty when this JVM
     * should run the command itself (it is the child, or quick start stays out of the way).
     */
    public static OptionalInt run(String appName, String[] args) {
        String parent = System.getProperty(CHILD);
        if (parent != null) {
            haltWithParent(parent);
            return OptionalInt.empty();
        }
        String trainer = System.getProperty(TRAINER);
        if (trainer != null) {
            return OptionalInt.of(Launch.ofThisJvm().map(l -> l.train(appName, Path.of(trainer))).orElse(1));
        }
        if (System.getProperty(REHEARSAL) != null
                || "off".equalsIgnoreCase(System.getProperty(SWITCH, ""))
                || "off".equalsIgnoreCase(String.valueOf(System.getenv(SWITCH_VARIABLE)))) {
            return OptionalInt.empty();
        }
        Optional<Launch> launch = Launch.ofThisJvm();
        if (launch.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(launch.get().again(appName, args));
        } catch (IOException | RuntimeException cannot) {
            return OptionalInt.empty(); // no child: the command runs here, only slower
        }
    }

    /** The scratch directory when this JVM is a training run, whose loaded classes become the archive. */
    static Optional<Path> rehearsal() {
        return Optional.ofNullable(System.getProperty(REHEARSAL)).map(Path::of);
    }

    /** The child goes when its parent goes: a killed parent must not leave the command running. */
    private static void haltWithParent(String parentPid) {
        Optional<ProcessHandle> parent;
        try {
            parent = ProcessHandle.of(Long.parseLong(parentPid));
        } catch (NumberFormatException bad) {
            return;
        }
        if (parent.isEmpty() || !parent.get().isAlive()) {
            Runtime.getRuntime().halt(KILLED);
        }
        Thread watch = new Thread(() -> {
            try {
                while (parent.get().isAlive()) {
                    Thread.sleep(PARENT_CHECK_MILLIS); // another process: nothing here to be woken by
                }
                Runtime.getRuntime().halt(KILLED);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "outbox-quick-start-parent");
        watch.setDaemon(true);
        watch.start();
    }

    /** Whether the kernel gives transparent huge pages on request ("[always]" or "[madvise]"); else the JVM would warn. */
    public static boolean hugePages() {
        try {
            String modes = Files.readString(HUGE_PAGES_SWITCH);
            return modes.contains("[always]") || modes.contains("[madvise]");
        } catch (IOException | RuntimeException notLinux) {
            return false;
        }
    }

    /** Loads, without initialising, the Derby client driver's classes, so the archive holds them. */
    private static void loadClientClasses() {
        String jar = System.getProperty("java.class.path", "");
        ClassLoader loader = QuickStart.class.getClassLoader();
        try (JarFile file = new JarFile(jar)) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (name.endsWith(".class") && CLIENT_CLASSES.stream().anyMatch(name::startsWith)) {
                    try {
                        Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'), false,
                                loader);
                    } catch (ClassNotFoundException | LinkageError notNeeded) {
                        // a class that needs what the jar does not hold: no command loads it either
                    }
                }
            }
        } catch (IOException notAJar) {
            // nothing to add
        }
    }

    /** How this JVM was started: {@code java [flags] -jar JAR ...}. */
    private record Launch(String java, List<String> flags, Path jar) {
        static Optional<Launch> ofThisJvm() {
            ProcessHandle.Info info = ProcessHandle.current().info();
            Optional<String[]> arguments = info.arguments();
            Optional<String> command = info.command();
            if (arguments.isEmpty() || command.isEmpty()) {
                return Optional.empty();
            }
            List<String> all = Arrays.asList(arguments.get());
            int jar = all.indexOf("-jar");
            if (jar < 0 || jar + 1 >= all.size()) {
                return Optional.empty();
            }
            List<String> flags = all.subList(0, jar);
            for (String flag : flags) {
                if (flag.startsWith("-XX:SharedArchiveFile") || flag.startsWith("-XX:ArchiveClassesAtExit")
                        || flag.startsWith("-Xshare:off") || flag.startsWith("-XX:+AutoCreateSharedArchive")) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Launch(command.get(), List.copyOf(flags), Path.of(all.get(jar + 1))));
        }

        int again(String appName, String[] args) throws IOException {
            Path archive = archive(appName);
            boolean mapped = Files.isRegularFile(archive);
            List<String> line = new ArrayList<>();
            line.add(java);
            line.addAll(QUIET);
            if (mapped) {
                int feature = Runtime.version().feature();
                if (feature >= IN_PLACE_FROM && feature <= IN_PLACE_TO) {
                    line.addAll(IN_PLACE);
                }
                line.add("-XX:SharedArchiveFile=" + archive);
            }
            if (!chosenByUser()) {
                line.addAll(Arrays.asList(args).contains("sync") ? SYNC : QUICK);
                if (hugePages()) {
                    line.add(HUGE_PAGES);
                }
            }
            line.addAll(flags); // after ours: the user's own -Xlog and the like win
            line.add("-D" + CHILD + "=" + ProcessHandle.current().pid());
            line.add("-jar");
            line.add(jar.toString());
            line.addAll(Arrays.asList(args));
            Process child = new ProcessBuilder(line).inheritIO().start();
            passSignalsTo(child);
            int exit = waitFor(child);
            if (!mapped) {
                startTraining(archive);
            }
            return exit;
        }

        private boolean chosenByUser() {
            for (String flag : flags) {
                if (flag.startsWith("-XX:TieredStopAtLevel") || flag.startsWith("-XX:+Use") && flag.endsWith("GC")) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Starts the trainer in the background, unless one started within the last minutes (it runs,
         * or it failed and should not be retried by every command). The command's exit does not wait.
         */
        private void startTraining(Path archive) {
            try {
                Path started = marker(archive);
                if (Files.exists(started) && Files.getLastModifiedTime(started).toMillis()
                        > System.currentTimeMillis() - TRAINING_MILLIS) {
                    return;
                }
                Files.write(started, new byte[0]);
                List<String> line = new ArrayList<>(List.of(java));
                line.addAll(QUIET);
                line.addAll(QUICK);
                line.addAll(List.of("-D" + TRAINER + "=" + archive, "-jar", jar.toString()));
                new ProcessBuilder(line).redirectInput(ProcessBuilder.Redirect.from(devNull()))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException | RuntimeException noTraining) {
                // commands run as before, without an archive
            }
        }

        /**
         * The trainer: one at a time per archive, it runs the training with an archive to make, on a
         * scratch store, with none of the app's variables (a database URL among them); then keeps the
         * archive and drops the scratch store. Exit code 0 when the archive is there.
         */
        int train(String appName, Path archive) {
            Path started = marker(archive);
            try (FileChannel channel = FileChannel.open(lock(archive), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock held = channel.tryLock()) {
                if (held == null || Files.isRegularFile(archive)) {
                    return 0; // another trainer has it
                }
                Files.setLastModifiedTime(started, FileTime.fromMillis(System.currentTimeMillis()));
                dropStaleParts(archive.getParent());
                Path part = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".part");
                Path scratch = Files.createTempDirectory(archive.getParent(), "training-");
                try {
                    List<String> line = new ArrayList<>(List.of(java));
                    line.addAll(QUIET);
                    line.addAll(QUICK);
                    line.addAll(List.of("-XX:ArchiveClassesAtExit=" + part, "-D" + REHEARSAL + "=" + scratch, "-jar",
                            jar.toString()));
                    ProcessBuilder builder = new ProcessBuilder(line).redirectInput(ProcessBuilder.Redirect.from(devNull()))
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
                    String prefix = appName.toUpperCase(Locale.ROOT) + "_";
                    builder.environment().keySet().removeIf(k -> k.startsWith(prefix));
                    Process rehearsal = builder.start();
                    if (!rehearsal.waitFor(TRAINING_MILLIS, TimeUnit.MILLISECONDS)) {
                        rehearsal.destroyForcibly().waitFor();
                    }
                    keep(part, archive);
                } finally {
                    deleteTree(scratch);
                }
                if (Files.isRegularFile(archive)) {
                    Files.deleteIfExists(started); // done: the next failure, a new jar's, may train at once
                    return 0;
                }
                return 1;
            } catch (IOException | RuntimeException failed) {
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }

        private static Path marker(Path archive) {
            return archive.resolveSibling(archive.getFileName() + ".training");
        }

        private static Path lock(Path archive) {
            return archive.resolveSibling(archive.getFileName() + ".lock");
        }

        private static java.io.File devNull() {
            return new java.io.File("/dev/null");
        }

        /** {@code ~/.cache/<app>-app/<java version>-<jar size>-<jar time>.jsa}: one per jar build and JVM. */
        private Path archive(String appName) throws IOException {
            String cache = System.getenv("XDG_CACHE_HOME");
            Path root = cache != null && !cache.isBlank() ? Path.of(cache)
                    : Path.of(System.getProperty("user.home"), ".cache");
            Path dir = root.resolve(appName + "-app");
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(root);
                try {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } catch (java.nio.file.FileAlreadyExistsException another) {
                    // made by a command that started at the same time
                }
            }
            StringBuilder version = new StringBuilder();
            for (char c : System.getProperty("java.vm.version", "jvm").toCharArray()) {
                version.append(Character.isLetterOrDigit(c) || ".+_-".indexOf(c) >= 0 ? c : '_');
            }
            return dir.resolve(version + "-" + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis() + ".jsa");
        }

        /** Archives being made by trainings that were killed: a training makes its archive within minutes. */
        private static void dropStaleParts(Path dir) {
            long stale = System.currentTimeMillis() - TRAINING_MILLIS;
            try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".part")
                        || f.getFileName().toString().startsWith("training-")).toList()) {
                    if (Files.getLastModifiedTime(file).toMillis() < stale) {
                        deleteTree(file);
                    }
                }
            } catch (IOException ignored) {
                // only a cache
            }
        }

        private static void deleteTree(Path root) {
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        Files.deleteIfExists(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                        Files.deleteIfExists(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException ignored) {
                // a scratch store left in the user's cache; the next training drops it
            }
        }

        private static void passSignalsTo(Process child) {
            for (String name : List.of("INT", "TERM", "HUP")) {
                try {
                    // passed on as SIGTERM, which the app takes as it takes Ctrl-C; a terminal's Ctrl-C reaches both
                    Signal.handle(new Signal(name), signal -> child.destroy());
                } catch (IllegalArgumentException unsupported) {
                    // a signal this platform does not have
                }
            }
        }

        private static int waitFor(Process child) {
            while (true) {
                try {
                    return child.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    child.destroy();
                }
            }
        }

        /** The archive the training made becomes the one every later run maps; a failed one is dropped. */
        private static void keep(Path made, Path archive) {
            try {
                if (Files.isRegularFile(made) && Files.size(made) > 0) {
                    try {
                        Files.move(made, archive, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException notHere) {
                        Files.move(made, archive, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } catch (IOException ignored) {
                // the next run trains again
            } finally {
                try {
                    Files.deleteIfExists(made);
                } catch (IOException ignored) {
                    // a stray part file in the user's cache, never read
                }
            }
        }
    }
}
