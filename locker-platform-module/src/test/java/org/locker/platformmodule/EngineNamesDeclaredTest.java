package org.locker.platformmodule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locker.core.QueriedProperties;
import org.locker.core.collect.CollectModel;
import org.locker.core.directory.DirectoryProperties;
import org.locker.core.directory.Profile;
import org.locker.core.directory.importing.ImportJobModel;
import org.locker.core.discussion.DiscussionModel;
import org.locker.core.locker.LockerModel;
import org.locker.core.notification.NotificationModel;
import org.locker.core.notification.mail.MailModel;
import org.locker.core.split.SplitModel;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The engine (locker-core) writes {@code lk:} names that REST API v1 refuses unless the content model declares them.
 * That every property the engine writes is declared, with the value kind it writes, is checked where it is written:
 * the Oak binding refuses what the model does not declare (OakContentModel, from this very file), so every test of
 * the engine on Oak (the service's *IT, the conformance suite) fails on an undeclared property. What that cannot
 * see is checked here: names in code no test runs, engine node types (values of lk:engineType, which Oak does not
 * check), the index settings queries need, the constraints.
 */
class EngineNamesDeclaredTest {

    /**
     * The model classes of the engine: every public static final String constant of theirs whose value starts with
     * {@code lk:} is a name the engine writes (a node type or a property), collected by reflection. One model class
     * per feature holds every name it stores.
     */
    static final List<Class<?>> ENGINE_NAME_CLASSES = List.of(
            LockerModel.class,
            DirectoryProperties.class,
            DiscussionModel.class,
            CollectModel.class,
            SplitModel.class,
            NotificationModel.class,
            MailModel.class,
            ImportJobModel.class);

    /** The Alfresco binding's own names (package-private in locker-alfresco's Values). */
    static final Set<String> BINDING_PROPERTIES = Set.of("lk:engineType");

    /** Engine types the binding sends as the Alfresco node type: they must be model types. */
    static final Set<String> BINDING_NODE_TYPES = Set.of("lk:locker", "lk:discussion", "lk:message");

    /**
     * Engine types that carry no property of their own: they exist only as {@code lk:engineType} values on
     * cm:folder / cm:content nodes.
     */
    static final Set<String> CARRIED_ONLY_IN_ENGINE_TYPE =
            Set.of("lk:folder", "lk:attachment", "lk:myFolder", "lk:myDocument", "lk:importFile");

    /** Engine types written as string literals, not constants. */
    static final Set<String> LITERAL_TYPES = Set.of("lk:folder", "lk:myFolder", "lk:myDocument");

    static Document model;
    static Set<String> types;
    static Set<String> aspects;
    static Map<String, Element> properties;

    @BeforeAll
    static void load() throws Exception {
        model = ModuleFiles.parse(ModuleFiles.MODEL);
        types = names("type");
        aspects = names("aspect");
        properties = new LinkedHashMap<>();
        for (Element property : elements(model.getDocumentElement(), "property")) {
            properties.put(property.getAttribute("name"), property);
        }
    }

    /** Every name the model classes hold is declared by the content model: as a type, an aspect or a property. */
    @Test
    void everyEngineNameShouldBeDeclaredInTheContentModel() throws Exception {
        Map<String, String> names = engineNames();
        assertThat(names.values())
                .as("names collected from the model classes")
                .contains("lk:deposit", "lk:recipients", "lk:window", "lk:profile", "lk:discussion", "lk:message");
        Set<String> undeclared = new TreeSet<>();
        names.forEach((constant, name) -> {
            if (!properties.containsKey(name)
                    && !types.contains(name)
                    && !aspects.contains(name)
                    && !CARRIED_ONLY_IN_ENGINE_TYPE.contains(name)) {
                undeclared.add(constant + " = " + name);
            }
        });
        assertThat(undeclared)
                .as("engine names the content model does not declare")
                .isEmpty();
    }

    /** The types carried only in lk:engineType are engine names indeed, and not declared by the model too. */
    @Test
    void typesCarriedOnlyInEngineTypeShouldBeEngineNamesTheModelDoesNotDeclare() throws Exception {
        Set<String> engineNames = new TreeSet<>(engineNames().values());
        engineNames.addAll(LITERAL_TYPES);
        for (String type : CARRIED_ONLY_IN_ENGINE_TYPE) {
            assertThat(engineNames).as(type + " is an engine name").contains(type);
            assertThat(types.contains(type) || aspects.contains(type) || properties.containsKey(type))
                    .as(type + " both declared and listed as carried only in lk:engineType")
                    .isFalse();
        }
    }

    @Test
    void typesTheBindingSendsAsNodeTypesShouldBeModelTypes() {
        assertThat(types).containsAll(BINDING_NODE_TYPES);
    }

    /** Lockers name what they store only through {@link LockerModel}: no {@code "lk:..."} literal elsewhere. */
    @Test
    void lockersShouldWriteStoredNamesOnlyInTheirModelClass() throws IOException {
        Path lockers = Path.of("../locker-core/src/main/java/org/locker/core/locker");
        assumeTrue(Files.isDirectory(lockers), "engine sources not found next to the module");
        Pattern literal = Pattern.compile("\"lk:[A-Za-z0-9_]+\"");
        Set<String> outside = new TreeSet<>();
        try (Stream<Path> files = Files.walk(lockers)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (!source.getFileName().toString().equals("LockerModel.java")
                        && literal.matcher(Files.readString(source, StandardCharsets.UTF_8))
                                .find()) {
                    outside.add(lockers.relativize(source).toString());
                }
            }
        }
        assertThat(outside)
                .as("locker sources with lk: literals outside LockerModel")
                .isEmpty();
    }

    /**
     * Every {@code "lk:..."} literal in the engine's and the binding's sources is known: a declared property
     * or class, or listed here. Catches names written as literals rather than constants. Skipped when the
     * sources are not next to this module.
     */
    @Test
    void everyLkLiteralInTheEngineAndBindingSourcesShouldBeDeclared() throws IOException {
        List<Path> roots = Stream.of("../locker-core/src/main/java", "../locker-alfresco/src/main/java")
                .map(Path::of)
                .filter(Files::isDirectory)
                .toList();
        assumeTrue(roots.size() == 2, "engine and binding sources not found next to the module");
        Pattern literal = Pattern.compile("\"(lk:[A-Za-z0-9_]+)\"");
        Set<String> unknown = new TreeSet<>();
        int found = 0;
        for (Path root : roots) {
            List<Path> sources;
            try (Stream<Path> files = Files.walk(root)) {
                sources = files.filter(p -> p.toString().endsWith(".java")).toList();
            }
            for (Path source : sources) {
                Matcher m = literal.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (m.find()) {
                    found++;
                    String name = m.group(1);
                    if (!properties.containsKey(name)
                            && !types.contains(name)
                            && !aspects.contains(name)
                            && !CARRIED_ONLY_IN_ENGINE_TYPE.contains(name)) {
                        unknown.add(name + " (" + root.relativize(source) + ")");
                    }
                }
            }
        }
        assertThat(found).isGreaterThan(50);
        assertThat(unknown)
                .as("lk: names in the sources that the model does not declare")
                .isEmpty();
    }

    /**
     * The engine matches these exactly ({@code =prop:"value"}): on Solr that needs one untokenised term, or a
     * document type {@code REPORT_CARD} would also match a search for {@code REPORT}.
     */
    @Test
    void propertiesTheEngineQueriesShouldBeIndexedAsAtomicUntokenisedValues() {
        List<String> indexed = new ArrayList<>(QueriedProperties.ALL);
        indexed.addAll(BINDING_PROPERTIES);
        assertThat(indexed).as("a locker is filtered by document type").contains(LockerModel.DOCUMENT_TYPE);
        for (String name : indexed) {
            Element property = properties.get(name);
            assertThat(property).as(name).isNotNull();
            List<Element> index = elements(property, "index");
            assertThat(index).as(name + " index").hasSize(1);
            assertThat(index.get(0).getAttribute("enabled")).as(name).isEqualTo("true");
            assertThat(text(index.get(0), "atomic")).as(name + " atomic").isEqualTo("true");
            assertThat(text(index.get(0), "tokenised")).as(name + " tokenised").isEqualTo("false");
        }
    }

    @Test
    void constraintsShouldMatchTheEngine() {
        assertThat(listValues("lk:profiles"))
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(Profile.values()).map(Profile::code).toList());
        Element memoLength = constraint("lk:memoLength");
        assertThat(memoLength.getAttribute("type")).isEqualTo("LENGTH");
        assertThat(parameter(memoLength, "maxLength")).isEqualTo(String.valueOf(LockerModel.MEMO_LIMIT));
        assertThat(constraintRefs(LockerModel.MEMO)).containsExactly("lk:memoLength");
        assertThat(constraintRefs(LockerModel.DOCUMENT_TYPE))
                .as("administrators manage the document types: the repository must not restrict them")
                .isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    /** {@code Class.FIELD -> "lk:..."} of the model classes' public static final String constants. */
    static Map<String, String> engineNames() throws IllegalAccessException {
        Map<String, String> constants = new LinkedHashMap<>();
        for (Class<?> owner : ENGINE_NAME_CLASSES) {
            for (Field field : owner.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isPublic(modifiers)
                        && Modifier.isStatic(modifiers)
                        && Modifier.isFinal(modifiers)
                        && field.getType() == String.class) {
                    String value = (String) field.get(null);
                    if (value != null && value.startsWith("lk:")) {
                        constants.put(owner.getSimpleName() + "." + field.getName(), value);
                    }
                }
            }
        }
        return constants;
    }

    private static List<String> constraintRefs(String property) {
        return elements(properties.get(property), "constraint").stream()
                .map(e -> e.getAttribute("ref"))
                .toList();
    }

    private static Element constraint(String name) {
        return elements(model.getDocumentElement(), "constraint").stream()
                .filter(e -> name.equals(e.getAttribute("name")))
                .findFirst()
                .orElseThrow();
    }

    private static String parameter(Element constraint, String name) {
        return elements(constraint, "parameter").stream()
                .filter(e -> name.equals(e.getAttribute("name")))
                .map(e -> text(e, "value"))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> listValues(String constraintName) {
        Element list = elements(constraint(constraintName), "list").get(0);
        return elements(list, "value").stream()
                .map(e -> e.getTextContent().trim())
                .toList();
    }

    private static Set<String> names(String localName) {
        Set<String> names = new TreeSet<>();
        elements(model.getDocumentElement(), localName).stream()
                .filter(e -> e.hasAttribute("name"))
                .forEach(e -> names.add(e.getAttribute("name")));
        return names;
    }

    private static List<Element> elements(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS(ModelSemanticsTest.DICTIONARY_NS, localName);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static String text(Element parent, String localName) {
        List<Element> found = elements(parent, localName);
        return found.isEmpty() ? null : found.get(0).getTextContent().trim();
    }
}
