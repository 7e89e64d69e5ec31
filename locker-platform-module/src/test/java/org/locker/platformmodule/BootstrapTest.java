package org.locker.platformmodule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The module's bootstrap runs where it must, and only there: on the module's own version (Alfresco compares module
 * versions in Maven's order: ModuleVersionNumber delegates to Maven's ComparableVersion), on every repository, and
 * not over the groups and folders the locker service may have created first.
 */
class BootstrapTest {

    static final String BEANS_NS = ModuleDescriptorTest.BEANS_NS;
    static final Path CONTEXT = ModuleDescriptorTest.CONTEXT_DIR.resolve("bootstrap-context.xml");
    /** AbstractModuleComponent's defaults. */
    static final String APPLIES_FROM_DEFAULT = "0";

    static final String APPLIES_TO_DEFAULT = "999.999.999.99";

    static Map<String, Element> beans;

    @BeforeAll
    static void load() throws Exception {
        beans = new LinkedHashMap<>();
        NodeList nodes = ModuleFiles.parse(CONTEXT).getElementsByTagNameNS(BEANS_NS, "bean");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element bean = (Element) nodes.item(i);
            beans.put(bean.getAttribute("id"), bean);
        }
    }

    /**
     * A module component runs only when the module's version lies between its appliesFromVersion and
     * appliesToVersion; a patch only when the repository's schema lies between fixesFromSchema and fixesToSchema.
     */
    @Test
    void everyBootstrapShouldRunOnThisModulesVersionsAndOnEveryRepository() {
        String moduleVersion = ModuleFiles.properties(
                        Path.of("target/classes/alfresco/module", ModuleFiles.MODULE_ID, "module.properties"))
                .getProperty("module.version");
        List<String> versions = List.of(moduleVersion, "0.1.0", "0.1.1-SNAPSHOT", "1.0.0-RC1", "1.0.0", "2.3.4");
        int imports = 0;
        for (String id : beans.keySet()) {
            if ("true".equals(beans.get(id).getAttribute("abstract"))) {
                continue;
            }
            if (inherits(id, "module.baseComponent")) {
                imports++;
                ComparableVersion from =
                        new ComparableVersion(property(id, "appliesFromVersion", APPLIES_FROM_DEFAULT));
                ComparableVersion to = new ComparableVersion(property(id, "appliesToVersion", APPLIES_TO_DEFAULT));
                for (String version : versions) {
                    ComparableVersion current = new ComparableVersion(version);
                    assertThat(current.compareTo(from))
                            .as(id + " applies from " + from + " to module " + version)
                            .isGreaterThanOrEqualTo(0);
                    assertThat(current.compareTo(to))
                            .as(id + " applies to " + to + " for module " + version)
                            .isLessThanOrEqualTo(0);
                }
            } else if (inherits(id, "basePatch")) {
                imports++;
                assertThat(property(id, "fixesFromSchema", null)).as(id).isEqualTo("0");
                assertThat(property(id, "fixesToSchema", null))
                        .as(id + ": the running repository's schema")
                        .isEqualTo("${version.schema}");
                assertThat(Integer.parseInt(property(id, "targetSchema", null)))
                        .as(id)
                        .isGreaterThan(30_000);
                assertThat(property(id, "id", null))
                        .as("the patch id is its bean id")
                        .isEqualTo(id);
            }
        }
        assertThat(imports)
                .as("the groups, their two zones and the Data Dictionary folders")
                .isEqualTo(4);
    }

    /**
     * The locker service creates the profile groups and Data Dictionary/Locker over REST when they are missing, so
     * an import must check first, and by what both create alike: the groups' association names (cm:GROUP_...),
     * Data Dictionary/Locker's name (the service's folder has the association name cm:Locker).
     */
    @Test
    void everyImportShouldBeSkippedWhenWhatItCreatesExists() throws Exception {
        Map<String, String> checks = new LinkedHashMap<>();
        for (String id : beans.keySet()) {
            if (!"true".equals(beans.get(id).getAttribute("abstract")) && inherits(id, "basePatch")) {
                assertThat(className(id)).isEqualTo("org.alfresco.repo.admin.patch.impl.GenericBootstrapPatch");
                String check = property(id, "checkPath", null);
                assertThat(check).as(id + " checkPath").isNotBlank();
                checks.put(id, check);
            }
        }
        String groupsView = view("locker-profile-groups.xml");
        String firstGroup = groupsView.substring(groupsView.indexOf("view:childName=\"") + 16);
        firstGroup = firstGroup.substring(0, firstGroup.indexOf('"'));
        assertThat(checks.get("locker-platform-module.profileGroupsPatch")).endsWith("/" + firstGroup);
        assertThat(checks.get("locker-platform-module.profileGroupsDefaultZonePatch"))
                .endsWith("/cm:APP.DEFAULT/" + firstGroup);
        assertThat(checks.get("locker-platform-module.profileGroupsAlfrescoZonePatch"))
                .endsWith("/cm:AUTH.ALF/" + firstGroup);

        Properties bootstrap = ModuleFiles.properties(ModuleFiles.MESSAGES.resolve("locker-bootstrap.properties"));
        assertThat(view("locker-data-dictionary.xml")).contains("<cm:name>${locker.folder.name}</cm:name>");
        assertThat(checks.get("locker-platform-module.dataDictionaryPatch"))
                .endsWith("/*[@cm:name='" + bootstrap.getProperty("locker.folder.name") + "']");
    }

    /** Every Admin Console page lists every tool with its own bundle, which falls back to the global messages. */
    @Test
    void adminConsoleLabelsShouldComeFromAGlobalBundle() throws Exception {
        List<String> bundles = new ArrayList<>();
        for (String id : beans.keySet()) {
            if ("org.alfresco.i18n.ResourceBundleBootstrapComponent".equals(className(id))) {
                NodeList values = beans.get(id).getElementsByTagNameNS(BEANS_NS, "value");
                for (int i = 0; i < values.getLength(); i++) {
                    bundles.add(values.item(i).getTextContent().trim());
                }
            }
        }
        Set<String> labels = Set.of(
                "admin-console.tool.locker-settings.label",
                "admin-console.tool.locker-settings.description",
                "admin-console.tool.group.locker");
        for (String suffix : List.of(".properties", "_fr.properties")) {
            Set<String> global = new java.util.HashSet<>();
            for (String bundle : bundles) {
                Path file = ModuleFiles.SOURCES.resolve(bundle.replace('.', '/') + suffix);
                assertThat(file).exists();
                global.addAll(ModuleFiles.properties(file).stringPropertyNames());
            }
            assertThat(global).as("global messages" + suffix).containsAll(labels);
            Properties page =
                    ModuleFiles.properties(ModuleFiles.ADMIN_WEBSCRIPTS.resolve("locker-settings.get" + suffix));
            assertThat(page.stringPropertyNames())
                    .as("not hidden by the page's own bundle")
                    .doesNotContainAnyElementsOf(labels);
            for (String id : beans.keySet()) {
                String description = property(id, "description", null);
                if (description != null && inherits(id, "basePatch")) {
                    assertThat(global).as("description of " + id).contains(description);
                }
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static String view(String name) throws Exception {
        return java.nio.file.Files.readString(
                ModuleFiles.MODULE_DIR.resolve("bootstrap").resolve(name));
    }

    /** Whether the bean, or a bean it inherits from (in this file), has {@code parent}. */
    private static boolean inherits(String id, String parent) {
        for (Element bean = beans.get(id); bean != null; bean = beans.get(bean.getAttribute("parent"))) {
            if (parent.equals(bean.getAttribute("parent"))) {
                return true;
            }
        }
        return false;
    }

    private static String className(String id) {
        for (Element bean = beans.get(id); bean != null; bean = beans.get(bean.getAttribute("parent"))) {
            if (bean.hasAttribute("class")) {
                return bean.getAttribute("class");
            }
        }
        return null;
    }

    /** A property's value (its value element's or attribute's text), inherited from parent beans of this file. */
    private static String property(String id, String name, String fallback) {
        for (Element bean = beans.get(id); bean != null; bean = beans.get(bean.getAttribute("parent"))) {
            for (Node n = bean.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element property
                        && "property".equals(property.getLocalName())
                        && name.equals(property.getAttribute("name"))) {
                    if (property.hasAttribute("value")) {
                        return property.getAttribute("value");
                    }
                    NodeList values = property.getElementsByTagNameNS(BEANS_NS, "value");
                    return values.getLength() == 0
                            ? null
                            : values.item(0).getTextContent().trim();
                }
            }
        }
        return fallback;
    }
}
