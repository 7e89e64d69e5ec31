package org.locker.sharemodule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Paths and parsers shared by the tests; paths are relative to the module directory (surefire's working directory). */
final class ShareFiles {

    static final String MODULE_ID = "locker-share-module";
    static final Path SOURCES = Path.of("src/main/resources");
    static final Path MODULE_DIR = SOURCES.resolve("alfresco/module/" + MODULE_ID);
    static final Path WEB_EXTENSION = SOURCES.resolve("alfresco/web-extension");
    static final Path WEBSCRIPTS = WEB_EXTENSION.resolve("site-webscripts");

    private ShareFiles() {}

    static List<Path> filesEndingWith(Path root, String suffix) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A namespace-aware parser that refuses DTDs and external entities. */
    static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        try (InputStream in = Files.newInputStream(file)) {
            return builder.parse(in, file.toUri().toString());
        }
    }

    /** Loads a .properties file the way Alfresco does (ISO-8859-1). */
    static Properties properties(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
