package org.locker.platformmodule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** module.properties as filtered by the build, and the Spring contexts of the module. */
class ModuleDescriptorTest {

    static final String BEANS_NS = "http://www.springframework.org/schema/beans";
    static final Path CONTEXT_DIR = ModuleFiles.MODULE_DIR.resolve("context");

    @Test
    void filteredModulePropertiesShouldCarryTheRequiredKeys() {
        Path filtered = Path.of("target/classes/alfresco/module", ModuleFiles.MODULE_ID, "module.properties");
        assertThat(filtered).exists();
        Properties module = ModuleFiles.properties(filtered);
        assertThat(module.getProperty("module.id"))
                .isEqualTo(ModuleFiles.MODULE_ID)
                .doesNotMatch(".*[^\\w.-].*");
        assertThat(module.getProperty("module.version")).isNotBlank().doesNotContain("${");
        assertThat(module.getProperty("module.title")).isNotBlank();
        assertThat(module.getProperty("module.description")).isNotBlank();
        assertThat(module.getProperty("module.repo.version.min")).isEqualTo("23.1");
        module.stringPropertyNames()
                .forEach(k -> assertThat(module.getProperty(k)).as(k).doesNotContain("${"));
    }

    @Test
    void moduleContextShouldImportTheBootstrapContext() throws Exception {
        Document context = ModuleFiles.parse(ModuleFiles.MODULE_DIR.resolve("module-context.xml"));
        List<String> imports = new ArrayList<>();
        NodeList nodes = context.getElementsByTagNameNS(BEANS_NS, "import");
        for (int i = 0; i < nodes.getLength(); i++) {
            imports.add(((Element) nodes.item(i)).getAttribute("resource"));
        }
        assertThat(imports)
                .containsExactly("classpath:alfresco/module/locker-platform-module/context/bootstrap-context.xml");
    }

    @Test
    void everyBeanIdShouldBePrefixedWithTheModuleId() throws Exception {
        for (Path file : ModuleFiles.filesEndingWith(CONTEXT_DIR, ".xml")) {
            NodeList beans = ModuleFiles.parse(file).getElementsByTagNameNS(BEANS_NS, "bean");
            for (int i = 0; i < beans.getLength(); i++) {
                Element bean = (Element) beans.item(i);
                assertThat(bean.getAttribute("id")).as(file.toString()).startsWith(ModuleFiles.MODULE_ID + ".");
            }
        }
    }

    @Test
    void modelShouldBeBootstrappedFirstThroughThePublicExtensionPoint() throws Exception {
        NodeList beans = ModuleFiles.parse(CONTEXT_DIR.resolve("bootstrap-context.xml"))
                .getElementsByTagNameNS(BEANS_NS, "bean");
        Element first = (Element) beans.item(0);
        assertThat(first.getAttribute("parent")).isEqualTo("dictionaryModelBootstrap");
        assertThat(first.getAttribute("depends-on")).isEqualTo("dictionaryBootstrap");
    }

    @Test
    void everyModuleResourceNamedInTheContextsShouldExist() throws Exception {
        String prefix = "alfresco/module/" + ModuleFiles.MODULE_ID + "/";
        int checked = 0;
        for (Path file : ModuleFiles.filesEndingWith(CONTEXT_DIR, ".xml")) {
            for (String tag : List.of("value", "prop")) {
                NodeList nodes = ModuleFiles.parse(file).getElementsByTagNameNS(BEANS_NS, tag);
                for (int i = 0; i < nodes.getLength(); i++) {
                    String value = nodes.item(i).getTextContent().trim();
                    if (!value.startsWith(prefix)) {
                        continue;
                    }
                    Path path = ModuleFiles.SOURCES.resolve(value);
                    boolean exists = Files.isRegularFile(path)
                            || Files.isRegularFile(ModuleFiles.SOURCES.resolve(value + ".properties"));
                    assertThat(exists).as(value + " named in " + file).isTrue();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(6);
    }
}
