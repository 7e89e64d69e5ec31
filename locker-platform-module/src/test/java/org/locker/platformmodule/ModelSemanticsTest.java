package org.locker.platformmodule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Checks the repository makes at bootstrap and the XSD does not: namespaces, references, labels. */
class ModelSemanticsTest {

    static final String DICTIONARY_NS = "http://www.alfresco.org/model/dictionary/1.0";
    static final String LOCKER_NS = "http://www.locker.org/model/locker/1.0";
    static final Set<String> DATA_TYPES = Set.of(
            "d:text",
            "d:mltext",
            "d:content",
            "d:int",
            "d:long",
            "d:float",
            "d:double",
            "d:date",
            "d:datetime",
            "d:boolean",
            "d:qname",
            "d:noderef",
            "d:childassocref",
            "d:assocref",
            "d:path",
            "d:category",
            "d:locale",
            "d:period",
            "d:any",
            "d:encrypted");

    static Document model;
    static Properties english;
    static Properties french;

    @BeforeAll
    static void load() throws Exception {
        model = ModuleFiles.parse(ModuleFiles.MODEL);
        english = ModuleFiles.properties(ModuleFiles.MESSAGES.resolve("locker-model.properties"));
        french = ModuleFiles.properties(ModuleFiles.MESSAGES.resolve("locker-model_fr.properties"));
    }

    @Test
    void shouldDeclareTheLockerNamespaceVersioned() {
        Element namespace = elements("namespace").get(0);
        assertThat(elements("namespace")).hasSize(1);
        assertThat(namespace.getAttribute("prefix")).isEqualTo("lk");
        assertThat(namespace.getAttribute("uri")).isEqualTo(LOCKER_NS).matches(".*/\\d+\\.\\d+$");
        assertThat(model.getDocumentElement().getAttribute("name")).isEqualTo("lk:lockerModel");
    }

    @Test
    void everyPrefixUsedShouldBeImportedOrDeclared() {
        Set<String> prefixes = new HashSet<>();
        elements("import").forEach(e -> prefixes.add(e.getAttribute("prefix")));
        elements("namespace").forEach(e -> prefixes.add(e.getAttribute("prefix")));
        assertThat(prefixes).contains("d", "cm", "sys", "lk");

        List<String> used = new ArrayList<>(declaredNames());
        used.addAll(references());
        for (String name : used) {
            assertThat(name).as("qualified name").contains(":");
            assertThat(prefixes).as("prefix of " + name).contains(name.substring(0, name.indexOf(':')));
        }
    }

