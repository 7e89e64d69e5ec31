package org.locker.sharemodule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class XmlFilesTest {

    static Stream<Path> xmlFiles() {
        return Stream.concat(
                ShareFiles.filesEndingWith(ShareFiles.SOURCES, ".xml").stream(),
                ShareFiles.filesEndingWith(Path.of("src/main/assembly"), ".xml").stream());
    }

    @Test
    void shouldHoldTheExpectedXmlFiles() {
        assertThat(xmlFiles().map(p -> p.getFileName().toString()))
                .contains(
                        "locker-share-module-context.xml",
                        "locker-share-module-config.xml",
                        "locker-share-module-extension.xml",
                        "locker.xml",
                        "locker-frame.get.desc.xml",
                        "locker-my-locker.get.desc.xml",
                        "amp.xml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("xmlFiles")
    void shouldBeWellFormed(Path file) {
        assertThatCode(() -> ShareFiles.parse(file)).doesNotThrowAnyException();
    }
}
