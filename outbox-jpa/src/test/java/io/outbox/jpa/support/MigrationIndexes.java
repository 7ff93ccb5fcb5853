package io.outbox.jpa.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a module's migration indexes: {@code <root>/<dialect>.index} beside each migration
 * folder names exactly the files in it, so a command's schema check (which reads the index
 * instead of listing the jar) sees every migration Flyway would run.
 */
public final class MigrationIndexes {
    private MigrationIndexes() {
    }

    /** {@code root} is the migrations' classpath root, e.g. {@code db/fitiq}, under {@code src/main/resources}. */
    public static void assertTrue(String root) throws IOException {
        Path folder = Path.of("src", "main", "resources").resolve(root);
        for (String dialect : List.of("derby", "postgresql")) {
            Path index = folder.resolve(dialect + ".index");
            assertThat(index).as("the index of %s/%s", root, dialect).isRegularFile();
            List<String> listed = Files.readAllLines(index, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            try (Stream<Path> files = Files.list(folder.resolve(dialect))) {
                assertThat(listed).as("%s lists the files of %s/%s/ (add the new migration's name)", index, root,
                        dialect).containsExactlyInAnyOrderElementsOf(files.map(f -> f.getFileName().toString()).toList());
            }
        }
    }
}
