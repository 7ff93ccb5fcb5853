package io.outbox.jpa;

import io.outbox.jpa.support.PostgresSchema;
import io.outbox.jpa.support.UseStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store drivers are optional dependencies of outbox-jpa: a service on PostgreSQL runs
 * without Derby's jars, and one on embedded Derby without PostgreSQL's. Each case runs in a JVM
 * whose class path leaves the other store's jars out.
 */
class OptionalDriversIT {
    @TempDir
    Path dir;

    @Test
    void givenNoDerbyJars_whenAServiceUsesPostgres_thenItsStoreWorks() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create("optional_drivers")) {
            assertThat(runWithout("derby", schema.url())).isEqualTo("ok 1");
        }
    }

    @Test
    void givenNoPostgresJar_whenAServiceUsesEmbeddedDerby_thenItsStoreWorks() throws Exception {
        String url = "jdbc:derby:" + dir.resolve("store") + ";create=true";

        assertThat(runWithout("postgresql", url)).isEqualTo("ok 1");
    }

    private static String runWithout(String jarPrefix, String url) throws IOException, InterruptedException {
        List<String> classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith(jarPrefix)).toList();
        assertThat(classPath).as("the class path had " + jarPrefix + " jars to leave out")
                .hasSizeLessThan(System.getProperty("java.class.path").split(File.pathSeparator).length);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dderby.stream.error.file=" + Path.of("target",
                "derby-optional-drivers.log").toAbsolutePath(),
                "-cp", classPath.stream().collect(Collectors.joining(File.pathSeparator)), UseStore.class.getName(), url)
                .redirectErrorStream(true).start();
        String said = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return said.lines().reduce((first, last) -> last).orElse(said);
    }
}
