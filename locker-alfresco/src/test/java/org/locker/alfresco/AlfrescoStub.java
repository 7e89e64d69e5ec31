package org.locker.alfresco;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP stub of Alfresco (WireMock) and builders of answers in the shapes {@code alfresco-core.yaml}
 * defines. Tests stub the calls a port operation makes and assert the requests the binding sent.
 */
final class AlfrescoStub implements AutoCloseable {

    static final String CORE = AlfrescoRestClient.CORE;
    static final String SEARCH = AlfrescoRestClient.SEARCH;
    static final String AUTH = AlfrescoRestClient.AUTH;
    static final String ROOT_ID = "root-0000-0000";
    static final String ROOT_PATH = "Data Dictionary/Locker";
    static final String DATE = "2024-03-01T10:00:00.000+0000";

    static final ObjectMapper JSON = JsonMapper.builder().build();

    final WireMockServer server;

    AlfrescoStub() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://localhost:" + server.port());
    }

    AlfrescoSettings settings() {
        return new AlfrescoSettings(
                baseUrl(),
                "admin",
                "admin".toCharArray(),
                "/Company Home/" + ROOT_PATH,
                Duration.ofSeconds(2),
                Duration.ofSeconds(10),
                new AlfrescoSettings.RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)),
                java.util.Optional.empty(),
                AlfrescoSettings.DEFAULT_TOPIC,
                AlfrescoSettings.GuardiansSite.NONE);
    }

    /** Stubs what the platform does at start-up: resolve the root (present, inheritance already off). */
    void stubRoot() {
        server.stubFor(get(urlPathEqualTo(CORE + "/nodes/-root-"))
                .withQueryParam("relativePath", WireMock.equalTo(ROOT_PATH))
                .willReturn(json(200, entry(node(ROOT_ID, "Locker", "cm:folder", true)))));
        server.stubFor(get(urlPathEqualTo(CORE + "/nodes/" + ROOT_ID))
                .withQueryParam("include", WireMock.equalTo("permissions"))
                .willReturn(json(
                        200, entry(withPermissions(node(ROOT_ID, "Locker", "cm:folder", true), false, List.of())))));
    }

    /** A started platform on the stub, with an empty people list for the start-up reconcile. */
    AlfrescoPlatform platform() {
        stubRoot();
        stubPeople(List.of());
        return AlfrescoPlatform.builder(settings()).build();
    }

    void stubPeople(List<String> ids) {
        List<Map<String, Object>> people = new ArrayList<>();
        ids.forEach(id -> people.add(person(id)));
        server.stubFor(get(urlPathEqualTo(CORE + "/people")).atPriority(5).willReturn(json(200, list(people, false))));
    }

    MappingBuilder stub(MappingBuilder mapping) {
        server.stubFor(mapping);
        return mapping;
    }

    /**
     * Fails if a request the binding sent, or an answer this stub gave, breaks Alfresco's published contract (when
     * {@link AlfrescoContract#ENV} names it).
     */
    void assertServedWithinContract() {
        AlfrescoContract.fromEnvironment()
                .ifPresent(contract -> org.assertj.core.api.Assertions.assertThat(contract.violations(served()))
                        .as("requests and answers against " + System.getenv(AlfrescoContract.ENV))
                        .isEmpty());
    }

    List<ServeEvent> served() {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        java.util.Collections.reverse(events); // oldest first
        return events;
    }

    void resetRequests() {
        server.resetRequests();
    }

    @Override
    public void close() {
        server.stop();
    }

    // ------------------------------------------------------------------ answers

    static ResponseDefinitionBuilder json(int status, Object body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(JSON.writeValueAsString(body));
    }

    static ResponseDefinitionBuilder error(int status, String key, String summary) {
        return json(
                status,
                Map.of(
                        "error",
                        Map.of(
                                "errorKey",
                                key,
                                "statusCode",
                                status,
                                "briefSummary",
                                summary,
                                "stackTrace",
                                "For security reasons the stack trace is no longer displayed",
                                "descriptionURL",
                                "https://api-explorer.alfresco.com",
                                "logId",
                                "abc123")));
    }

    static Map<String, Object> entry(Object entity) {
        return Map.of("entry", entity);
    }

    static Map<String, Object> list(List<? extends Object> entities, boolean hasMore) {
        return list(entities, hasMore, 0);
    }

    static Map<String, Object> list(List<? extends Object> entities, boolean hasMore, int skip) {
        List<Map<String, Object>> entries = new ArrayList<>();
        entities.forEach(e -> entries.add(Map.of("entry", e)));
        return Map.of(
                "list",
                Map.of(
                        "pagination",
                        Map.of(
                                "count",
                                entities.size(),
                                "hasMoreItems",
                                hasMore,
                                "totalItems",
                                skip + entities.size() + (hasMore ? 1 : 0),
                                "skipCount",
                                skip,
                                "maxItems",
                                100),
                        "entries",
                        entries));
    }

    static Map<String, Object> user(String id) {
        return Map.of("id", id, "displayName", id);
    }

    static Map<String, Object> node(String id, String name, String nodeType, boolean folder) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", id);
        node.put("name", name);
        node.put("nodeType", nodeType);
        node.put("isFolder", folder);
        node.put("isFile", !folder);
        node.put("createdAt", DATE);
        node.put("createdByUser", user("admin"));
        node.put("modifiedAt", DATE);
        node.put("modifiedByUser", user("admin"));
        node.put("parentId", ROOT_ID);
        node.put("aspectNames", List.of("cm:auditable"));
        // Alfresco leaves "properties" out when there are none to show (withProperties adds them)
        if (!folder) {
            node.put(
                    "content",
                    Map.of(
                            "mimeType",
                            "text/plain",
                            "mimeTypeName",
                            "Plain Text",
                            "sizeInBytes",
                            5,
                            "encoding",
                            "UTF-8"));
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> withProperties(Map<String, Object> node, Map<String, Object> properties) {
        ((Map<String, Object>) node.computeIfAbsent("properties", k -> new LinkedHashMap<String, Object>()))
                .putAll(properties);
        return node;
    }

    static Map<String, Object> withPermissions(
            Map<String, Object> node, boolean inheritance, List<Map<String, Object>> locallySet) {
        node.put(
                "permissions",
                Map.of(
                        "isInheritanceEnabled",
                        inheritance,
                        "locallySet",
                        locallySet,
                        "settable",
                        List.of("Consumer", "Editor", "Collaborator")));
        return node;
    }

    static Map<String, Object> permission(String authority, String role) {
        return Map.of("authorityId", authority, "name", role, "accessStatus", "ALLOWED");
    }

    static Map<String, Object> person(String id) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("id", id);
        person.put("firstName", "First");
        person.put("lastName", "Last");
        person.put("displayName", "First Last");
        person.put("email", id + "@example.org");
        person.put("enabled", true);
        person.put("emailNotificationsEnabled", true);
        person.put("company", Map.of());
        person.put("capabilities", Map.of("isGuest", false, "isAdmin", false, "isMutable", true));
        return person;
    }

    static Map<String, Object> group(String id, String displayName) {
        return new LinkedHashMap<>(Map.of("id", id, "displayName", displayName, "isRoot", true));
    }

    static Map<String, Object> version(String label, String author, String comment) {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("id", label);
        if (comment != null && !comment.isEmpty()) {
            version.put("versionComment", comment);
        }
        version.put("name", "doc.txt");
        version.put("nodeType", "cm:content");
        version.put("isFolder", false);
        version.put("isFile", true);
        version.put("modifiedAt", DATE);
        version.put("modifiedByUser", user(author));
        version.put(
                "content",
                Map.of("mimeType", "text/plain", "mimeTypeName", "Plain Text", "sizeInBytes", 5, "encoding", "UTF-8"));
        version.put("aspectNames", List.of("cm:versionable", "cm:auditable", "lk:engineNode"));
        version.put(
                "properties",
                Map.of(
                        "cm:versionLabel",
                        label,
                        "cm:versionType",
                        label.endsWith(".0") ? "MAJOR" : "MINOR",
                        "lk:engineType",
                        "lk:deposit"));
        return version;
    }
}
