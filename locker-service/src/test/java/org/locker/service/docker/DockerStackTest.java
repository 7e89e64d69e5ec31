package org.locker.service.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Docker stack (docker/) cannot be started here (no Docker engine), so this reads what would make it fail to
 * start: the repository's keystore options and image tags that Alfresco does not publish.
 */
class DockerStackTest {

    static final Path DOCKER = Path.of("../docker");

    /**
     * Images (with tags) known to be published, and where each was seen:
     * <ul>
     * <li>repository, Share, Transform Core AIO, Search Services and PostgreSQL: Alfresco's reference Community
     * compose file (github.com/Alfresco/acs-deployment, docker-compose/community-compose.yaml, version 052a900), the
     * repository version being the one the recordings were made on (Community 25.3.0);</li>
     * <li>ActiveMQ: the image name Alfresco's own README gives as its example (github.com/Alfresco/alfresco-docker-activemq,
     * "Example final image"), the 5.18 broker of the recordings. The reference compose file names a pull-request
     * build ({@code ...-pr-123}), which is not a release tag;</li>
     * <li>the service's base image: Eclipse Temurin's official image, tag {@code 17-jre} (Java 17, the project's).</li>
     * </ul>
     */
    static final Set<String> PUBLISHED = Set.of(
            "alfresco/alfresco-content-repository-community:25.3.0",
            "alfresco/alfresco-share:25.3.0",
            "alfresco/alfresco-transform-core-aio:5.2.4",
            "alfresco/alfresco-search-services:2.0.17",
            "alfresco/alfresco-activemq:5.18-jre17-rockylinux8",
            "postgres:16.5",
            "eclipse-temurin:17-jre");

    /**
     * The repository image's keystore settings, which Alfresco's reference Community compose file passes in
     * {@code JAVA_TOOL_OPTIONS}: without them the repository does not start (it cannot open its keystore).
     */
    static final List<String> KEYSTORE_OPTIONS = List.of(
            "encryption.keystore.type",
            "encryption.cipherAlgorithm",
            "encryption.keyAlgorithm",
            "encryption.keystore.location",
            "metadata-keystore.password",
            "metadata-keystore.aliases",
            "metadata-keystore.metadata.password",
            "metadata-keystore.metadata.algorithm");

    /** {@code ${NAME:-default}} and {@code ${NAME}} of compose files. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");

    static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("alfresco", "share", "activemq", "postgres", "locker");
    }

    @Test
    void theRepositoryShouldGetTheKeystoreOptions() {
        String options = defaults(String.valueOf(environment("alfresco").get("JAVA_TOOL_OPTIONS")));
        Map<String, String> given = new LinkedHashMap<>();
        Matcher option = Pattern.compile("-D([\\w.-]+)=(\\S*)").matcher(options);
        while (option.find()) {
            given.put(option.group(1), option.group(2));
        }
        for (String name : KEYSTORE_OPTIONS) {
            assertThat(given.get(name))
                    .as("-D" + name + " in the repository's JAVA_TOOL_OPTIONS")
                    .isNotBlank();
        }
        assertThat(given.get("encryption.keystore.location")).startsWith("/usr/local/tomcat/");
    }

    @Test
    void everyImageShouldBeOneAlfrescoOrItsPublisherPublishes() throws IOException {
        List<String> images = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            Object build = service.getValue().get("build");
            if (build == null) {
                images.add(defaults(String.valueOf(service.getValue().get("image"))));
            } else {
                images.add(baseImage(service.getKey(), castMap(build)));
            }
        }
        assertThat(images)
                .hasSize(services.size())
                .allSatisfy(image -> assertThat(PUBLISHED).contains(image));
        assertThat(images).contains("alfresco/alfresco-activemq:5.18-jre17-rockylinux8");
    }

    /** The image a built service starts from: its Dockerfile's FROM, with the ARG defaults and compose's build args. */
    private static String baseImage(String service, Map<String, Object> build) throws IOException {
        Map<String, String> args = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(DOCKER.resolve("..").resolve(String.valueOf(build.get("dockerfile"))));
        String from = null;
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.startsWith("ARG ") && trimmed.contains("=")) {
                String[] pair = trimmed.substring(4).split("=", 2);
                args.put(pair[0].trim(), pair[1].trim());
            } else if (trimmed.startsWith("FROM ") && from == null) {
                from = trimmed.substring(5).trim();
            }
        }
        Object composeArgs = build.get("args");
        if (composeArgs != null) {
            castMap(composeArgs).forEach((name, value) -> args.put(name, defaults(String.valueOf(value))));
        }
        assertThat(from).as("FROM of " + service).isNotNull();
        Matcher variable = VARIABLE.matcher(from);
        StringBuilder image = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(image, Matcher.quoteReplacement(args.getOrDefault(variable.group(1), "")));
        }
        variable.appendTail(image);
        return image.toString();
    }

    /** What the stack gets with no variable set: each {@code ${NAME:-default}} replaced by its default. */
    private static String defaults(String text) {
        Matcher variable = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(
                    result, Matcher.quoteReplacement(variable.group(2) == null ? "" : variable.group(2)));
        }
        variable.appendTail(result);
        return result.toString();
    }

    private static Map<String, Object> environment(String service) {
        return castMap(services.get(service).get("environment"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
