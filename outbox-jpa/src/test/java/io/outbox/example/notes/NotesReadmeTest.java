package io.outbox.example.notes;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's "Use the library in your own app" shows the notes app's own code, which NotesServiceIT runs. */
class NotesReadmeTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path SOURCES = Path.of("src", "test", "java", "io", "outbox", "example", "notes");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void givenTheReadmeSection_whenItsJavaIsRead_thenEachBlockIsCutFromTheNotesApp() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("## Use the library in your own app");
        assertThat(start).as("the README's section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        List<String> blocks = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        while (block.find()) {
            blocks.add(unindented(block.group(1)));
        }
        String sources;
        try (Stream<Path> files = Files.list(SOURCES)) {
            sources = files.filter(f -> !f.getFileName().toString().endsWith("Test.java"))
                    .map(NotesReadmeTest::read).map(NotesReadmeTest::unindented).collect(Collectors.joining("\n"));
        }

        assertThat(blocks).hasSizeGreaterThanOrEqualTo(5).allSatisfy(code -> assertThat(sources).contains(code));
    }

    private static String unindented(String code) {
        return code.lines().map(String::strip).collect(Collectors.joining("\n"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
