package org.locker.platformmodule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** Runs after package (failsafe): the .amp has the layout the Module Management Tool expects, the JAR the SDK 4 one. */
class AmpLayoutIT {

    static final String CONFIG = "config/alfresco/";

    @Test
    void ampShouldHoldModulePropertiesAtTheRootAndTheAlfrescoTreeUnderConfig() throws Exception {
        Path amp = Path.of(System.getProperty("locker.amp.file", "target/missing.amp"));
        assertThat(amp)
                .exists()
                .hasFileName(amp.getFileName().toString())
                .satisfies(p -> assertThat(p.toString()).endsWith(".amp"));
        try (ZipFile zip = new ZipFile(amp.toFile())) {
            List<String> names = names(zip);
            assertThat(names)
                    .contains(
                            "module.properties",
                            CONFIG + "module/locker-platform-module/module-context.xml",
                            CONFIG + "module/locker-platform-module/context/bootstrap-context.xml",
                            CONFIG + "module/locker-platform-module/model/locker-model.xml",
                            CONFIG + "module/locker-platform-module/messages/locker-model.properties",
                            CONFIG + "module/locker-platform-module/messages/locker-model_fr.properties",
                            CONFIG + "module/locker-platform-module/bootstrap/locker-profile-groups.xml",
                            CONFIG + "module/locker-platform-module/bootstrap/locker-data-dictionary.xml",
                            CONFIG
                                    + "extension/templates/webscripts/org/alfresco/repository/admin/locker/locker-settings.get.desc.xml",
                            CONFIG
                                    + "extension/templates/webscripts/org/alfresco/repository/admin/locker/locker-settings.get.js",
                            CONFIG
                                    + "extension/templates/webscripts/org/alfresco/repository/admin/locker/locker-settings.get.html.ftl",
                            CONFIG
                                    + "extension/templates/webscripts/org/alfresco/repository/admin/locker/locker-settings.post.desc.xml");
            assertThat(names)
                    .as("every file is module.properties or under config/")
                    .allMatch(n -> n.equals("module.properties") || n.startsWith("config/"));
            assertThat(names)
                    .as("MMT writes module.properties itself")
                    .doesNotContain(CONFIG + "module/locker-platform-module/module.properties");

            Properties module = new Properties();
            try (InputStream in = zip.getInputStream(zip.getEntry("module.properties"))) {
                module.load(in);
            }
            assertThat(module.getProperty("module.id")).isEqualTo("locker-platform-module");
            assertThat(module.getProperty("module.version")).doesNotContain("${");
        }
    }

    @Test
    void jarVariantShouldHoldTheModuleUnderAlfrescoModule() throws Exception {
        Path jar = Path.of(System.getProperty("locker.jar.file", "target/missing.jar"));
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertThat(names(zip))
                    .contains(
                            "alfresco/module/locker-platform-module/module.properties",
                            "alfresco/module/locker-platform-module/module-context.xml",
                            "alfresco/module/locker-platform-module/model/locker-model.xml",
                            "alfresco/extension/templates/webscripts/org/alfresco/repository/admin/locker/locker-settings.get.desc.xml");
        }
    }

    private static List<String> names(ZipFile zip) {
        List<String> names = new ArrayList<>();
        zip.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName).forEach(names::add);
        return names;
    }
}
