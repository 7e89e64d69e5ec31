package org.locker.platformmodule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** English and French bundles kept in sync; every bundle safe for Alfresco's ISO-8859-1 loading. */
class MessageBundlesTest {

    static Stream<Path> frenchBundles() {
        return ModuleFiles.filesEndingWith(ModuleFiles.SOURCES, "_fr.properties").stream();
    }

    static Stream<Path> allBundles() {
        return ModuleFiles.filesEndingWith(ModuleFiles.SOURCES, ".properties").stream();
    }

    @Test
    void shouldHaveFrenchBundlesForModelBootstrapAndAdminConsole() {
        assertThat(frenchBundles().map(p -> p.getFileName().toString()))
                .contains(
                        "locker-model_fr.properties",
                        "locker-bootstrap_fr.properties",
                        "locker-settings.get_fr.properties");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frenchBundles")
    void frenchAndEnglishShouldHaveTheSameKeys(Path frenchFile) {
        Path englishFile =
                frenchFile.resolveSibling(frenchFile.getFileName().toString().replace("_fr.properties", ".properties"));
        assertThat(englishFile).exists();
        Properties english = ModuleFiles.properties(englishFile);
        Properties french = ModuleFiles.properties(frenchFile);
        assertThat(french.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        french.stringPropertyNames()
                .forEach(k -> assertThat(french.getProperty(k)).as(k).isNotBlank());
        english.stringPropertyNames()
                .forEach(k -> assertThat(english.getProperty(k)).as(k).isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allBundles")
    void bundlesShouldBeAsciiWithUnicodeEscapes(Path bundle) throws Exception {
        byte[] bytes = Files.readAllBytes(bundle);
        for (byte b : bytes) {
            assertThat(b & 0xff)
                    .as(bundle + " must be ASCII (use \\uXXXX escapes)")
                    .isLessThan(0x80);
        }
    }

    @Test
    void frenchLabelsShouldKeepTheirAccents() {
        Properties french = ModuleFiles.properties(ModuleFiles.MESSAGES.resolve("locker-model_fr.properties"));
        assertThat(french.getProperty("listconstraint.lk_profiles.student")).isEqualTo("\u00c9l\u00e8ve");
        assertThat(french.getProperty("lk_lockerModel.property.lk_memo.title")).isEqualTo("M\u00e9mo");
    }

    @Test
    void everyPlaceholderOfTheDataDictionaryViewShouldBeInTheBootstrapBundles() throws Exception {
        String view = Files.readString(
                ModuleFiles.MODULE_DIR.resolve("bootstrap/locker-data-dictionary.xml"), StandardCharsets.UTF_8);
        Set<String> placeholders = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(view);
        while (m.find()) {
            placeholders.add(m.group(1));
        }
        assertThat(placeholders).isNotEmpty();
        for (String bundle : new String[] {"locker-bootstrap.properties", "locker-bootstrap_fr.properties"}) {
            assertThat(ModuleFiles.properties(ModuleFiles.MESSAGES.resolve(bundle))
                            .stringPropertyNames())
                    .as(bundle)
                    .containsAll(placeholders);
        }
    }
}
