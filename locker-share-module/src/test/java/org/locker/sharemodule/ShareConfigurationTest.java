package org.locker.sharemodule;

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

/** The pieces of the Share module refer to each other correctly. */
class ShareConfigurationTest {

    static final String BEANS_NS = "http://www.springframework.org/schema/beans";

    @Test
    void lockerEndpointShouldCarryTheUsersAlfrescoIdentity() throws Exception {
        Document config = ShareFiles.parse(ShareFiles.WEB_EXTENSION.resolve("locker-share-module-config.xml"));
        Element endpoint = null;
        for (Element e : elements(config, null, "endpoint")) {
            if ("locker".equals(child(e, "id"))) {
                endpoint = e;
            }
        }
        assertThat(endpoint).as("endpoint locker").isNotNull();
        assertThat(child(endpoint, "connector-id")).isEqualTo("alfresco");
        assertThat(child(endpoint, "identity")).isEqualTo("user");
        assertThat(child(endpoint, "parent-id")).isEqualTo("alfresco");
        assertThat(child(endpoint, "endpoint-url")).startsWith("http");
        assertThat(child(endpoint, "unsecure"))
                .as("the proxy refuses unsecure endpoints")
                .isNull();
    }

    @Test
    void contextShouldRegisterTheModulesConfigAndBundleUnderPrefixedIds() throws Exception {
        Document context = ShareFiles.parse(ShareFiles.WEB_EXTENSION.resolve("locker-share-module-context.xml"));
        List<Element> beans = elements(context, BEANS_NS, "bean");
        assertThat(beans)
                .isNotEmpty()
                .allSatisfy(b -> assertThat(b.getAttribute("id")).startsWith(ShareFiles.MODULE_ID + "."));
        List<String> values = new ArrayList<>();
        elements(context, BEANS_NS, "value")
                .forEach(v -> values.add(v.getTextContent().trim()));
        assertThat(values)
                .contains(
                        "classpath:alfresco/web-extension/locker-share-module-config.xml",
                        "alfresco.web-extension.messages.locker-share-module");
        for (String value : values) {
            if (value.contains("locker-share-config-custom.xml")) {
                continue; // the installation's, tested below
            }
            if (value.startsWith("classpath:")) {
                assertThat(ShareFiles.SOURCES.resolve(value.substring("classpath:".length())))
                        .exists();
            } else {
                assertThat(ShareFiles.SOURCES.resolve(value.replace('.', '/') + ".properties"))
                        .exists();
            }
        }
    }

    /**
     * A ConfigBootstrap appends its files after Share's own configuration, share-config-custom.xml included, so
     * the module's endpoint would win over the installation's. The installation overrides it in a file of its own
     * (as the records management module's rm-share-config-custom.xml), registered after the module's and shipped by
     * no module: in shared/classes/alfresco/web-extension/, or in a JAR's META-INF/.
     */
    @Test
    void theInstallationShouldOverrideTheServicesUrlInAFileRegisteredAfterTheModules() throws Exception {
        Document context = ShareFiles.parse(ShareFiles.WEB_EXTENSION.resolve("locker-share-module-context.xml"));
        List<String> configs = new ArrayList<>();
        for (Element bean : elements(context, BEANS_NS, "bean")) {
            if ("org.springframework.extensions.config.ConfigBootstrap".equals(bean.getAttribute("class"))) {
                NodeList values = bean.getElementsByTagNameNS(BEANS_NS, "value");
                for (int i = 0; i < values.getLength(); i++) {
                    configs.add(values.item(i).getTextContent().trim());
                }
            }
        }
        assertThat(configs)
                .containsExactly(
                        "classpath:alfresco/web-extension/locker-share-module-config.xml",
                        "classpath:alfresco/web-extension/locker-share-config-custom.xml",
                        "jar:*!/META-INF/locker-share-config-custom.xml");
        assertThat(ShareFiles.WEB_EXTENSION.resolve("locker-share-config-custom.xml"))
                .as("the installation's file, which the module must not ship")
                .doesNotExist();
        assertThat(ShareFiles.SOURCES.resolve("META-INF/locker-share-config-custom.xml"))
                .doesNotExist();

        // what the Docker image installs there, overriding the same endpoint
        Document override = ShareFiles.parse(Path.of("../docker/share/locker-share-config-custom.xml"));
        List<String> ids = new ArrayList<>();
        elements(override, null, "endpoint").forEach(e -> ids.add(child(e, "id")));
        assertThat(ids).containsExactly("locker");
        assertThat(Files.readString(Path.of("../docker/share/Dockerfile")))
                .contains("locker-share-config-custom.xml /usr/local/tomcat/shared/classes/alfresco/web-extension/");
    }

