package org.locker.sharemodule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** English and French kept in sync; bundles ASCII-safe; every message key used by a script or template defined. */
class MessageBundlesTest {

    static Stream<Path> frenchBundles() {
        return ShareFiles.filesEndingWith(ShareFiles.SOURCES, "_fr.properties").stream();
    }

    static Stream<Path> allBundles() {
        return ShareFiles.filesEndingWith(ShareFiles.SOURCES, ".properties").stream();
    }

    static Stream<Path> webScriptFiles() {
        return Stream.concat(
                ShareFiles.filesEndingWith(ShareFiles.WEBSCRIPTS, ".js").stream(),
                ShareFiles.filesEndingWith(ShareFiles.WEBSCRIPTS, ".ftl").stream());
    }

    @Test
    void shouldHaveFrenchBundlesForEveryScriptWithMessages() {
        assertThat(frenchBundles().map(p -> p.getFileName().toString()))
                .contains(
                        "locker-share-module_fr.properties",
                        "share-header.get_fr.properties",
                        "locker-frame.get_fr.properties",
                        "locker-my-locker.get_fr.properties");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frenchBundles")
    void frenchAndEnglishShouldHaveTheSameKeys(Path frenchFile) {
        Path englishFile = english(frenchFile);
        assertThat(englishFile).exists();
        Properties english = ShareFiles.properties(englishFile);
        Properties french = ShareFiles.properties(frenchFile);
        assertThat(french.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        french.stringPropertyNames()
                .forEach(k -> assertThat(french.getProperty(k)).as(k).isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allBundles")
    void bundlesShouldBeAsciiWithUnicodeEscapes(Path bundle) throws Exception {
        for (byte b : Files.readAllBytes(bundle)) {
            assertThat(b & 0xff)
                    .as(bundle + " must be ASCII (use \\uXXXX escapes)")
                    .isLessThan(0x80);
        }
    }

    @Test
    void frenchLabelsShouldKeepTheirAccents() {
        Properties french =
                ShareFiles.properties(ShareFiles.WEB_EXTENSION.resolve("messages/locker-share-module_fr.properties"));
        assertThat(french.getProperty("locker.header.menu")).isEqualTo("Casier num\u00e9rique");
        assertThat(french.getProperty("locker.dashlet.title")).isEqualTo("Mon casier");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("webScriptFiles")
    void everyMessageKeyUsedShouldBeInTheScriptsBundles(Path script) throws Exception {
        String text = Files.readString(script, StandardCharsets.UTF_8);
        String base = script.getFileName().toString().replaceAll("\\.(js|html\\.ftl)$", "");
        Path englishFile = script.resolveSibling(base + ".properties");
        Path frenchFile = script.resolveSibling(base + "_fr.properties");
        Matcher m = Pattern.compile("msg(?:\\.get)?\\(\"([^\"]+)\"").matcher(text);
        while (m.find()) {
            assertThat(englishFile).as("bundle of " + script).exists();
            assertThat(ShareFiles.properties(englishFile).stringPropertyNames())
                    .as(script.toString())
                    .contains(m.group(1));
            assertThat(ShareFiles.properties(frenchFile).stringPropertyNames())
                    .as(script.toString())
                    .contains(m.group(1));
        }
    }

    private static Path english(Path frenchFile) {
        return frenchFile.resolveSibling(frenchFile.getFileName().toString().replace("_fr.properties", ".properties"));
    }
}
