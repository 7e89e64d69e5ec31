package org.locker.alfresco;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.locker.alfresco.AlfrescoStub.CORE;
import static org.locker.alfresco.AlfrescoStub.JSON;
import static org.locker.alfresco.AlfrescoStub.ROOT_ID;
import static org.locker.alfresco.AlfrescoStub.SEARCH;
import static org.locker.alfresco.AlfrescoStub.entry;
import static org.locker.alfresco.AlfrescoStub.error;
import static org.locker.alfresco.AlfrescoStub.group;
import static org.locker.alfresco.AlfrescoStub.json;
import static org.locker.alfresco.AlfrescoStub.list;
import static org.locker.alfresco.AlfrescoStub.node;
import static org.locker.alfresco.AlfrescoStub.permission;
import static org.locker.alfresco.AlfrescoStub.person;
import static org.locker.alfresco.AlfrescoStub.version;
import static org.locker.alfresco.AlfrescoStub.withPermissions;
import static org.locker.alfresco.AlfrescoStub.withProperties;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.Access;
import org.locker.core.platform.AccessDeniedException;
import org.locker.core.platform.AccessEntry;
import org.locker.core.platform.AlreadyExistsException;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NodeQuery;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.PlatformException;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;
import org.locker.core.platform.Version;
import tools.jackson.databind.JsonNode;

/**
 * The REST binding against an HTTP stub of Alfresco: each test stubs the calls one port operation makes and
 * asserts the binding's behaviour and the shape of its requests. With {@code ALFRESCO_OPENAPI_SPEC} set,
 * every request and stub answer of every test is also checked against Alfresco's API definition.
 */
class AlfrescoRestBindingTest {

    private AlfrescoStub stub;
    private AlfrescoPlatform platform;

    @BeforeEach
    void start() {
        stub = new AlfrescoStub();
        platform = stub.platform();
        stub.resetRequests();
    }

    @AfterEach
    void checkContractAndStop() {
        try {
            stub.assertServedWithinContract();
        } finally {
            platform.close();
            stub.close();
        }
    }

    private List<LoggedRequest> requests() {
        return stub.served().stream().map(e -> e.getRequest()).toList();
    }

    private static JsonNode body(LoggedRequest request) {
        return JSON.readTree(request.getBodyAsString());
    }