    @Test
    void extensionModuleShouldCustomiseTheHeaderWithAScriptThatExists() throws Exception {
        Document extension = ShareFiles.parse(
                ShareFiles.WEB_EXTENSION.resolve("site-data/extensions/locker-share-module-extension.xml"));
        assertThat(text(extension, "id")).isEqualTo(ShareFiles.MODULE_ID);
        assertThat(text(extension, "auto-deploy")).isEqualTo("true");
        assertThat(text(extension, "targetPackageRoot")).isEqualTo("org.alfresco.share.header");
        String source = text(extension, "sourcePackageRoot");
        assertThat(ShareFiles.WEBSCRIPTS.resolve(source.replace('.', '/')).resolve("share-header.get.js"))
                .exists();
        String script = Files.readString(
                ShareFiles.WEBSCRIPTS.resolve(source.replace('.', '/')).resolve("share-header.get.js"));
        assertThat(script).contains("alfresco/header/AlfMenuBarItem").contains("targetUrl: \"locker\"");
    }

    @Test
    void lockerPageShouldResolveToATemplateAndAComponentWebScript() throws Exception {
        Path siteData = ShareFiles.WEB_EXTENSION.resolve("site-data");
        Document page = ShareFiles.parse(siteData.resolve("pages/locker.xml"));
        String instance = text(page, "template-instance");
        Document templateInstance = ShareFiles.parse(siteData.resolve("template-instances/" + instance + ".xml"));
        String templateType = text(templateInstance, "template-type");
        assertThat(ShareFiles.WEB_EXTENSION.resolve("templates/" + templateType + ".ftl"))
                .exists();
        String componentUrl = text(templateInstance, "url");
        assertThat(webScriptUrls()).contains(componentUrl);
        assertThat(text(page, "authentication")).isEqualTo("user");
    }

    @Test
    void myLockerShouldBeAUserDashlet() throws Exception {
        Document desc = ShareFiles.parse(
                ShareFiles.WEBSCRIPTS.resolve("org/locker/share/dashlets/locker-my-locker.get.desc.xml"));
        List<String> families = new ArrayList<>();
        elements(desc, null, "family")
                .forEach(f -> families.add(f.getTextContent().trim()));
        assertThat(families).contains("user-dashlet");
        assertThat(text(desc, "url")).startsWith("/components/dashlets/");
    }

    @Test
    void filteredDescriptorsShouldCarryTheModuleIdAndVersion() throws Exception {
        Properties module = ShareFiles.properties(
                Path.of("target/classes/alfresco/module", ShareFiles.MODULE_ID, "module.properties"));
        assertThat(module.getProperty("module.id")).isEqualTo(ShareFiles.MODULE_ID);
        assertThat(module.getProperty("module.title")).isNotBlank();
        assertThat(module.getProperty("module.description")).isNotBlank();
        module.stringPropertyNames()
                .forEach(k -> assertThat(module.getProperty(k)).as(k).doesNotContain("${"));
        Document extension = ShareFiles.parse(Path.of(
                "target/classes/alfresco/web-extension/site-data/extensions/locker-share-module-extension.xml"));
        assertThat(text(extension, "version")).isEqualTo(module.getProperty("module.version"));
    }

    private static List<String> webScriptUrls() throws Exception {
        List<String> urls = new ArrayList<>();
        for (Path desc : ShareFiles.filesEndingWith(ShareFiles.WEBSCRIPTS, ".desc.xml")) {
            elements(ShareFiles.parse(desc), null, "url")
                    .forEach(u -> urls.add(u.getTextContent().trim()));
        }
        return urls;
    }

    private static List<Element> elements(Document document, String namespace, String localName) {
        NodeList nodes = namespace == null
                ? document.getElementsByTagName(localName)
                : document.getElementsByTagNameNS(namespace, localName);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static String text(Document document, String localName) {
        List<Element> found = elements(document, null, localName);
        assertThat(found).as(localName).isNotEmpty();
        return found.get(0).getTextContent().trim();
    }

    private static String child(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }
}
