package org.locker.oak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.locker.core.platform.UndeclaredPropertyException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The properties the content model declares, and the values each takes, checked wherever the binding writes engine
 * properties: what Alfresco refuses (an undeclared property, 400 "Unknown property") is refused here too, from the
 * same file. The file is the repository module's {@code locker-model.xml}, the single source of truth, copied into
 * this module's classes at build time (locker-oak/pom.xml). Loaded once, when the platform starts.
 *
 * <p>Values are checked against the declared data type more strictly than Alfresco, which converts what it can: a
 * {@code d:text} takes a {@link String}, {@code d:boolean} a {@link Boolean}, {@code d:long} and {@code d:int} a
 * {@link Long}, {@code d:datetime} and {@code d:date} an {@link Instant}; a multi-valued property a list of
 * strings (of a {@code d:text}), a single-valued one never a list. A null value (removal) is allowed for a declared
 * property. Engine node types are not checked: on Alfresco they are values of {@code lk:engineType}.
 */
final class OakContentModel {

    static final String RESOURCE = "locker-model.xml";
    private static final String DICTIONARY = "http://www.alfresco.org/model/dictionary/1.0";

    /** A property's declaration: its data type ({@code d:text}, ...) and whether it is multi-valued. */
    record Declaration(String dataType, boolean multiple) {}

    private final Map<String, Declaration> properties;

    private OakContentModel(Map<String, Declaration> properties) {
        this.properties = Collections.unmodifiableMap(properties);
    }

    /** The model this module was built with. */
    static OakContentModel load() {
        try (InputStream in = OakContentModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing beside " + OakContentModel.class.getName()
                        + ": it is copied from locker-platform-module at build time");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OakContentModel parse(InputStream model) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            NodeList declared =
                    factory.newDocumentBuilder().parse(model).getElementsByTagNameNS(DICTIONARY, "property");
            Map<String, Declaration> properties = new LinkedHashMap<>();
            for (int i = 0; i < declared.getLength(); i++) {
                Element property = (Element) declared.item(i);
                properties.put(
                        property.getAttribute("name"),
                        new Declaration(child(property, "type"), "true".equals(child(property, "multiple"))));
            }
            return new OakContentModel(properties);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("unreadable content model: " + e.getMessage(), e);
        }
    }

    private static String child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e
                    && localName.equals(e.getLocalName())
                    && DICTIONARY.equals(e.getNamespaceURI())) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    Set<String> declared() {
        return properties.keySet();
    }

    /** @throws UndeclaredPropertyException for the first property the model does not declare for its value */
    void check(Map<String, Object> written) {
        if (written != null) {
            written.forEach(this::check);
        }
    }

    /** @throws UndeclaredPropertyException if the model does not declare {@code name} for {@code value} */
    void check(String name, Object value) {
        Declaration declaration = properties.get(name);
        if (declaration == null) {
            throw new UndeclaredPropertyException(name + " is not declared by the content model (locker-model.xml)");
        }
        if (value == null) {
            return;
        }
        if (value instanceof List<?> list) {
            if (!declaration.multiple() || !"d:text".equals(declaration.dataType())) {
                throw mismatch(name, declaration, "a list");
            }
            for (Object element : list) {
                if (!(element instanceof String)) {
                    throw mismatch(
                            name,
                            declaration,
                            "a list holding a " + element.getClass().getSimpleName());
                }
            }
            return;
        }
        if (declaration.multiple()) {
            throw mismatch(name, declaration, "a single " + value.getClass().getSimpleName());
        }
        boolean fits = switch (declaration.dataType()) {
            case "d:text", "d:mltext" -> value instanceof String;
            case "d:boolean" -> value instanceof Boolean;
            case "d:long", "d:int" -> value instanceof Long || value instanceof Integer;
            case "d:datetime", "d:date" -> value instanceof Instant;
            default -> false;
        };
        if (!fits) {
            throw mismatch(name, declaration, "a " + value.getClass().getSimpleName());
        }
    }

    private static UndeclaredPropertyException mismatch(String name, Declaration declaration, String given) {
        return new UndeclaredPropertyException(name + " is declared " + declaration.dataType()
                + (declaration.multiple() ? " (multiple)" : "") + " by the content model (locker-model.xml), not for "
                + given);
    }
}
