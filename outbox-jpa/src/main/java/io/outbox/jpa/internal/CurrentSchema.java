package io.outbox.jpa.internal;

import io.outbox.jpa.Dialect;
import io.outbox.jpa.MigrationSet;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Tells, with one query per migration set and without Flyway, whether a store's schema is
 * exactly what this code migrates it to: every migration it knows applied with success and
 * none it does not know. That is the case for nearly every command, so Flyway (about a third
 * of a command's start-up) is loaded only when something is to be done or refused. Anything
 * unexpected answers "not current" and leaves the decision to Flyway. Stateless.
 */
final class CurrentSchema {
    /** Flyway's versioned SQL migration file name: {@code V2__reliable_delivery.sql}. */
    private static final Pattern SQL_MIGRATION = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__[^/]*\\.sql");
    private static final String BASELINE = "BASELINE";
    /** Beside a migration folder, out of Flyway's sight: the names in it. */
    static final String INDEX = ".index";

    private CurrentSchema() {
    }

    static boolean isCurrent(DataSource dataSource, Dialect dialect, Iterable<MigrationSet> sets) {
        Map<String, List<String>> listings = new HashMap<>(); // a fat jar's 17,000 names, read once for all sets
        try (Connection connection = dataSource.getConnection()) {
            for (MigrationSet set : sets) {
                if (!applied(connection, set).equals(known(set, dialect, listings))) {
                    return false;
                }
            }
            return true;
        } catch (SQLException | RuntimeException unreadable) {
            return false; // no history table yet, or one this check does not understand: Flyway decides
        }
    }

    /** The versions the store's history records as applied; throws when a row is not a plain success. */
    private static Set<String> applied(Connection connection, MigrationSet set) throws SQLException {
        Set<String> versions = new HashSet<>();
        boolean autoCommit = connection.getAutoCommit();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT \"version\", \"type\", \"success\" FROM \""
                     + set.historyTable() + "\"")) {
            while (rows.next()) {
                String version = rows.getString(1);
                boolean success = rows.getBoolean(3);
                if (version == null || !success) {
                    throw new IllegalStateException("a repeatable or failed migration: Flyway must look");
                }
                if (!BASELINE.equals(rows.getString(2))) {
                    versions.add(normal(version));
                }
            }
        } finally {
            if (!autoCommit) {
                connection.rollback();
            }
        }
        return versions;
    }

    /** The versions of the set's SQL migrations for this store, and of its Java migrations. */
    static Set<String> known(MigrationSet set, Dialect dialect) {
        return known(set, dialect, new HashMap<>());
    }

    private static Set<String> known(MigrationSet set, Dialect dialect, Map<String, List<String>> listings) {
        Set<String> versions = new HashSet<>();
        set.javaMigrations().forEach(m -> versions.add(normal(m.getVersion().getVersion())));
        String folder = set.root() + "/" + dialect.folder();
        try {
            Enumeration<URL> locations = CurrentSchema.class.getClassLoader().getResources(folder);
            while (locations.hasMoreElements()) {
                for (String name : names(locations.nextElement(), folder, listings)) {
                    Matcher migration = SQL_MIGRATION.matcher(name);
                    if (migration.matches()) {
                        versions.add(normal(migration.group(1)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions;
    }

    /**
     * The file names directly in a classpath folder: from its index ({@code <folder>.index}, one
     * name a line, kept true by each module's tests) when it has one; else from the jar (its
     * 15,000 entries listed once into {@code listings}, a tenth of a command's work) or the disk.
     */
    private static Set<String> names(URL location, String folder, Map<String, List<String>> listings)
            throws IOException {
        Set<String> names = new HashSet<>();
        Optional<List<String>> indexed = index(location);
        if (indexed.isPresent()) {
            names.addAll(indexed.get());
        } else if ("jar".equals(location.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) location.openConnection();
            connection.setUseCaches(true); // the JVM's own open copy of the jar, not a second read
            String jarUrl = connection.getJarFileURL().toString();
            List<String> entries = listings.get(jarUrl);
            if (entries == null) {
                entries = new ArrayList<>();
                JarFile jar = connection.getJarFile();
                for (Enumeration<JarEntry> all = jar.entries(); all.hasMoreElements(); ) {
                    entries.add(all.nextElement().getName());
                }
                listings.put(jarUrl, entries);
            }
            String prefix = folder + "/";
            for (String entry : entries) {
                if (entry.startsWith(prefix) && entry.indexOf('/', prefix.length()) < 0) {
                    names.add(entry.substring(prefix.length()));
                }
            }
        } else if ("file".equals(location.getProtocol())) {
            try (Stream<Path> files = Files.list(Path.of(location.toURI()))) {
                files.forEach(f -> names.add(f.getFileName().toString()));
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        } else {
            throw new IOException("cannot list migrations at " + location);
        }
        return names;
    }

    /** The names in the index beside the folder at {@code location}, if there is one. */
    private static Optional<List<String>> index(URL location) {
        try {
            URL index = new URL(location.toString().replaceAll("/+$", "") + INDEX);
            try (InputStream in = index.openStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return Optional.of(text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .toList());
            }
        } catch (IOException none) {
            return Optional.empty();
        }
    }

    /** {@code 1_1} and {@code 1.1} and {@code 1.1.0} are one version to Flyway. */
    private static String normal(String version) {
        String dotted = version.replace('_', '.');
        while (dotted.endsWith(".0") && dotted.length() > 2) {
            dotted = dotted.substring(0, dotted.length() - 2);
        }
        return dotted;
    }
}
