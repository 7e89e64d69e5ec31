package org.locker.platformmodule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class XmlFilesTest {

    static Stream<Path> xmlFiles() {
        return Stream.concat(
                ModuleFiles.filesEndingWith(ModuleFiles.SOURCES, ".xml").stream(),
                ModuleFiles.filesEndingWith(Path.of("src/main/assembly"), ".xml").stream());
    }

    @Test
    void shouldHoldTheExpectedXmlFiles() {
        List<String> names = xmlFiles().map(p -> p.getFileName().toString()).toList();
        assertThat(names)
                .contains(
                        "locker-model.xml",
                        "module-context.xml",
                        "bootstrap-context.xml",
                        "locker-profile-groups.xml",
                        "locker-profile-groups-zone.xml",
                        "locker-data-dictionary.xml",
                        "locker-settings.get.desc.xml",
                        "locker-settings.post.desc.xml",
                        "amp.xml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("xmlFiles")
    void shouldBeWellFormed(Path file) {
        assertThatCode(() -> ModuleFiles.parse(file)).doesNotThrowAnyException();
    }
}
