package io.outbox.jpa.cli;

import sun.misc.Signal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Starts a command in a JVM that starts fast. Most of a command's time is the JVM loading and
 * verifying the same 6,000 classes every run; a class-data-sharing archive of them (made by the
 * first run, kept in the user's cache) maps them in ready-made, and a short command needs
 * neither the optimising compiler nor a parallel collector. Those are JVM flags, and a jar
 * cannot carry flags, so {@code java -jar app.jar ...} runs again as a child with them: the
 * first JVM only waits, and passes its exit code on.
 *
 * <p>Nothing changes for the user: the child inherits the terminal, the environment and the
 * first JVM's own flags; Ctrl-C, SIGTERM and SIGHUP to the first reach the child as SIGTERM
 * (the app's stop request); and a child whose parent is killed halts at once, as the parent did. It
 * stays out of the way when the JVM was given a class-data archive or an archive to make, when
 * it was not started with {@code -jar}, and when {@code OUTBOX_QUICK_START=off} (or
 * {@code -Doutbox.quick-start=off}). A {@code sync} keeps the optimising compiler: it may run
 * for hours. Stateless.
 */
public final class QuickStart {
    static final String CHILD = "outbox.quick-start.parent";
    private static final String SWITCH = "outbox.quick-start";
    /** As a shell reports a process killed by SIGKILL. */
    private static final int KILLED = 137;
    private static final long PARENT_CHECK_MILLIS = 50;
    private static final long STALE_PART_MILLIS = 10 * 60 * 1000L;
    private static final String SWITCH_VARIABLE = "OUTBOX_QUICK_START";
    private static final List<String> QUICK = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    /** A JVM that cannot map the archive runs without it, and says nothing on the command's output. */
    private static final List<String> QUIET = List.of("-Xshare:auto", "-Xlog:disable", "-Xlog:all=off");

    private QuickStart() {
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
        if ("off".equalsIgnoreCase(System.getProperty(SWITCH, ""))
                || "off".equalsIgnoreCase(System.getenv().getOrDefault(SWITCH_VARIABLE, ""))) {
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
            boolean chosen = flags.stream().anyMatch(f -> f.startsWith("-XX:SharedArchiveFile")
                    || f.startsWith("-XX:ArchiveClassesAtExit") || f.startsWith("-Xshare:off")
                    || f.startsWith("-XX:+AutoCreateSharedArchive"));
            return chosen ? Optional.empty()
                    : Optional.of(new Launch(command.get(), List.copyOf(flags), Path.of(all.get(jar + 1))));
        }

        int again(String appName, String[] args) throws IOException {
            Path archive = archive(appName);
            boolean make = !Files.isRegularFile(archive);
            Path making = archive.resolveSibling(archive.getFileName() + "." + UUID.randomUUID() + ".part");
            List<String> line = new ArrayList<>();
            line.add(java);
            line.addAll(QUIET);
            line.add(make ? "-XX:ArchiveClassesAtExit=" + making : "-XX:SharedArchiveFile=" + archive);
            boolean ownChoice = flags.stream().anyMatch(f -> f.startsWith("-XX:TieredStopAtLevel")
                    || f.matches("-XX:[+]Use[A-Za-z]*GC"));
            if (!ownChoice && !Arrays.asList(args).contains("sync")) {
                line.addAll(QUICK);
            }
            line.addAll(flags); // after ours: the user's own -Xlog and the like win
            line.add("-D" + CHILD + "=" + ProcessHandle.current().pid());
            line.add("-jar");
            line.add(jar.toString());
            line.addAll(Arrays.asList(args));
            Process child = new ProcessBuilder(line).inheritIO().start();
            passSignalsTo(child);
            int exit = waitFor(child);
            if (make) {
                keep(making, archive);
            }
            return exit;
        }

        /** {@code ~/.cache/<app>/<java version>-<jar size>-<jar time>.jsa}: one per jar build and JVM. */
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
            dropStaleParts(dir);
            String version = System.getProperty("java.vm.version", "jvm").replaceAll("[^A-Za-z0-9.+_-]", "_");
            return dir.resolve(String.format(Locale.ROOT, "%s-%d-%d.jsa", version, Files.size(jar),
                    Files.getLastModifiedTime(jar).toMillis()));
        }

        /** Archives being made by runs that were killed: a run makes its archive within seconds. */
        private static void dropStaleParts(Path dir) {
            long stale = System.currentTimeMillis() - STALE_PART_MILLIS;
            try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".part")).toList()) {
                    if (Files.getLastModifiedTime(file).toMillis() < stale) {
                        Files.deleteIfExists(file);
                    }
                }
            } catch (IOException ignored) {
                // only a cache
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

        /** The archive the first run made becomes the one every later run maps; a failed one is dropped. */
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
                // the next run makes it again
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
