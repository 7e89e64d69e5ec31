package org.locker.sharemodule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** Runs after package (failsafe): the Share .amp has the MMT layout, the JAR the SDK 4 one. */
class AmpLayoutIT {

    static final String WEB_EXTENSION = "config/alfresco/web-extension/";

    @Test
    void ampShouldHoldModulePropertiesAtTheRootAndTheWebExtensionTreeUnderConfig() throws Exception {
        Path amp = Path.of(System.getProperty("locker.amp.file", "target/missing.amp"));
        assertThat(amp.toString()).endsWith(".amp");
        try (ZipFile zip = new ZipFile(amp.toFile())) {
            List<String> names = names(zip);
            assertThat(names)
                    .contains(
                            "module.properties",
                            WEB_EXTENSION + "locker-share-module-context.xml",
                            WEB_EXTENSION + "locker-share-module-config.xml",
                            WEB_EXTENSION + "messages/locker-share-module.properties",
                            WEB_EXTENSION + "messages/locker-share-module_fr.properties",
                            WEB_EXTENSION + "site-data/extensions/locker-share-module-extension.xml",
                            WEB_EXTENSION + "site-data/pages/locker.xml",
                            WEB_EXTENSION + "site-data/template-instances/locker.xml",
                            WEB_EXTENSION + "templates/org/locker/share/locker.ftl",
                            WEB_EXTENSION + "site-webscripts/org/locker/share/header/share-header.get.js",
                            WEB_EXTENSION + "site-webscripts/org/locker/share/dashlets/locker-my-locker.get.desc.xml",
                            WEB_EXTENSION + "site-webscripts/org/locker/share/components/locker-frame.get.desc.xml");
            assertThat(names).allMatch(n -> n.equals("module.properties") || n.startsWith("config/alfresco/"));
            assertThat(names).doesNotContain("config/alfresco/module/locker-share-module/module.properties");

            Properties module = new Properties();
            try (InputStream in = zip.getInputStream(zip.getEntry("module.properties"))) {
                module.load(in);
            }
            assertThat(module.getProperty("module.id")).isEqualTo("locker-share-module");
            assertThat(module.getProperty("module.version")).doesNotContain("${");
        }
    }

    @Test
    void jarVariantShouldHoldTheSameTreeAtItsRoot() throws Exception {
        Path jar = Path.of(System.getProperty("locker.jar.file", "target/missing.jar"));
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertThat(names(zip))
                    .contains(
                            "alfresco/module/locker-share-module/module.properties",
                            "alfresco/web-extension/locker-share-module-context.xml",
                            "alfresco/web-extension/site-data/extensions/locker-share-module-extension.xml",
                            "alfresco/web-extension/site-webscripts/org/locker/share/header/share-header.get.js");
        }
    }

    private static List<String> names(ZipFile zip) {
        List<String> names = new ArrayList<>();
        zip.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName).forEach(names::add);
        return names;
    }
}