    private static ContentSource text(String text) {
        return new ContentSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "text/plain");
    }

    private void stubPermissions(String nodeId, boolean inheritance, List<Map<String, Object>> local) {
        stub.stub(get(urlPathEqualTo(CORE + "/nodes/" + nodeId))
                .withQueryParam("include", equalTo("permissions"))
                .willReturn(
                        json(200, entry(withPermissions(node(nodeId, "n", "cm:folder", true), inheritance, local)))));
        stub.stub(put(urlPathEqualTo(CORE + "/nodes/" + nodeId))
                .willReturn(json(200, entry(node(nodeId, "n", "cm:folder", true)))));
    }

    // ================================================================== start-up

    @Test
    void shouldCreateTheMissingRootAndTurnItsInheritanceOff() {
        try (AlfrescoStub fresh = new AlfrescoStub()) {
            fresh.stub(get(urlPathEqualTo(CORE + "/nodes/-root-"))
                    .willReturn(error(
                            404, "framework.exception.EntityNotFound", "The entity with id: Locker was not found")));
            fresh.stub(post(urlPathEqualTo(CORE + "/nodes/-root-/children"))
                    .willReturn(json(201, entry(node("new-root", "Locker", "cm:folder", true)))));
            fresh.stub(get(urlPathEqualTo(CORE + "/nodes/new-root"))
                    .willReturn(json(
                            200,
                            entry(withPermissions(
                                    node("new-root", "Locker", "cm:folder", true),
                                    true,
                                    List.of(permission("GROUP_EVERYONE", "Consumer")))))));
            fresh.stub(put(urlPathEqualTo(CORE + "/nodes/new-root"))
                    .willReturn(json(200, entry(node("new-root", "Locker", "cm:folder", true)))));
            fresh.stubPeople(List.of("admin"));
            AlfrescoPlatform.builder(fresh.settings()).build().close();

            fresh.server.verify(postRequestedFor(urlPathEqualTo(CORE + "/nodes/-root-/children"))
                    .withRequestBody(equalToJson("{\"name\":\"Locker\",\"nodeType\":\"cm:folder\","
                            + "\"relativePath\":\"Data Dictionary\"}")));
            fresh.server.verify(
                    putRequestedFor(urlPathEqualTo(CORE + "/nodes/new-root"))
                            .withRequestBody(
                                    equalToJson(
                                            "{\"permissions\":{\"isInheritanceEnabled\":false,\"locallySet\":"
                                                    + "[{\"authorityId\":\"GROUP_EVERYONE\",\"name\":\"Consumer\",\"accessStatus\":\"ALLOWED\"}]}}")));
            AlfrescoContract.fromEnvironment()
                    .ifPresent(c -> assertThat(c.violations(fresh.served())).isEmpty());
        }
    }

    // ================================================================== nodes

    @Test
    void shouldCreateFolderWithTheModelTypeAndKeepTheEngineType() {
        stub.stub(post(urlPathEqualTo(CORE + "/nodes/" + ROOT_ID + "/children"))
                .willReturn(json(
                        201,
                        entry(withProperties(
                                node("f1", "lockers", "lk:locker", true),
                                Map.of("lk:engineType", "lk:locker", "lk:owner", "alice", "cm:title", "x"))))));
        try (PlatformSession s = platform.systemSession()) {
            Node folder = s.createFolder(
                    NodeId.of(ROOT_ID),
                    "lockers",
                    "lk:locker",
                    Map.of("lk:owner", "alice", "lk:openedAt", Instant.parse("2024-01-02T03:04:05.006Z")));
            assertThat(folder.type()).isEqualTo("lk:locker");
            assertThat(folder.folder()).isTrue();
            assertThat(folder.properties()).containsExactly(Map.entry("lk:owner", "alice"));
            assertThat(folder.created()).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
            s.save();
        }
        JsonNode sent = body(requests().get(0));
        assertThat(sent.path("name").asString()).isEqualTo("lockers");
        assertThat(sent.path("nodeType").asString()).isEqualTo("lk:locker");
        assertThat(sent.path("properties").path("lk:engineType").asString()).isEqualTo("lk:locker");
        assertThat(sent.path("properties").path("lk:openedAt").asString()).isEqualTo("2024-01-02T03:04:05.006+0000");
    }

    @Test
    void shouldStreamANewDocumentAsMultipartWithAMajorFirstVersion() {
        stub.stub(post(urlPathEqualTo(CORE + "/nodes/f1/children"))
                .willReturn(json(
                        201,
                        entry(withProperties(
                                node("d1", "memo.txt", "cm:content", false),
                                Map.of(
                                        "lk:engineType",
                                        "lk:deposit",
                                        "lk:memo",
                                        "hello",
                                        "cm:versionLabel",
                                        "1.0"))))));
        byte[] payload = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(payload, (byte) 'x');
        try (PlatformSession s = platform.systemSession()) {
            Node doc = s.createDocument(
                    NodeId.of("f1"),
                    "memo.txt",
                    "lk:deposit",
                    Map.of("lk:memo", "hello", "lk:standing", true),
                    new ContentSource(new ByteArrayInputStream(payload), "text/plain"));
            s.save();
            assertThat(doc.versionLabel()).contains("1.0");
            assertThat(doc.type()).isEqualTo("lk:deposit");
            assertThat(doc.content()).isPresent();
        }
        LoggedRequest sent = requests().get(0);
        assertThat(sent.getHeader("Content-Type").replace(" ", "")).startsWith("multipart/form-data;boundary=");
        assertThat(sent.containsHeader("Content-Length"))
                .as("streamed, not buffered")
                .isFalse();
        String body = new String(sent.getBody(), StandardCharsets.ISO_8859_1);
        assertThat(body)
                .contains(
                        "name=\"name\"",
                        "memo.txt",
                        "name=\"nodeType\"",
                        "cm:content",
                        "name=\"majorVersion\"",
                        "name=\"lk:engineType\"",
                        "lk:deposit",
                        "name=\"lk:standing\"",
                        "name=\"filedata\"; filename=\"memo.txt\"");
        assertThat(sent.getBody().length).isGreaterThan(payload.length);
        assertThat(requests()).hasSize(1);
    }

    @Test
    void shouldPutListPropertiesAfterTheUploadBecauseFormFieldsCannotHoldLists() {
        stub.stub(post(urlPathEqualTo(CORE + "/nodes/f1/children"))
                .willReturn(json(201, entry(node("d1", "a.txt", "cm:content", false)))));
        stub.stub(put(urlPathEqualTo(CORE + "/nodes/d1"))
                .willReturn(json(
                        200,
                        entry(withProperties(
                                node("d1", "a.txt", "cm:content", false),
                                Map.of("lk:recipients", List.of("a", "b")))))));
        try (PlatformSession s = platform.systemSession()) {
            Node doc = s.createDocument(
                    NodeId.of("f1"), "a.txt", "lk:deposit", Map.of("lk:recipients", List.of("a", "b")), text("x"));
            assertThat(doc.strings("lk:recipients")).containsExactly("a", "b");
            s.save();
        }
        assertThat(body(requests().get(1))
                        .path("properties")
                        .path("lk:recipients")
                        .size())
                .isEqualTo(2);
    }

    @Test
    void shouldReadContentAsAStream() throws Exception {
        stub.stub(get(urlPathEqualTo(CORE + "/nodes/d1"))
                .willReturn(json(200, entry(node("d1", "a.txt", "cm:content", false)))));
        stub.stub(get(urlPathEqualTo(CORE + "/nodes/d1/content"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/octet-stream")
                        .withBody("hello")));
        try (PlatformSession s = platform.systemSession();
                Content content = s.readContent(NodeId.of("d1"))) {
            assertThat(content.name()).isEqualTo("a.txt");
            assertThat(content.info().mimeType())
                    .as("from the node, not the download")
                    .isEqualTo("text/plain");
            assertThat(new String(content.stream().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("hello");
        }
    }

    @Test
    void shouldResolvePathsBelowTheRootAndCreateMissingFoldersInOneCall() {
        stub.stub(get(urlPathEqualTo(CORE + "/nodes/" + ROOT_ID))
                .withQueryParam("relativePath", equalTo("a/b/c"))
                .willReturn(error(404, "framework.exception.EntityNotFound", "not found")));
        stub.stub(post(urlPathEqualTo(CORE + "/nodes/" + ROOT_ID + "/children"))
                .willReturn(json(201, entry(node("c1", "c", "cm:folder", true)))));
        try (PlatformSession s = platform.systemSession()) {
            assertThat(s.nodeAt("/a/b/c")).isEmpty();
            assertThat(s.ensureFolder("/a/b/c").id()).isEqualTo(NodeId.of("c1"));
            s.save();
        }
        assertThat(body(requests().get(requests().size() - 1))
                        .path("relativePath")
                        .asString())
                .isEqualTo("a/b");
    }

    @Test
    void shouldListChildrenFollowingEveryPage() {
        stub.stub(get(urlPathEqualTo(CORE + "/nodes/f1/children"))
                .withQueryParam("skipCount", equalTo("0"))
                .willReturn(json(200, list(List.of(node("a", "a", "cm:folder", true)), true, 0))));
        stub.stub(get(urlPathEqualTo(CORE + "/nodes/f1/children"))
                .withQueryParam("skipCount", equalTo("1"))
                .willReturn(json(200, list(List.of(node("b", "b", "cm:content", false)), false, 1))));
        try (PlatformSession s = platform.systemSession()) {
            assertThat(s.children(NodeId.of("f1"))).extracting(Node::name).containsExactly("a", "b");
        }
        assertThat(requests()).hasSize(2);
        assertThat(requests().get(0).queryParameter("orderBy").firstValue()).isEqualTo("name ASC");
    }

    // ================================================================== access and cost

    @Test
    void shouldWriteManyGrantsWithOneGetAndOnePutKeepingOtherEntries() {
        stubPermissions("locker", true, List.of(permission("GROUP_staff", "Consumer"), permission("bob", "Consumer")));
        try (PlatformSession s = platform.systemSession()) {
            s.setInheritance(NodeId.of("locker"), false);
            s.grant(NodeId.of("locker"), UserId.of("bob"), Access.WRITE);
            s.grant(NodeId.of("locker"), GroupId.of("class-6a"), Access.READ);
            s.grant(NodeId.of("locker"), UserId.of("carol"), Access.READ);
            s.revoke(NodeId.of("locker"), UserId.of("carol"));
            assertThat(requests()).as("buffered until save").isEmpty();
            s.save();
        }
        assertThat(requests()).hasSize(2);
        JsonNode permissions = body(requests().get(1)).path("permissions");
        assertThat(permissions.path("isInheritanceEnabled").asBoolean()).isFalse();
        List<String> entries = new ArrayList<>();
        permissions
                .path("locallySet")
                .forEach(e -> entries.add(
                        e.path("authorityId").asString() + "=" + e.path("name").asString()));
        assertThat(entries).containsExactlyInAnyOrder("GROUP_staff=Consumer", "bob=Editor", "GROUP_class-6a=Consumer");
    }

    @Test
    void shouldNotPutPermissionsWhenARevokeChangesNothing() {
        stubPermissions("locker", false, List.of(permission("GROUP_staff", "Consumer")));
        try (PlatformSession s = platform.systemSession()) {
            s.revoke(NodeId.of("locker"), UserId.of("nobody"));
            s.save();
        }
        assertThat(requests()).extracting(r -> r.getMethod().getName()).containsExactly("GET");
    }

    @Test
    void shouldDropBufferedGrantsOnDiscard() {
        try (PlatformSession s = platform.systemSession()) {
            s.grant(NodeId.of("locker"), UserId.of("bob"), Access.READ);
            s.discard();
            s.save();
        }
        assertThat(requests()).isEmpty();
    }

    /**
     * The cost bound: a deposit to N recipients (document created, one grant per recipient, saved) makes the
     * same number of HTTP calls, at most 4, whatever N.
     */
    @Test
    void shouldMakeADepositToAnyNumberOfRecipientsInABoundedNumberOfCalls() {
        stub.stub(post(urlPathEqualTo(CORE + "/nodes/locker/children"))
                .willReturn(json(201, entry(node("deposit", "report.pdf", "cm:content", false)))));
        stub.stub(put(urlPathEqualTo(CORE + "/nodes/deposit"))
                .atPriority(5)
                .willReturn(json(200, entry(node("deposit", "report.pdf", "cm:content", false)))));
        stubPermissions("deposit", true, List.of());
        long five = callsForDeposit(5);
        long twoThousand = callsForDeposit(2_000);
        assertThat(five).isEqualTo(twoThousand).isLessThanOrEqualTo(4);
    }

    private long callsForDeposit(int recipients) {
        stub.resetRequests();
        long before = platform.requestCount();
        try (PlatformSession s = platform.systemSession()) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < recipients; i++) {
                names.add("pupil" + i);
            }
            Node doc = s.createDocument(
                    NodeId.of("locker"),
                    "report.pdf",
                    "lk:deposit",
                    Map.of("lk:memo", "term report", "lk:recipients", names),
                    text("pdf"));
            s.grant(doc.id(), GroupId.of("class-6a"), Access.READ);
            for (String name : names) {
                s.grant(doc.id(), UserId.of(name), Access.READ);
            }
            s.save();
        }
        long counted = platform.requestCount() - before;
        assertThat(stub.served()).hasSize((int) counted);
        return counted;
    }

    @Test
    void shouldReadOwnGrantsAsAccessEntries() {
        stubPermissions(
                "locker",
                false,
                List.of(
                        permission("GROUP_staff", "Consumer"),
                        permission("bob", "Editor"),
                        permission("ROLE_OWNER", "All"),
                        Map.of("authorityId", "eve", "name", "Consumer", "accessStatus", "DENIED")));
        try (PlatformSession s = platform.systemSession()) {
            assertThat(s.accessEntries(NodeId.of("locker")))
                    .containsExactlyInAnyOrder(
                            new AccessEntry(GroupId.of("staff"), Access.READ),
                            new AccessEntry(UserId.of("bob"), Access.WRITE));
        }
    }

    @Test
    void shouldAnswerCanWriteFromAllowableOperations() {
        stub.stub(get(urlPathEqualTo(CORE + "/nodes/d1"))
                .willReturn(json(200, entry(withProperties(node("d1", "a", "cm:content", false), Map.of())))));
        try (PlatformSession s = platform.systemSession()) {
            assertThat(s.canWrite(NodeId.of("d1"))).isFalse();
        }
        Map<String, Object> writable = node("d2", "a", "cm:content", false);
        writable.put("allowableOperations", List.of("update", "create"));
        stub.stub(get(urlPathEqualTo(CORE + "/nodes/d2")).willReturn(json(200, entry(writable))));
        try (PlatformSession s = platform.systemSession()) {
            assertThat(s.canWrite(NodeId.of("d2"))).isTrue();
        }
        assertThat(requests().get(0).queryParameter("include").firstValue()).isEqualTo("allowableOperations");
    }

    // ================================================================== versions

    @Test
    void shouldStoreANewMinorVersionWithItsComment() {
        stub.stub(get(urlPathEqualTo(CORE + "/nodes/d1"))
                .willReturn(json(
                        200,
                        entry(withProperties(
                                node("d1", "a.txt", "cm:content", false), Map.of("cm:versionLabel", "1.0"))))));
        stub.stub(put(urlPathEqualTo(CORE + "/nodes/d1/content"))
                .willReturn(json(
                        200,
                        entry(withProperties(
                                node("d1", "a.txt", "cm:content", false), Map.of("cm:versionLabel", "1.1"))))));
        try (PlatformSession s = platform.systemSession()) {
            Version version = s.updateContent(NodeId.of("d1"), text("second"), "fixed a typo");
            assertThat(version.label()).isEqualTo("1.1");
            assertThat(version.comment()).isEqualTo("fixed a typo");
            assertThat(version.author()).isEqualTo("admin");
            s.save();
        }
        LoggedRequest sent = requests().get(1);
        assertThat(sent.queryParameter("name").isPresent())
                .as("the name says the type already")
                .isFalse();
        assertThat(sent.queryParameter("majorVersion").firstValue()).isEqualTo("false");
        assertThat(sent.queryParameter("comment").firstValue()).isEqualTo("fixed a typo");
        assertThat(sent.getHeader("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(sent.getBodyAsString()).isEqualTo("second");
    }

    @Test
    void shouldListVersionsOldestFirstAcrossPages() {
        stub.stub(get(urlPathEqualTo(CORE + "/nodes/d1/versions"))
                .withQueryParam("skipCount", equalTo("0"))
                .willReturn(json(
                        200, list(List.of(version("1.2", "bob", "third"), version("1.1", "bob", "")), true, 0))));
        stub.stub(get(urlPathEqualTo(CORE + "/nodes/d1/versions"))
                .withQueryParam("skipCount", equalTo("2"))
                .willReturn(json(200, list(List.of(version("1.0", "admin", "first")), false, 2))));
        try (PlatformSession s = platform.systemSession()) {
            assertThat(s.versions(NodeId.of("d1")))
                    .extracting(v -> v.label() + " " + v.author() + " " + v.comment())
                    .containsExactly("1.0 admin first", "1.1 bob ", "1.2 bob third");
        }
    }

    @Test
    void shouldReadTheContentOfAnOldVersion() throws Exception {
        stub.stub(get(urlPathEqualTo(CORE + "/nodes/d1/versions/1.0"))
                .willReturn(json(200, entry(version("1.0", "admin", "first")))));
        stub.stub(get(urlPathEqualTo(CORE + "/nodes/d1/versions/1.0/content"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/octet-stream")
                        .withBody("first")));
        try (PlatformSession s = platform.systemSession();
                Content content = s.readContent(NodeId.of("d1"), "1.0")) {
            assertThat(new String(content.stream().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("first");
        }
    }

    // ================================================================== people, groups, identity

    @Test
    void shouldCreateAUserWithWhatAlfrescoRequires() {
        stub.stub(post(urlPathEqualTo(CORE + "/people")).willReturn(json(201, entry(person("alice")))));
        try (PlatformSession s = platform.systemSession()) {
            assertThat(s.createUser(new NewUser(
                                    UserId.of("alice"), null, "Martin", null, null, Map.of("lk:profile", "pupil")))
                            .id())
                    .isEqualTo(UserId.of("alice"));
            s.save();
        }
        assertThat(requests().get(0).getUrl())
                .as("no group has that name: Alfresco would accept both")
                .isEqualTo(CORE + "/groups/GROUP_alice");
        JsonNode sent = body(requests().get(1));
        assertThat(sent.path("id").asString()).isEqualTo("alice");
        assertThat(sent.path("firstName").asString()).isEqualTo("alice");
        assertThat(sent.path("email").asString()).isEqualTo("alice@users.invalid");
        assertThat(sent.path("password").asString()).isNotBlank();
        assertThat(sent.path("properties").path("lk:profile").asString()).isEqualTo("pupil");
    }

    @Test
    void shouldReportAnExistingUserAndAnAbsentOne() {
        stub.stub(post(urlPathEqualTo(CORE + "/people"))
                .willReturn(error(409, "framework.exception.ConstraintViolated", "User already exists")));
        stub.stub(get(urlPathEqualTo(CORE + "/people/ghost"))
                .willReturn(
                        error(404, "framework.exception.EntityNotFound", "The entity with id: ghost was not found")));
        try (PlatformSession s = platform.systemSession()) {
            assertThatThrownBy(() -> s.createUser(
                            new NewUser(UserId.of("alice"), "A", "B", "a@x.org", "pw".toCharArray(), Map.of())))
                    .isInstanceOf(AlreadyExistsException.class)
                    .hasMessageContaining("User already exists")
                    .hasMessageContaining("abc123");
            assertThat(s.findUser(UserId.of("ghost"))).isEmpty();
        }
    }

    @Test
    void shouldActAsAUserWithTheTicketFromAuthentication() {
        stub.stub(post(urlPathEqualTo(AlfrescoStub.AUTH + "/tickets"))
                .withRequestBody(equalToJson("{\"userId\":\"alice\",\"password\":\"s3cret\"}"))
                .willReturn(json(201, entry(Map.of("id", "TICKET_abc", "userId", "alice")))));
        stub.stub(post(urlPathEqualTo(AlfrescoStub.AUTH + "/tickets"))
                .atPriority(10)
                .willReturn(error(403, "framework.exception.PermissionDenied", "Login failed")));
        stub.stub(get(urlPathEqualTo(CORE + "/people/-me-")).willReturn(json(200, entry(person("alice")))));
        stub.stub(get(urlPathEqualTo(CORE + "/nodes/d1"))
                .willReturn(error(403, "framework.exception.PermissionDenied", "Permission was denied")));

        assertThat(platform.authenticate(UserId.of("alice"), "wrong".toCharArray()))
                .isEmpty();
        assertThat(platform.authenticate(UserId.of("alice"), "s3cret".toCharArray()))
                .contains(UserId.of("alice"));
        try (PlatformSession s = platform.sessionAs(UserId.of("alice"))) {
            assertThat(s.user()).isEqualTo(UserId.of("alice"));
            assertThat(s.findNode(NodeId.of("d1")))
                    .as("a 403 on a read is reported as absent")
                    .isEmpty();
            assertThatThrownBy(() -> s.node(NodeId.of("d1"))).isInstanceOf(NotFoundException.class);
        }
        LoggedRequest asAlice = requests().get(requests().size() - 1);
        assertThat(asAlice.getHeader("Authorization"))
                .isEqualTo(
                        "Basic " + Base64.getEncoder().encodeToString("TICKET_abc".getBytes(StandardCharsets.UTF_8)));
        assertThat(asAlice.getUrl()).doesNotContain("alf_ticket");
    }

    @Test
    void shouldRefuseASessionForAnUnknownUserOrAUserWithoutTicket() {
        stub.stub(get(urlPathEqualTo(CORE + "/people/ghost"))
                .willReturn(error(404, "framework.exception.EntityNotFound", "not found")));
        stub.stub(get(urlPathEqualTo(CORE + "/people/bob")).willReturn(json(200, entry(person("bob")))));
        assertThatThrownBy(() -> platform.sessionAs(UserId.of("ghost"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> platform.sessionAs(UserId.of("bob")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("no valid Alfresco ticket");
    }

    @Test
    void shouldDropAnExpiredTicketAndNotMistakeA401ForAHiddenNode() {
        stub.stub(get(urlPathEqualTo(AlfrescoStub.AUTH + "/tickets/-me-"))
                .willReturn(json(200, entry(Map.of("id", "TICKET_share")))));
        stub.stub(get(urlPathEqualTo(CORE + "/people/-me-"))
                .inScenario("expiry")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, entry(person("carol"))))
                .willSetStateTo("expired"));
        stub.stub(get(urlPathEqualTo(CORE + "/nodes/d1"))
                .willReturn(error(401, "framework.exception.NotAuthorized", "Authentication failed")));
        try (PlatformSession s = platform.sessionWithTicket("TICKET_share")) {
            assertThatThrownBy(() -> s.findNode(NodeId.of("d1")))
                    .isInstanceOf(AccessDeniedException.class)
                    .isNotInstanceOf(NotFoundException.class);
        }
        stub.stub(get(urlPathEqualTo(CORE + "/people/-me-"))
                .inScenario("expiry")
                .whenScenarioStateIs("expired")
                .willReturn(error(401, "framework.exception.NotAuthorized", "Authentication failed")));
        stub.stub(get(urlPathEqualTo(CORE + "/people/carol")).willReturn(json(200, entry(person("carol")))));
        assertThatThrownBy(() -> platform.sessionAs(UserId.of("carol")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("no valid Alfresco ticket");
    }

    @Test
    void shouldOpenASessionWithATicketForwardedByShare() {
        stub.stub(get(urlPathEqualTo(AlfrescoStub.AUTH + "/tickets/-me-"))
                .willReturn(json(200, entry(Map.of("id", "TICKET_share")))));
        stub.stub(get(urlPathEqualTo(CORE + "/people/-me-")).willReturn(json(200, entry(person("carol")))));
        try (PlatformSession s = platform.sessionWithTicket("TICKET_share")) {
            assertThat(s.user()).isEqualTo(UserId.of("carol"));
        }
        stub.stub(get(urlPathEqualTo(AlfrescoStub.AUTH + "/tickets/-me-"))
                .atPriority(1)
                .willReturn(error(404, "framework.exception.EntityNotFound", "ticket expired")));
        assertThatThrownBy(() -> platform.sessionWithTicket("TICKET_old")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void shouldManageGroupsWithTheGroupPrefixAndIdempotentMembership() {
        stub.stub(post(urlPathEqualTo(CORE + "/groups")).willReturn(json(201, entry(group("GROUP_class-6a", "6A")))));
        stub.stub(post(urlPathEqualTo(CORE + "/groups/GROUP_class-6a/members"))
                .willReturn(error(409, "framework.exception.ConstraintViolated", "already a member")));
        stub.stub(delete(urlPathEqualTo(CORE + "/groups/GROUP_class-6a/members/bob"))
                .willReturn(error(404, "framework.exception.EntityNotFound", "not a member")));
        // the repository web script answers from the database, in the shape of groups/children.get.json.ftl
        stub.stub(get(urlPathEqualTo("/alfresco/s/api/groups/class-6a/children"))
                .willReturn(json(
                        200,
                        Map.of(
                                "data",
                                        List.of(
                                                authority("GROUP", "sub", "GROUP_sub", "Sub"),
                                                authority("USER", "alice", "Alice Smith", "Alice Smith")),
                                "paging", paging(5000, 0, 2)))));
        try (PlatformSession s = platform.systemSession()) {
            assertThat(s.createGroup(GroupId.of("class-6a"), "6A", Map.of()).id())
                    .isEqualTo(GroupId.of("class-6a"));
            s.addMember(GroupId.of("class-6a"), UserId.of("alice"));
            s.removeMember(GroupId.of("class-6a"), UserId.of("bob"));
            assertThat(s.members(GroupId.of("class-6a")))
                    .containsExactlyInAnyOrder(UserId.of("alice"), GroupId.of("sub"));
            s.save();
        }
        assertThat(body(requests().get(0)).path("id").asString()).isEqualTo("GROUP_class-6a");
        assertThat(body(requests().get(1))).isEqualTo(JSON.readTree("{\"id\":\"alice\",\"memberType\":\"PERSON\"}"));
    }

    /** An authority as Alfresco's {@code groups/authority.lib.ftl} writes it. */
    private static Map<String, Object> authority(String type, String shortName, String fullName, String displayName) {
        Map<String, Object> authority = new java.util.LinkedHashMap<>();
        authority.put("authorityType", type);
        authority.put("shortName", shortName);
        authority.put("fullName", fullName);
        authority.put("displayName", displayName);
        authority.put("url", (type.equals("GROUP") ? "api/groups/" : "api/people/") + shortName);
        authority.put("zones", List.of("AUTH.ALF", "APP.DEFAULT"));
        return authority;
    }

    /** {@code generic-paged-results.lib.ftl}'s pagingJSON. */
    private static Map<String, Object> paging(int maxItems, int skipCount, int totalItems) {
        Map<String, Object> paging = new java.util.LinkedHashMap<>();
        paging.put("maxItems", maxItems);
        paging.put("skipCount", skipCount);
        paging.put("totalItems", totalItems);
        paging.put("totalItemsRangeEnd", null);
        paging.put("confidence", "exact");
        return paging;
    }

    @Test
    void shouldReadAGroupsUsersFromTheWebScriptPageByPageAndKeepOnlyTheCandidates() {
        stub.stub(get(urlPathEqualTo("/alfresco/s/api/groups/staff/children"))
                .withQueryParam("skipCount", equalTo("0"))
                .willReturn(json(
                        200,
                        Map.of(
                                "data",
                                List.of(
                                        authority("USER", "ann", "Ann A", "Ann A"),
                                        authority("USER", "bob", "Bob B", "Bob B")),
                                "paging",
                                paging(5000, 0, 3)))));
        stub.stub(get(urlPathEqualTo("/alfresco/s/api/groups/staff/children"))
                .withQueryParam("skipCount", equalTo("2"))
                .willReturn(json(
                        200,
                        Map.of(
                                "data",
                                List.of(authority("USER", "cid", "Cid C", "Cid C")),
                                "paging",
                                paging(5000, 2, 3)))));
        try (PlatformSession s = platform.systemSession()) {
            assertThat(s.membersAmong(
                            GroupId.of("staff"), List.of(UserId.of("cid"), UserId.of("ann"), UserId.of("zed"))))
                    .containsExactlyInAnyOrder(UserId.of("ann"), UserId.of("cid"));
        }
        assertThat(requests()).hasSize(2).allSatisfy(r -> {
            assertThat(r.queryParameter("authorityType").firstValue()).isEqualTo("USER");
            assertThat(r.queryParameter("maxItems").firstValue()).isEqualTo(String.valueOf(GroupChildren.PAGE));
        });
    }

    @Test
    void shouldKeepGroupPropertiesInTheDescriptionAndFindGroupsByThem() {
        stub.stub(post(urlPathEqualTo(CORE + "/groups")).willReturn(json(201, entry(group("GROUP_class-6a", "6A")))));
        Map<String, Object> tagged = group("GROUP_class-6a", "6A");
        tagged.put("description", "{\"lk:school\":\"north\"}");
        Map<String, Object> other = group("GROUP_class-6b", "6B");
        other.put("description", "{\"lk:school\":\"south\"}");
        // include=description lists the root groups only: a nested group is listed apart and read with its own
        Map<String, Object> nested = group("GROUP_class-6c", "6C");
        nested.put("isRoot", false);
        Map<String, Object> nestedDescribed = new java.util.LinkedHashMap<>(nested);
        nestedDescribed.put("description", "{\"lk:school\":\"north\"}");
        stub.stub(get(urlPathEqualTo(CORE + "/groups"))
                .withQueryParam("include", equalTo("description"))
                .willReturn(json(200, list(List.of(tagged, other, group("GROUP_EVERYONE", "Everyone")), false))));
        stub.stub(get(urlPathEqualTo(CORE + "/groups"))
                .withQueryParam("where", equalTo("(isRoot=false)"))
                .willReturn(json(200, list(List.of(nested), false))));
        stub.stub(get(urlPathEqualTo(CORE + "/groups/GROUP_class-6c"))
                .withQueryParam("include", equalTo("description"))
                .willReturn(json(200, entry(nestedDescribed))));
        try (PlatformSession s = platform.systemSession()) {
            s.createGroup(GroupId.of("class-6a"), "6A", Map.of("lk:school", "north"));
            assertThat(s.findGroupsByProperty("lk:school", "north"))
                    .extracting(g -> g.id().value())
                    .containsExactly("class-6a", "class-6c");
            s.save();
        }
        assertThat(body(requests().get(0)).path("description").asString()).isEqualTo("{\"lk:school\":\"north\"}");
    }

    @Test
    void shouldListAUsersGroupsWithoutEveryone() {
        stub.stub(get(urlPathEqualTo(CORE + "/people/alice/groups"))
                .willReturn(json(
                        200,
                        list(
                                List.of(
                                        group("GROUP_EVERYONE", "Everyone"),
                                        group("GROUP_class-6a", "6A"),
                                        group("GROUP_grade-6", "6")),
                                false))));
        try (PlatformSession s = platform.systemSession()) {
            assertThat(s.groupsOf(UserId.of("alice")))
                    .containsExactlyInAnyOrder(GroupId.of("class-6a"), GroupId.of("grade-6"));
        }
    }

    // ================================================================== queries

    @Test
    void shouldSendOnlyTermsTheDatabaseAnswersAndCheckTheRestItself() {
        Map<String, Object> early = withProperties(
                node("d1", "a.txt", "cm:content", false),
                Map.of(
                        "lk:engineType",
                        "lk:deposit",
                        "lk:subject",
                        "maths",
                        "lk:grade",
                        "6",
                        "lk:published",
                        true,
                        "lk:due",
                        "2024-05-01T00:00:00.000+0000",
                        "lk:rank",
                        1));
        Map<String, Object> late = withProperties(
                node("d2", "b.txt", "cm:content", false),
                Map.of(
                        "lk:engineType",
                        "lk:deposit",
                        "lk:subject",
                        "maths",
                        "lk:grade",
                        "7",
                        "lk:due",
                        "2024-07-01T00:00:00.000+0000",
                        "lk:rank",
                        2));
        Map<String, Object> unranked = withProperties(
                node("d3", "c.txt", "cm:content", false),
                Map.of(
                        "lk:engineType",
                        "lk:deposit",
                        "lk:subject",
                        "maths",
                        "lk:grade",
                        "7",
                        "lk:due",
                        "2024-04-01T00:00:00.000+0000"));
        stub.stub(post(urlPathEqualTo(SEARCH + "/search"))
                .willReturn(json(
                        200,
                        Map.of(
                                "list",
                                Map.of(
                                        "pagination",
                                                Map.of(
                                                        "count",
                                                        3,
                                                        "hasMoreItems",
                                                        false,
                                                        "totalItems",
                                                        3,
                                                        "skipCount",
                                                        0,
                                                        "maxItems",
                                                        1000),
                                        "entries",
                                                List.of(
                                                        Map.of("entry", early),
                                                        Map.of("entry", late),
                                                        Map.of("entry", unranked)))))));
        NodeQuery query = NodeQuery.ofType("lk:deposit")
                .whereEquals("lk:subject", "maths")
                .whereEquals("lk:published", true)
                .whereAnyOf("lk:grade", List.of("6", "7"))
                .where(new NodeQuery.Before("lk:due", Instant.parse("2024-06-01T00:00:00Z")))
                .where(new NodeQuery.IsSet("lk:rank"))
                .orderBy("created", true)
                .page(0, 50)
                .build();
        try (PlatformSession s = platform.systemSession()) {
            assertThat(s.query(query)).extracting(Node::id).containsExactly(NodeId.of("d1"));
            assertThat(s.count(query)).isEqualTo(1);
        }
        JsonNode sent = body(requests().get(0));
        assertThat(sent.path("query").path("language").asString()).isEqualTo("afts");
        assertThat(sent.path("query").path("query").asString())
                .as("no ANCESTOR, range, ISNOTNULL or boolean: the index's, or an optional patch's")
                .isEqualTo("=lk:engineType:\"lk:deposit\" AND =lk:subject:\"maths\" AND "
                        + "(=lk:grade:\"6\" OR =lk:grade:\"7\")");
        assertThat(sent.has("sort"))
                .as("ordered by the binding: the database's order drops nodes")
                .isFalse();
        assertThat(sent.path("paging").path("maxItems").asInt()).isEqualTo(NodeSearch.PAGE);
    }

    @Test
    void shouldListTheDescendantsOfAFolderLevelByLevelWithParentTerms() {
        String f1 = "\"workspace://SpacesStore/f1\"";
        stub.stub(post(urlPathEqualTo(SEARCH + "/search"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                        "$.query.query", equalTo("PARENT:" + f1)))
                .willReturn(json(
                        200,
                        list(
                                List.of(
                                        withProperties(
                                                node("sub", "sub", "cm:folder", true),
                                                Map.of("lk:engineType", "lk:folder")),
                                        withProperties(
                                                node("d1", "a.txt", "cm:content", false),
                                                Map.of("lk:engineType", "lk:deposit"))),
                                false))));
        stub.stub(post(urlPathEqualTo(SEARCH + "/search"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                        "$.query.query", equalTo("PARENT:\"workspace://SpacesStore/sub\"")))
                .willReturn(json(
                        200,
                        list(
                                List.of(withProperties(
                                        node("d2", "b.txt", "cm:content", false),
                                        Map.of("lk:engineType", "lk:deposit"))),
                                false))));
        try (PlatformSession s = platform.systemSession()) {
            assertThat(s.query(NodeQuery.ofType("lk:deposit")
                            .under(NodeId.of("f1"))
                            .orderBy("name", true)
                            .build()))
                    .extracting(Node::name)
                    .containsExactly("b.txt", "a.txt");
        }
        assertThat(requests()).hasSize(2);
    }

    @Test
    void shouldEscapeQuotesInQueryValues() {
        assertThat(Afts.equalsTerm("lk:subject", "a \"b\" \\c")).isEqualTo("=lk:subject:\"a \\\"b\\\" \\\\c\"");
        assertThatThrownBy(() -> Afts.equalsTerm("lk:x OR TYPE", "v")).isInstanceOf(IllegalArgumentException.class);
    }

    // ================================================================== hostile ids

    @Test
    void shouldRefuseHostileIdsWithoutCallingAlfresco() {
        NodeId traversal = NodeId.of("../../etc/passwd");
        try (PlatformSession s = platform.systemSession()) {
            assertThat(s.findNode(traversal)).isEmpty();
            for (NodeId hostile : List.of(
                    traversal,
                    NodeId.of("-root-"),
                    NodeId.of("a/b"),
                    NodeId.of("%2e%2e"),
                    NodeId.of("x?include=permissions"),
                    NodeId.of(".."))) {
                assertThatThrownBy(() -> s.node(hostile)).as(hostile.value()).isInstanceOf(NotFoundException.class);
                assertThatThrownBy(() -> s.readContent(hostile)).isInstanceOf(NotFoundException.class);
                assertThatThrownBy(() -> s.children(hostile)).isInstanceOf(NotFoundException.class);
                assertThatThrownBy(() -> s.versions(hostile)).isInstanceOf(NotFoundException.class);
                assertThatThrownBy(() -> s.updateProperties(hostile, Map.of("lk:memo", "x")))
                        .isInstanceOf(NotFoundException.class);
                assertThatThrownBy(() -> s.updateContent(hostile, text("x"), ""))
                        .isInstanceOf(NotFoundException.class);
                assertThatThrownBy(() -> s.createFolder(hostile, "f", "lk:folder", Map.of()))
                        .isInstanceOf(NotFoundException.class);
                assertThatThrownBy(() -> s.grant(hostile, UserId.of("ann"), Access.READ))
                        .isInstanceOf(NotFoundException.class);
                assertThatThrownBy(() -> s.query(
                                NodeQuery.ofType("lk:deposit").under(hostile).build()))
                        .isInstanceOf(NotFoundException.class);
                assertThat(s.canWrite(hostile)).isFalse();
            }
            assertThatThrownBy(() -> s.readContent(NodeId.of("d1"), "../../1.0"))
                    .isInstanceOf(NotFoundException.class);
            s.save();
        }
        assertThat(requests()).as("nothing was sent to Alfresco").isEmpty();
    }

    // ================================================================== errors, retries, compensation

    @Test
    void shouldTurnAlfrescoErrorsIntoThePortsExceptions() {
        stub.stub(post(urlPathEqualTo(CORE + "/nodes/f1/children"))
                .willReturn(error(409, "framework.exception.NameClash", "Duplicate child name not allowed: x")));
        stub.stub(put(urlPathEqualTo(CORE + "/nodes/d1"))
                .willReturn(error(403, "framework.exception.PermissionDenied", "Permission was denied")));
        try (PlatformSession s = platform.systemSession()) {
            assertThatThrownBy(() -> s.createFolder(NodeId.of("f1"), "x", "lk:folder", Map.of()))
                    .isInstanceOf(AlreadyExistsException.class)
                    .hasMessageContaining("Duplicate child name");
            assertThatThrownBy(() -> s.updateProperties(NodeId.of("d1"), Map.of("lk:memo", "x")))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void shouldRetryServerErrorsWithBackoff() {
        stub.stub(get(urlPathEqualTo(CORE + "/people/alice"))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(503, "framework.exception.ApiDefault", "busy"))
                .willSetStateTo("second"));
        stub.stub(get(urlPathEqualTo(CORE + "/people/alice"))
                .inScenario("flaky")
                .whenScenarioStateIs("second")
                .willReturn(error(500, "framework.exception.ApiDefault", "busy"))
                .willSetStateTo("third"));
        stub.stub(get(urlPathEqualTo(CORE + "/people/alice"))
                .inScenario("flaky")
                .whenScenarioStateIs("third")
                .willReturn(json(200, entry(person("alice")))));
        try (PlatformSession s = platform.systemSession()) {
            assertThat(s.findUser(UserId.of("alice"))).isPresent();
        }
        assertThat(requests()).hasSize(3);
    }

    @Test
    void shouldGiveUpAfterTheLastAttempt() {
        stub.stub(get(urlPathEqualTo(CORE + "/people/alice"))
                .willReturn(error(500, "framework.exception.ApiDefault", "broken")));
        try (PlatformSession s = platform.systemSession()) {
            assertThatThrownBy(() -> s.findUser(UserId.of("alice")))
                    .isInstanceOf(PlatformException.class)
                    .hasMessageContaining("broken");
        }
        assertThat(requests()).hasSize(3);
    }

    @Test
    void shouldRetryConnectionErrorsThenFail() {
        AlfrescoSettings unreachable = new AlfrescoSettings(
                java.net.URI.create("http://localhost:1"),
                "admin",
                "admin".toCharArray(),
                "Locker",
                java.time.Duration.ofMillis(200),
                java.time.Duration.ofSeconds(1),
                new AlfrescoSettings.RetryPolicy(2, java.time.Duration.ofMillis(5), java.time.Duration.ofMillis(5)),
                java.util.Optional.empty(),
                null,
                AlfrescoSettings.GuardiansSite.NONE);
        assertThatThrownBy(() -> AlfrescoPlatform.builder(unreachable).build())
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("unreachable after 2 attempts");
    }

    /** A permanent deletion goes past the trashcan; a plain one (a user's own delete) does not. */
    @Test
    void shouldDeletePermanentlyPastTheTrashcan() {
        stub.stub(delete(urlPathEqualTo(CORE + "/nodes/draft"))
                .willReturn(aResponse().withStatus(204)));
        stub.stub(delete(urlPathEqualTo(CORE + "/nodes/mine"))
                .willReturn(aResponse().withStatus(204)));
        try (PlatformSession s = platform.systemSession()) {
            s.deletePermanently(NodeId.of("draft"));
            s.delete(NodeId.of("mine"));
            s.save();
        }
        stub.server.verify(
                deleteRequestedFor(urlPathEqualTo(CORE + "/nodes/draft")).withQueryParam("permanent", equalTo("true")));
        stub.server.verify(
                deleteRequestedFor(urlPathEqualTo(CORE + "/nodes/mine")).withQueryParam("permanent", absent()));
    }

    @Test
    void shouldCompensateWhatTheSessionCreatedWhenItIsDiscarded() {
        stub.stub(post(urlPathEqualTo(CORE + "/nodes/f1/children"))
                .willReturn(json(201, entry(node("made", "x", "cm:folder", true)))));
        stub.stub(post(urlPathEqualTo(CORE + "/groups")).willReturn(json(201, entry(group("GROUP_tmp", "tmp")))));
        stub.stub(delete(urlPathEqualTo(CORE + "/nodes/made"))
                .willReturn(aResponse().withStatus(204)));
        stub.stub(delete(urlPathEqualTo(CORE + "/groups/GROUP_tmp"))
                .willReturn(aResponse().withStatus(204)));
        try (PlatformSession s = platform.systemSession()) {
            s.createFolder(NodeId.of("f1"), "x", "lk:folder", Map.of());
            s.createGroup(GroupId.of("tmp"), null, Map.of());
            s.discard();
        }
        stub.server.verify(
                deleteRequestedFor(urlPathEqualTo(CORE + "/nodes/made")).withQueryParam("permanent", equalTo("true")));
        stub.server.verify(deleteRequestedFor(urlPathEqualTo(CORE + "/groups/GROUP_tmp")));
        List<String> order = requests().stream()
                .map(r -> r.getMethod().getName() + " " + r.getUrl())
                .toList();
        assertThat(order.get(2)).startsWith("DELETE " + CORE + "/groups/GROUP_tmp");
        assertThat(order.get(3)).startsWith("DELETE " + CORE + "/nodes/made");
    }

    @Test
    void shouldNotCompensateAfterSave() {
        stub.stub(post(urlPathEqualTo(CORE + "/nodes/f1/children"))
                .willReturn(json(201, entry(node("kept", "x", "cm:folder", true)))));
        try (PlatformSession s = platform.systemSession()) {
            s.createFolder(NodeId.of("f1"), "x", "lk:folder", Map.of());
            s.save();
        }
        assertThat(requests()).hasSize(1);
    }
}
