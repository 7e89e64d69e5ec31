package org.locker.core.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The storage names of discussions are spelled in DiscussionModel only. Skipped without the sources. */
class DiscussionModelTest {

    private static final Path SOURCES = Path.of("src/main/java/org/locker/core/discussion");

    @Test
    void noStorageNameShouldBeSpelledOutsideTheModel() throws IOException {
        assumeTrue(Files.isDirectory(SOURCES), "sources not found");
        Pattern literal = Pattern.compile("\"lk:");
        List<Path> sources;
        try (Stream<Path> files = Files.list(SOURCES)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).hasSizeGreaterThan(10);
        for (Path source : sources) {
            boolean spells = literal.matcher(Files.readString(source, StandardCharsets.UTF_8))
                    .find();
            assertThat(spells)
                    .as(source.getFileName() + " spells an lk: name")
                    .isEqualTo(source.getFileName().toString().equals("DiscussionModel.java"));
        }
    }
}
