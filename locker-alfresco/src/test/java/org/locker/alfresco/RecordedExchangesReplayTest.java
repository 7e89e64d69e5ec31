package org.locker.alfresco;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps the test doubles honest: every exchange recorded with a real Alfresco Community 25.3 (noindex), in the
 * directory {@code ALFRESCO_RECORDINGS} names ({@code shared/alfresco/recordings}, set by {@code .ci/run}), is
 * replayed against {@link FakeAlfresco}, which must answer with the same status and the same shape
 * ({@link JsonShapes}: keys and JSON types, not values). Each recorded call kind and status has a scenario here
 * that builds, through the same REST API, what the recorded call found (a folder, a reader, a group with
 * members...), then sends the recorded request with those ids; a recording without a scenario fails, so that a
 * new recording cannot be left unreplayed. The WireMock stubs' answer builders ({@link AlfrescoStub}) are held to
 * the recorded shapes too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordedExchangesReplayTest {

    static final String ENV = "ALFRESCO_RECORDINGS";
    private static final String CORE = AlfrescoRestClient.CORE;
    private static final String AUTH = AlfrescoRestClient.AUTH;
    private static final String SEARCH = AlfrescoRestClient.SEARCH;
    private static final String PASSWORD = "Replay-Pass-1";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Path recordings;
    private FakeAlfresco alfresco;
    /** An Alfresco without the repository AMP: the recordings made before it was installed. */
    private FakeAlfresco bare;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The recordings' directory, or empty when this environment has none. */
    static java.util.Optional<Path> recordingsDirectory() {
        String dir = System.getenv(ENV);
        return dir == null || dir.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(Path.of(dir));
    }

    @BeforeAll
    void open() {
        java.util.Optional<Path> dir = recordingsDirectory();
        Assumptions.assumeTrue(
                dir.isPresent(),
                ENV + " is not set: the replay of Alfresco's recorded exchanges is"
                        + " skipped here (CI sets it to shared/alfresco/recordings, see .ci/run)");
        recordings = dir.get();
        assertThat(recordings.resolve("INDEX.txt"))
                .as(ENV + " names the recordings' directory")
                .isRegularFile();
        alfresco = new FakeAlfresco();
        bare = FakeAlfresco.withoutLockerModel();
    }

    @AfterAll
    void close() {
        if (alfresco != null) {
            alfresco.close();
            bare.close();
        }
    }

    // ================================================================== the replay

    @TestFactory
    Stream<DynamicTest> everyRecordedExchange() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(recordings)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode recording = JSON.readTree(file.toFile());
                String kind = file.getFileName().toString().replace(".json", "");
                for (JsonNode example : recording.path("examples")) {
                    int status = example.path("status").asInt();
                    tests.add(DynamicTest.dynamicTest(kind + " -> " + status, () -> replay(kind, status, example)));
                }
            }
        }
        assertThat(tests).as("recorded exchanges").isNotEmpty();
        return tests.stream();
    }

    private void replay(String kind, int status, JsonNode example) throws Exception {
        Exchange exchange = scenario(kind, status, example);
        HttpResponse<byte[]> response = exchange.send(http);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(exchange + " answered " + body).isEqualTo(status);
        JsonNode recorded = example.path("responseBody");
        if (recorded.isNull() || recorded.isMissingNode()) {
            assertThat(body).as("no body, as recorded").isEmpty();
        } else if (!example.path("responseContentType").asString("").contains("json")) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).doesNotContain("json");
            assertThat(body).isNotEmpty();
        } else {
            assertThat(JsonShapes.differences(recorded, JSON.readTree(body)))
                    .as(exchange + " answered " + body)
                    .isEmpty();
        }
    }

    /** What each recorded call found, built on the fake, and the recorded request with the fake's ids. */
    private Exchange scenario(String kind, int status, JsonNode example) {
        String query = query(example);
        switch (kind + " " + status) {
            // ---------------------------------------------------------------- tickets
            case "auth_GET_tickets_me 200" -> {
                String user = person("me");
                return get(AUTH + "/tickets/-me-", ticketAuth(ticket(user)));
            }
            case "auth_GET_tickets_me 401" -> {
                return get(AUTH + "/tickets/-me-", ticketAuth("TICKET_forged"));
            }
            case "auth_POST_tickets 201", "auth_POST_tickets 403", "auth_POST_tickets 400" -> {
                String user = person("signin");
                String password = status == 201 ? PASSWORD : status == 403 ? "wrong" : "";
                return send(
                        "POST",
                        AUTH + "/tickets",
                        null,
                        "application/json",
                        json(Map.of("userId", user, "password", password)),
                        alfresco);
            }
            // ---------------------------------------------------------------- groups
            case "core_DELETE_groups_groupId 204" -> {
                return send("DELETE", CORE + "/groups/" + group("gone"), admin(), null, null, alfresco);
            }
            case "core_DELETE_groups_groupId_members_memberId 204" -> {
                String group = group("club");
                String user = person("joiner");
                addMember(group, user, "PERSON");
                return send("DELETE", CORE + "/groups/" + group + "/members/" + user, admin(), null, null, alfresco);
            }
            case "core_GET_groups_groupId_members_q_maxItems_skipCount 200" -> {
                String group = group("among");
                addMember(group, person("m"), "PERSON");
                addMember(group, person("m"), "PERSON");
                return get(CORE + "/groups/" + group + "/members?" + query, admin()); // the index has none yet
            }
            case "core_GET_groups_groupId_q_include_description 404" -> {
                return get(CORE + "/groups/GROUP_" + unique("nogroup") + "?" + query, admin());
            }
            case "core_GET_groups_groupId_q_include_description 200" -> {
                String group = group("described");
                put(CORE + "/groups/" + group, Map.of("displayName", "Teachers", "description", "{\"lk:rank\":2}"));
                return get(CORE + "/groups/" + group + "?" + query, admin());
            }
            case "core_GET_groups_groupId_q_include_parentIds 200" -> {
                String parent = group("parent");
                String child = group("direct");
                addMember(parent, child, "GROUP");
                return get(CORE + "/groups/" + child + "?" + query, admin());
            }
            case "core_GET_groups_q_include_description_maxItems_skipCount 200" -> {
                String group = group("listed");
                put(CORE + "/groups/" + group, Map.of("displayName", "Listed", "description", "{\"lk:school\":\"s\"}"));
                return get(CORE + "/groups?" + query, admin());
            }
            case "core_POST_groups 201" -> {
                return send(
                        "POST",
                        CORE + "/groups",
                        admin(),
                        "application/json",
                        json(Map.of("id", "GROUP_" + unique("staff"), "displayName", "Staff")),
                        alfresco);
            }
            case "core_POST_groups 409" -> {
                String group = group("dupgroup");
                return send(
                        "POST",
                        CORE + "/groups",
                        admin(),
                        "application/json",
                        json(Map.of("id", group, "displayName", "Dup")),
                        alfresco);
            }
            case "core_POST_groups_groupId_members 201", "core_POST_groups_groupId_members 409" -> {
                String group = group("class");
                String user = person("member");
                if (status == 409) {
                    addMember(group, user, "PERSON");
                }
                return send(
                        "POST",
                        CORE + "/groups/" + group + "/members",
                        admin(),
                        "application/json",
                        json(Map.of("id", user, "memberType", "PERSON")),
                        alfresco);
            }
            case "core_PUT_groups_groupId 200" -> {
                String group = group("renamed");
                return send(
                        "PUT",
                        CORE + "/groups/" + group,
                        admin(),
                        "application/json",
                        example.path("requestBody").toString().getBytes(StandardCharsets.UTF_8),
                        alfresco);
            }
            // ---------------------------------------------------------------- nodes
            case "core_DELETE_nodes_nodeId_q_permanent_true 204" -> {
                return send("DELETE", CORE + "/nodes/" + folder() + "?" + query, admin(), null, null, alfresco);
            }
            case "core_DELETE_nodes_nodeId_q_permanent_true 404" -> {
                return send(
                        "DELETE", CORE + "/nodes/" + UUID.randomUUID() + "?" + query, admin(), null, null, alfresco);
            }
            case "core_DELETE_nodes_nodeId_q_permanent_true 403" -> {
                String document = document("doc.txt", "x", Map.of());
                String writer = person("writer");
                permissions(document, List.of(writer, "Editor"));
                return send("DELETE", CORE + "/nodes/" + document + "?" + query, basic(writer), null, null, alfresco);
            }
            case "core_GET_nodes_etc_passwd_q_include_properties_aspectNames 404",
                    "core_GET_nodes_x_q_include_properties_aspectNames 404" -> {
                return get(example.path("path").asString(), admin());
            }
            case "core_GET_nodes_nodeId_children_q_include_properties_aspectNames_maxItems_orderBy_skipCount 200" -> {
                return get(CORE + "/nodes/" + folder() + "/children?" + query, admin());
            }
            case "core_GET_nodes_nodeId_content_q_attachment 200" -> {
                return get(CORE + "/nodes/" + document("doc.txt", "third", Map.of()) + "/content?" + query, admin());
            }
            case "core_GET_nodes_nodeId_q_include_allowableOperations 200" -> {
                String document = document("doc.txt", "secret", Map.of("lk:subject", "secret"));
                String writer = person("writer");
                permissions(document, List.of(writer, "Editor"));
                return get(CORE + "/nodes/" + document + "?" + query, basic(writer));
            }
            case "core_GET_nodes_nodeId_q_include_permissions 200",
                    "core_GET_nodes_nodeId_q_include_properties_aspectNames 200",
                    "core_GET_nodes_nodeId_versions_q_maxItems_skipCount 200" -> {
                String suffix =
                        example.path("path").asString().matches(".*/nodes/[^/?]+/versions.*") ? "/versions" : "";
                return get(CORE + "/nodes/" + folder() + suffix + "?" + query, admin());
            }
            case "core_GET_nodes_nodeId_q_include_properties 200" -> {
                return get(CORE + "/nodes/" + personNode(person("node")) + "?" + query, admin());
            }
            case "core_GET_nodes_nodeId_q_include_properties_aspectNames 404" -> {
                return get(CORE + "/nodes/" + UUID.randomUUID() + "?" + query, admin());
            }
            case "core_GET_nodes_nodeId_q_include_properties_aspectNames 403" -> {
                String closed = folder();
                put(
                        CORE + "/nodes/" + closed,
                        Map.of("permissions", Map.of("isInheritanceEnabled", false, "locallySet", List.of())));
                return get(CORE + "/nodes/" + closed + "?" + query, basic(person("outsider")));
            }
            case "core_GET_nodes_nodeId_q_include_properties_aspectNames_relativePath 404" -> {
                return get(CORE + "/nodes/" + folder() + "?" + query, admin());
            }
            case "core_GET_nodes_nodeId_q_include_properties_aspectNames_relativePath 200" -> {
                String top = folder();
                String relative = URLDecoder.decode(parameter(query, "relativePath"), StandardCharsets.UTF_8);
                int slash = relative.lastIndexOf('/');
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("name", relative.substring(slash + 1));
                body.put("nodeType", "cm:folder");
                if (slash > 0) {
                    body.put("relativePath", relative.substring(0, slash));
                }
                created(send(
                        "POST",
                        CORE + "/nodes/" + top + "/children",
                        admin(),
                        "application/json",
                        json(body),
                        alfresco));
                return get(CORE + "/nodes/" + top + "?" + query, admin());
            }
            case "core_GET_nodes_nodeId_versions_versionId 200", "core_GET_nodes_nodeId_versions_versionId 404" -> {
                return get(
                        CORE + "/nodes/" + document("doc.txt", "first", Map.of()) + "/versions/"
                                + (status == 200 ? "1.0" : "9.9"),
                        admin());
            }
            case "core_GET_nodes_nodeId_versions_versionId_content_q_attachment 200" -> {
                return get(
                        CORE + "/nodes/" + document("doc.txt", "first", Map.of()) + "/versions/1.0/content?" + query,
                        admin());
            }
            case "core_GET_nodes_root_q_relativePath 404", "core_GET_nodes_root_q_relativePath 200" -> {
                if (status == 200) {
                    String relative = URLDecoder.decode(parameter(query, "relativePath"), StandardCharsets.UTF_8);
                    int slash = relative.lastIndexOf('/');
                    Exchange create = send(
                            "POST",
                            CORE + "/nodes/-root-/children",
                            admin(),
                            "application/json",
                            json(Map.of(
                                    "name",
                                    relative.substring(slash + 1),
                                    "nodeType",
                                    "cm:folder",
                                    "relativePath",
                                    relative.substring(0, Math.max(slash, 0)))),
                            alfresco);
                    try {
                        create.send(http); // 409 when an earlier replay created it
                    } catch (IOException | InterruptedException e) {
                        throw new AssertionError(e);
                    }
                }
                return get(CORE + "/nodes/-root-?" + query, admin());
            }
            case "core_POST_nodes_nodeId_children_json 201" -> {
                return send(
                        "POST",
                        CORE + "/nodes/" + folder() + "/children",
                        admin(),
                        "application/json",
                        json(Map.of("name", unique("queries"), "nodeType", "cm:folder")),
                        alfresco);
            }
            case "core_POST_nodes_nodeId_children_json 400" -> {
                return send(
                        "POST",
                        CORE + "/nodes/-root-/children",
                        admin(),
                        "application/json",
                        example.path("requestBody").toString().getBytes(StandardCharsets.UTF_8),
                        bare);
            }
            case "core_POST_nodes_nodeId_children_json 409" -> {
                String parent = folder();
                byte[] body = example.path("requestBody").toString().getBytes(StandardCharsets.UTF_8);
                created(send(
                        "POST", CORE + "/nodes/" + parent + "/children", admin(), "application/json", body, alfresco));
                return send(
                        "POST", CORE + "/nodes/" + parent + "/children", admin(), "application/json", body, alfresco);
            }
            case "core_POST_nodes_nodeId_children_json 403" -> {
                return send(
                        "POST",
                        CORE + "/nodes/" + folder() + "/children",
                        basic(person("intruder")),
                        "application/json",
                        example.path("requestBody").toString().getBytes(StandardCharsets.UTF_8),
                        alfresco);
            }
            case "core_POST_nodes_nodeId_children_multipart 400",
                    "core_POST_nodes_nodeId_children_multipart 201",
                    "core_POST_nodes_nodeId_children_multipart 409",
                    "core_POST_nodes_nodeId_children_multipart 422" -> {
                byte[] body = example.path("requestBody").asString().getBytes(StandardCharsets.UTF_8);
                String type = example.path("requestContentType").asString();
                if (status == 400) {
                    return send("POST", CORE + "/nodes/-root-/children", admin(), type, body, bare);
                }
                String parent = folder();
                if (status == 409) {
                    created(send("POST", CORE + "/nodes/" + parent + "/children", admin(), type, body, alfresco));
                }
                return send("POST", CORE + "/nodes/" + parent + "/children", admin(), type, body, alfresco);
            }
            case "core_POST_nodes_root_children_json 201" -> {
                ObjectNode body = (ObjectNode) example.path("requestBody").deepCopy();
                body.put("name", unique("conformance"));
                return send(
                        "POST",
                        CORE + "/nodes/-root-/children",
                        admin(),
                        "application/json",
                        body.toString().getBytes(StandardCharsets.UTF_8),
                        alfresco);
            }
            case "core_PUT_nodes_nodeId_content_q_comment_include_properties_aspectNames_majorVersion 200",
                    "core_PUT_nodes_nodeId_content_q_include_properties_aspectNames_majorVersion 200",
                    "core_PUT_nodes_nodeId_content_q_comment_include_properties_aspectNames_majorVersion 403",
                    "core_PUT_nodes_nodeId_content_q_include_properties_aspectNames_majorVersion 403" -> {
                String document = document("doc.txt", "first", Map.of());
                String user = person(status == 200 ? "writer" : "reader");
                if (status == 200) {
                    permissions(document, List.of(user, "Editor"));
                }
                return send(
                        "PUT",
                        CORE + "/nodes/" + document + "/content?" + query,
                        basic(user),
                        "application/octet-stream",
                        example.path("requestBody").asString().getBytes(StandardCharsets.UTF_8),
                        alfresco);
            }
            case "core_PUT_nodes_nodeId_permissions 200" -> {
                return send(
                        "PUT",
                        CORE + "/nodes/" + folder(),
                        admin(),
                        "application/json",
                        example.path("requestBody").toString().getBytes(StandardCharsets.UTF_8),
                        alfresco);
            }
            case "core_PUT_nodes_nodeId_permissions 403" -> {
                String writer = person("writer");
                String friend = person("friend");
                return send(
                        "PUT",
                        CORE + "/nodes/" + folder(),
                        basic(friend),
                        "application/json",
                        json(Map.of(
                                "permissions",
                                Map.of(
                                        "isInheritanceEnabled",
                                        false,
                                        "locallySet",
                                        List.of(
                                                Map.of(
                                                        "authorityId",
                                                        writer,
                                                        "accessStatus",
                                                        "ALLOWED",
                                                        "name",
                                                        "Editor"),
                                                Map.of(
                                                        "authorityId",
                                                        friend,
                                                        "accessStatus",
                                                        "ALLOWED",
                                                        "name",
                                                        "Consumer"))))),
                        alfresco);
            }
            case "core_PUT_nodes_nodeId_properties 200", "core_PUT_nodes_nodeId_properties 403" -> {
                String document = document("doc.txt", "x", Map.of("lk:subject", "secret"));
                String user = person(status == 200 ? "writer" : "reader");
                if (status == 200) {
                    permissions(document, List.of(user, "Editor"));
                }
                return send(
                        "PUT",
                        CORE + "/nodes/" + document,
                        basic(user),
                        "application/json",
                        example.path("requestBody").toString().getBytes(StandardCharsets.UTF_8),
                        alfresco);
            }
            // ---------------------------------------------------------------- people
            case "core_GET_people_me 200" -> {
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("lk:classes", List.of("6A"));
                properties.put("lk:children", List.of());
                properties.put("lk:delegateOf", List.of());
                properties.put("lk:profile", "teacher");
                return get(CORE + "/people/-me-", basic(person("teacher", properties)));
            }
            case "core_GET_people_me_q_fields_id 200" -> {
                return get(CORE + "/people/-me-?" + query, basic(person("writer")));
            }
            case "core_GET_people_personId_groups_q_maxItems_skipCount 200" -> {
                String user = person("nested");
                String parent = group("parent");
                String direct = group("direct");
                addMember(parent, direct, "GROUP");
                addMember(direct, user, "PERSON");
                return get(CORE + "/people/" + user + "/groups?" + query, admin());
            }
            case "core_GET_people_personId_q_fields_id 404",
                    "core_GET_people_personId_q_include_properties_aspectNames 404" -> {
                return get(CORE + "/people/" + unique("nobody") + "?" + query, admin());
            }
            case "core_GET_people_personId_q_fields_id 200" -> {
                return get(CORE + "/people/" + person("teacher") + "?" + query, admin());
            }
            case "core_GET_people_personId_q_include_properties_aspectNames 200" -> {
                String user = person("unsaved");
                put(CORE + "/people/" + user, Map.of("enabled", false));
                return get(CORE + "/people/" + user + "?" + query, admin());
            }
            case "core_GET_people_q_fields_id_maxItems_skipCount 200" -> {
                return get(CORE + "/people?" + query, admin());
            }
            case "core_POST_people 201", "core_POST_people 409" -> {
                ObjectNode body = (ObjectNode) example.path("requestBody").deepCopy();
                body.put("id", status == 409 ? person("dup") : unique("head"));
                body.put("password", PASSWORD);
                return send(
                        "POST",
                        CORE + "/people",
                        admin(),
                        "application/json",
                        body.toString().getBytes(StandardCharsets.UTF_8),
                        alfresco);
            }
            case "core_POST_people 400" -> {
                ObjectNode body = (ObjectNode) example.path("requestBody").deepCopy();
                body.put("id", unique("a"));
                body.put("password", PASSWORD);
                return send(
                        "POST",
                        CORE + "/people",
                        admin(),
                        "application/json",
                        body.toString().getBytes(StandardCharsets.UTF_8),
                        bare);
            }
            case "core_PUT_people_personId 200" -> {
                return send(
                        "PUT",
                        CORE + "/people/" + person("phantom"),
                        admin(),
                        "application/json",
                        example.path("requestBody").toString().getBytes(StandardCharsets.UTF_8),
                        alfresco);
            }
            // ---------------------------------------------------------------- sites
            case "core_GET_sites_siteId 404" -> {
                return get(CORE + "/sites/" + unique("nosite"), admin());
            }
            case "core_GET_sites_siteId 200" -> {
                return get(CORE + "/sites/" + site(), admin());
            }
            case "core_GET_sites_siteId_group_members_q_maxItems_skipCount 200" -> {
                return get(CORE + "/sites/" + site() + "/group-members?" + query, admin());
            }
            case "core_POST_sites_q_skipAddToFavorites 201" -> {
                ObjectNode body = (ObjectNode) example.path("requestBody").deepCopy();
                body.put("id", unique("site"));
                return send(
                        "POST",
                        CORE + "/sites?" + query,
                        admin(),
                        "application/json",
                        body.toString().getBytes(StandardCharsets.UTF_8),
                        alfresco);
            }
            case "core_POST_sites_siteId_group_members 404", "core_POST_sites_siteId_group_members 201" -> {
                String group = status == 201 ? group("profile") : "GROUP_" + unique("missing");
                return send(
                        "POST",
                        CORE + "/sites/" + site() + "/group-members",
                        admin(),
                        "application/json",
                        json(Map.of("role", "SiteConsumer", "id", group)),
                        alfresco);
            }
            // ---------------------------------------------------------------- search
            case "search_POST_search_engine_query 200" -> {
                return send(
                        "POST",
                        SEARCH + "/search",
                        admin(),
                        "application/json",
                        example.path("requestBody").toString().getBytes(StandardCharsets.UTF_8),
                        alfresco);
            }
            case "search_POST_search_person 200" -> {
                String query1 =
                        example.path("requestBody").path("query").path("query").asString();
                String value = query1.replaceAll(".*=lk:classes:\"([^\"]+)\".*", "$1");
                person("a", Map.of("lk:classes", List.of("5A", value)));
                return send(
                        "POST",
                        SEARCH + "/search",
                        admin(),
                        "application/json",
                        example.path("requestBody").toString().getBytes(StandardCharsets.UTF_8),
                        alfresco);
            }
            default ->
                throw new AssertionError("no replay scenario for the recorded " + kind + " -> " + status
                        + ": add one to " + RecordedExchangesReplayTest.class.getSimpleName());
        }
    }

    // ================================================================== the stubs' shapes

    /** The answers the WireMock tests build ({@link AlfrescoStub}) have the shapes Alfresco answered with. */
    @Test
    void shouldBuildStubAnswersInTheRecordedShapes() throws IOException {
        JsonNode folder = entry("core_GET_nodes_nodeId_q_include_properties_aspectNames", 200);
        JsonNode document = entry("core_POST_nodes_nodeId_children_multipart", 201);
        JsonNode person = entry("core_POST_people", 201);
        JsonNode group = entry("core_POST_groups", 201);
        JsonNode version = entry("core_GET_nodes_nodeId_versions_versionId", 200);
        JsonNode list =
                example("core_GET_people_q_fields_id_maxItems_skipCount", 200).path("responseBody");
        JsonNode error = example("core_GET_people_personId_q_fields_id", 404).path("responseBody");

        assertThat(JsonShapes.differences(folder, tree(AlfrescoStub.node("f", "folder", "cm:folder", true))))
                .as("a folder")
                .isEmpty();
        assertThat(JsonShapes.differences(
                        document,
                        tree(AlfrescoStub.withProperties(
                                AlfrescoStub.node("d", "doc.txt", "cm:content", false),
                                Map.of(
                                        "cm:versionLabel",
                                        "1.0",
                                        "cm:versionType",
                                        "MAJOR",
                                        "lk:engineType",
                                        "lk:deposit")))))
                .as("a document")
                .isEmpty();
        assertThat(JsonShapes.differences(person, tree(AlfrescoStub.person("ann"))))
                .as("a person")
                .isEmpty();
        assertThat(JsonShapes.differences(group, tree(AlfrescoStub.group("GROUP_x", "X"))))
                .as("a group")
                .isEmpty();
        assertThat(JsonShapes.differences(version, tree(AlfrescoStub.version("1.0", "admin", null))))
                .as("a version")
                .isEmpty();
        assertThat(JsonShapes.differences(list, tree(AlfrescoStub.list(List.of(Map.of("id", "ann")), false))))
                .as("a list")
                .isEmpty();
        assertThat(JsonShapes.differences(
                        error,
                        JSON.readTree(AlfrescoStub.error(404, "framework.exception.EntityNotFound", "not found")
                                .build()
                                .getBody())))
                .as("an error")
                .isEmpty();
    }

    private JsonNode example(String kind, int status) throws IOException {
        for (JsonNode example :
                JSON.readTree(recordings.resolve(kind + ".json").toFile()).path("examples")) {
            if (example.path("status").asInt() == status) {
                return example;
            }
        }
        throw new AssertionError("no recorded " + kind + " -> " + status);
    }

    private JsonNode entry(String kind, int status) throws IOException {
        return example(kind, status).path("responseBody").path("entry");
    }

    private static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    // ================================================================== requests

    /** One request to send: method, path and query, Authorization (or none), body. */
    private record Exchange(
            String method,
            String pathAndQuery,
            String authorization,
            String contentType,
            byte[] body,
            FakeAlfresco target) {

        HttpResponse<byte[]> send(HttpClient http) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.baseUrl() + pathAndQuery))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        @Override
        public String toString() {
            return method + " " + pathAndQuery;
        }
    }

    private Exchange get(String pathAndQuery, String authorization) {
        return new Exchange("GET", pathAndQuery, authorization, null, null, alfresco);
    }

    private static Exchange send(
            String method,
            String pathAndQuery,
            String authorization,
            String contentType,
            byte[] body,
            FakeAlfresco target) {
        return new Exchange(method, pathAndQuery, authorization, contentType, body, target);
    }

    /** Sends a set-up call to the fake and returns its answer, which must be a success. */
    private JsonNode call(Exchange exchange) {
        try {
            HttpResponse<byte[]> response = exchange.send(http);
            String body = new String(response.body(), StandardCharsets.UTF_8);
            assertThat(response.statusCode())
                    .as("set-up " + exchange + ": " + body)
                    .isLessThan(300);
            return body.isEmpty() ? JSON.missingNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String created(Exchange exchange) {
        return call(exchange).path("entry").path("id").asString();
    }

    private void put(String path, Object body) {
        call(send("PUT", path, admin(), "application/json", json(body), alfresco));
    }

    private static String query(JsonNode example) {
        String path = example.path("path").asString();
        int question = path.indexOf('?');
        return question < 0 ? "" : path.substring(question + 1);
    }

    private static String parameter(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in " + query);
    }

    private static byte[] json(Object value) {
        return JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
    }

    private static String unique(String base) {
        return base + "-" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000, 36);
    }

    private static String admin() {
        return basic(FakeAlfresco.ADMIN, FakeAlfresco.ADMIN_PASSWORD);
    }

    private static String basic(String user) {
        return basic(user, PASSWORD);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String ticketAuth(String ticket) {
        return "Basic " + Base64.getEncoder().encodeToString(ticket.getBytes(StandardCharsets.UTF_8));
    }

    // ================================================================== fixtures, through the REST API

    private String person(String base) {
        return person(base, Map.of());
    }

    private String person(String base, Map<String, Object> properties) {
        String id = unique(base);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("firstName", "First");
        body.put("lastName", "Last");
        body.put("email", id + "@example.org");
        body.put("password", PASSWORD);
        if (!properties.isEmpty()) {
            body.put("properties", properties);
        }
        return created(send("POST", CORE + "/people", admin(), "application/json", json(body), alfresco));
    }

    private String ticket(String user) {
        return call(send(
                        "POST",
                        AUTH + "/tickets",
                        null,
                        "application/json",
                        json(Map.of("userId", user, "password", PASSWORD)),
                        alfresco))
                .path("entry")
                .path("id")
                .asString();
    }

    /** The id of the user's cm:person node, found as the binding finds people. */
    private String personNode(String user) {
        JsonNode found = call(send(
                "POST",
                SEARCH + "/search",
                admin(),
                "application/json",
                json(Map.of(
                        "query",
                        Map.of("query", "TYPE:\"cm:person\" AND =cm:userName:\"" + user + "\"", "language", "afts"))),
                alfresco));
        return found.path("list")
                .path("entries")
                .get(0)
                .path("entry")
                .path("id")
                .asString();
    }

    private String group(String base) {
        return created(send(
                "POST",
                CORE + "/groups",
                admin(),
                "application/json",
                json(Map.of("id", "GROUP_" + unique(base), "displayName", base)),
                alfresco));
    }

    private void addMember(String group, String member, String type) {
        call(send(
                "POST",
                CORE + "/groups/" + group + "/members",
                admin(),
                "application/json",
                json(Map.of("id", member, "memberType", type)),
                alfresco));
    }

    /** A folder below Company Home (which lets everyone read), owned by the administrator. */
    private String folder() {
        return created(send(
                "POST",
                CORE + "/nodes/-root-/children",
                admin(),
                "application/json",
                json(Map.of("name", unique("folder"), "nodeType", "cm:folder")),
                alfresco));
    }

    /** A versioned document (1.0) as the binding uploads one, with its engine type and these properties. */
    private String document(String name, String content, Map<String, String> properties) {
        String boundary = "replay-" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("nodeType", "cm:content");
        fields.put("majorVersion", "true");
        fields.put("lk:engineType", "lk:deposit");
        fields.putAll(properties);
        fields.forEach((field, value) -> body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; ")
                .append("name=\"")
                .append(field)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
        body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"filedata\"; filename=\"")
                .append(name)
                .append("\"\r\nContent-Type: text/plain\r\n\r\n")
                .append(content)
                .append("\r\n--")
                .append(boundary)
                .append("--\r\n");
        return created(send(
                "POST",
                CORE + "/nodes/" + folder() + "/children",
                admin(),
                "multipart/form-data;boundary=" + boundary,
                body.toString().getBytes(StandardCharsets.UTF_8),
                alfresco));
    }

    /** Local permissions: authority and role, in pairs; inheritance kept (everyone reads from Company Home). */
    private void permissions(String node, List<String> pairs) {
        List<Map<String, Object>> local = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i += 2) {
            local.add(Map.of("authorityId", pairs.get(i), "name", pairs.get(i + 1), "accessStatus", "ALLOWED"));
        }
        put(CORE + "/nodes/" + node, Map.of("permissions", Map.of("isInheritanceEnabled", true, "locallySet", local)));
    }

    private String site() {
        String id = unique("site");
        return created(send(
                "POST",
                CORE + "/sites?skipAddToFavorites=true",
                admin(),
                "application/json",
                json(Map.of("id", id, "title", "Site", "description", "A site", "visibility", "PRIVATE")),
                alfresco));
    }
}