    @Test
    void everyDeclaredNameShouldUseTheModelsOwnNamespaceOnce() {
        List<String> names = declaredNames();
        assertThat(names).allMatch(n -> n.startsWith("lk:"), "in the lk namespace");
        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void everyLockerReferenceShouldResolveToADeclaration() {
        Set<String> classes = new HashSet<>();
        declarations("type").forEach(e -> classes.add(e.getAttribute("name")));
        elements("aspect").stream()
                .filter(e -> e.hasAttribute("name"))
                .forEach(e -> classes.add(e.getAttribute("name")));
        Set<String> constraints = new HashSet<>();
        elements("constraint").stream()
                .filter(e -> e.hasAttribute("name"))
                .forEach(e -> constraints.add(e.getAttribute("name")));

        for (String parent : texts("parent")) {
            if (parent.startsWith("lk:")) {
                assertThat(classes).as("parent " + parent).contains(parent);
            }
        }
        for (String target : texts("class")) {
            if (target.startsWith("lk:")) {
                assertThat(classes).as("association target " + target).contains(target);
            }
        }
        for (Element aspect : elements("aspect")) {
            if (!aspect.hasAttribute("name")) {
                assertThat(classes)
                        .as("mandatory aspect")
                        .contains(aspect.getTextContent().trim());
            }
        }
        for (Element constraint : elements("constraint")) {
            if (constraint.hasAttribute("ref")) {
                assertThat(constraints).as("constraint ref").contains(constraint.getAttribute("ref"));
                assertThat(constraint.hasAttribute("type"))
                        .as("type and ref together")
                        .isFalse();
            }
        }
    }

    @Test
    void everyPropertyShouldHaveADataType() {
        for (Element property : elements("property")) {
            Element type = firstChild(property, "type");
            assertThat(type).as(property.getAttribute("name")).isNotNull();
            assertThat(DATA_TYPES)
                    .as(property.getAttribute("name"))
                    .contains(type.getTextContent().trim());
        }
    }

    @Test
    void everyClassPropertyAssociationAndListValueShouldHaveEnglishAndFrenchLabels() {
        Set<String> keys = expectedLabelKeys();
        assertThat(keys).hasSizeGreaterThan(50);
        assertThat(english.stringPropertyNames()).containsAll(keys);
        assertThat(french.stringPropertyNames()).containsAll(keys);
    }

    @Test
    void modelBundlesShouldHoldOnlyKeysOfThisModel() {
        Set<String> keys = expectedLabelKeys();
        assertThat(keys).containsAll(english.stringPropertyNames());
        assertThat(french.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    }

    private static Set<String> expectedLabelKeys() {
        String modelPrefix = model.getDocumentElement().getAttribute("name").replace(':', '_');
        Set<String> keys = new LinkedHashSet<>();
        keys.add(modelPrefix + ".description");
        for (Element type : declarations("type")) {
            String name = underscored(type.getAttribute("name"));
            keys.add(modelPrefix + ".type." + name + ".title");
            keys.add(modelPrefix + ".type." + name + ".description");
        }
        for (Element aspect : elements("aspect")) {
            if (aspect.hasAttribute("name")) {
                String name = underscored(aspect.getAttribute("name"));
                keys.add(modelPrefix + ".aspect." + name + ".title");
                keys.add(modelPrefix + ".aspect." + name + ".description");
            }
        }
        for (Element property : elements("property")) {
            keys.add(modelPrefix + ".property." + underscored(property.getAttribute("name")) + ".title");
        }
        List<Element> associations = new ArrayList<>(elements("association"));
        associations.addAll(elements("child-association"));
        for (Element association : associations) {
            keys.add(modelPrefix + ".association." + underscored(association.getAttribute("name")) + ".title");
        }
        for (Element constraint : elements("constraint")) {
            if ("LIST".equals(constraint.getAttribute("type"))) {
                String name = underscored(constraint.getAttribute("name"));
                NodeList values = constraint.getElementsByTagNameNS(DICTIONARY_NS, "value");
                for (int i = 0; i < values.getLength(); i++) {
                    Element value = (Element) values.item(i);
                    if ("list".equals(((Element) value.getParentNode()).getLocalName())) {
                        keys.add("listconstraint." + name + "."
                                + value.getTextContent().trim());
                    }
                }
            }
        }
        return keys;
    }

    private static List<String> declaredNames() {
        List<String> names = new ArrayList<>();
        for (String tag : List.of("type", "aspect", "property", "association", "child-association", "constraint")) {
            elements(tag).stream().filter(e -> e.hasAttribute("name")).forEach(e -> names.add(e.getAttribute("name")));
        }
        return names;
    }

    private static List<String> references() {
        List<String> references = new ArrayList<>();
        references.addAll(texts("parent"));
        references.addAll(texts("class"));
        elements("property")
                .forEach(p ->
                        references.add(firstChild(p, "type").getTextContent().trim()));
        elements("aspect").stream()
                .filter(e -> !e.hasAttribute("name"))
                .forEach(e -> references.add(e.getTextContent().trim()));
        elements("constraint").stream()
                .filter(e -> e.hasAttribute("ref"))
                .forEach(e -> references.add(e.getAttribute("ref")));
        return references;
    }

    private static String underscored(String qname) {
        return qname.replace(':', '_');
    }

    private static List<Element> elements(String localName) {
        NodeList nodes = model.getElementsByTagNameNS(DICTIONARY_NS, localName);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** Elements that declare something (type, aspect, ...), as opposed to e.g. a property's type element. */
    private static List<Element> declarations(String localName) {
        return elements(localName).stream().filter(e -> e.hasAttribute("name")).toList();
    }

    private static List<String> texts(String localName) {
        return elements(localName).stream().map(e -> e.getTextContent().trim()).toList();
    }

    private static Element firstChild(Element parent, String localName) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }
}
