package org.locker.alfresco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.Access;
import org.locker.core.platform.AccessDeniedException;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeQuery;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * The fake's own rules, through the binding: what the flow tests' negative assertions rely on (a node is
 * hidden unless a local or inherited grant names the user or one of their groups; search is filtered the same
 * way; tickets and passwords are checked), every query form the binding writes being understood, and its search
 * index answering nothing until a test gives it one.
 */
class FakeAlfrescoTest {

    private static final UserId ANN = UserId.of("ann");
    private static final UserId BOB = UserId.of("bob");
    private static final char[] PASSWORD = "Pw-123456".toCharArray();

    private FakeAlfresco alfresco;
    private AlfrescoPlatform platform;

    @BeforeEach
    void start() {
        alfresco = new FakeAlfresco();
        platform = AlfrescoPlatform.builder(alfresco.settings("Locker")).build();
        try (PlatformSession system = platform.systemSession()) {
            for (UserId user : List.of(ANN, BOB)) {
                system.createUser(
                        new NewUser(user, user.value(), "Test", user.value() + "@example.org", PASSWORD, Map.of()));
            }
            system.createGroup(GroupId.of("outer"), "Outer", Map.of());
            system.createGroup(GroupId.of("inner"), "Inner", Map.of());
            system.addMember(GroupId.of("outer"), GroupId.of("inner"));
            system.addMember(GroupId.of("inner"), ANN);
            system.save();
        }
        assertThat(platform.authenticate(ANN, PASSWORD)).contains(ANN);
        assertThat(platform.authenticate(BOB, PASSWORD)).contains(BOB);
    }

    @AfterEach
    void stop() {
        try {
            AlfrescoContract.fromEnvironment()
                    .ifPresent(contract ->
                            assertThat(contract.violations(alfresco.served())).isEmpty());
        } finally {
            platform.close();
            alfresco.close();
        }
    }

    private static ContentSource text(String text) {
        return new ContentSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "text/plain");
    }

    @Test
    void shouldRefuseAWrongPassword() {
        assertThat(platform.authenticate(ANN, "wrong".toCharArray())).isEmpty();
        assertThatThrownBy(() -> platform.sessionWithTicket("TICKET_forged")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void shouldHideWhatNoGrantNamesAndShowWhatANestedGroupOrInheritanceGrants() {
        Node granted;
        Node inheritsFromGranted;
        Node cutOff;
        Node hidden;
        try (PlatformSession system = platform.systemSession()) {
            Node folder = system.ensureFolder("/area");
            granted = system.createFolder(folder.id(), "granted", "lk:folder", Map.of());
            inheritsFromGranted = system.createDocument(granted.id(), "child.txt", "lk:doc", Map.of(), text("x"));
            cutOff = system.createFolder(granted.id(), "cut-off", "lk:folder", Map.of());
            hidden = system.createFolder(folder.id(), "hidden", "lk:folder", Map.of());
            system.grant(granted.id(), GroupId.of("outer"), Access.READ);
            system.setInheritance(cutOff.id(), false);
            system.save();
        }
        try (PlatformSession ann = platform.sessionAs(ANN)) {
            assertThat(ann.findNode(granted.id()))
                    .as("granted to a group holding a group holding ann")
                    .isPresent();
            assertThat(ann.findNode(inheritsFromGranted.id())).as("inherited").isPresent();
            assertThat(ann.findNode(cutOff.id())).as("inheritance off").isEmpty();
            assertThat(ann.findNode(hidden.id())).isEmpty();
            assertThat(ann.canWrite(granted.id())).as("a read grant").isFalse();
            assertThat(ann.query(NodeQuery.ofType("lk:folder").build()))
                    .extracting(Node::name)
                    .containsExactly("granted");
            assertThatThrownBy(() -> ann.updateProperties(granted.id(), Map.of("lk:memo", "x")))
                    .isInstanceOf(AccessDeniedException.class);
        }
        try (PlatformSession bob = platform.sessionAs(BOB)) {
            assertThat(bob.findNode(granted.id())).isEmpty();
            assertThat(bob.query(NodeQuery.ofType("lk:folder").build())).isEmpty();
            assertThatThrownBy(() -> bob.readContent(inheritsFromGranted.id())).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void shouldUnderstandEveryQueryFormTheBindingWrites() {
        Instant t1 = Instant.parse("2026-02-01T10:00:00Z");
        Instant t2 = Instant.parse("2026-02-02T10:00:00Z");
        Node area;
        try (PlatformSession system = platform.systemSession()) {
            area = system.ensureFolder("/q");
            system.createFolder(
                    area.id(),
                    "a",
                    "lk:item",
                    Map.of(
                            "lk:depositId",
                            "A",
                            "lk:depositedAt",
                            t1,
                            "lk:recipients",
                            List.of("x", "y"),
                            "lk:allowModify",
                            true));
            system.createFolder(
                    area.id(),
                    "b",
                    "lk:item",
                    Map.of(
                            "lk:depositId",
                            "B",
                            "lk:depositedAt",
                            t2,
                            "lk:recipients",
                            List.of("z"),
                            "lk:allowModify",
                            false,
                            "lk:memo",
                            "set"));
            system.save();
        }
        try (PlatformSession system = platform.systemSession()) {
            assertThat(names(system, NodeQuery.ofType("lk:item").whereAnyOf("lk:recipients", List.of("y", "q"))))
                    .containsExactly("a");
            assertThat(names(system, NodeQuery.ofType("lk:item").whereEquals("lk:allowModify", false)))
                    .containsExactly("b");
            assertThat(names(system, NodeQuery.ofType("lk:item").whereEquals("lk:depositedAt", t1)))
                    .containsExactly("a");
            assertThat(names(system, NodeQuery.ofType("lk:item").where(new NodeQuery.Before("lk:depositedAt", t2))))
                    .containsExactly("a");
            assertThat(names(system, NodeQuery.ofType("lk:item").where(new NodeQuery.NotBefore("lk:depositedAt", t2))))
                    .containsExactly("b");
            assertThat(names(system, NodeQuery.ofType("lk:item").where(new NodeQuery.IsSet("lk:memo"))))
                    .containsExactly("b");
            assertThat(names(
                            system, NodeQuery.ofType("lk:item").under(area.id()).orderBy("lk:depositedAt", true)))
                    .containsExactly("b", "a");
            assertThat(names(
                            system,
                            NodeQuery.ofType("lk:item").orderBy("name", false).page(1, 1)))
                    .containsExactly("b");
            assertThat(system.count(NodeQuery.ofType("lk:item").build())).isEqualTo(2);
            assertThat(system.findUsersByProperty("cm:email", "bob@example.org"))
                    .extracting(u -> u.id().value())
                    .containsExactly("bob");
        }
    }

    /** What only a search index answers: nothing without one (the default), everything once it has caught up. */
    @Test
    void shouldAnswerFromItsIndexOnlyWhenItHasOne() throws Exception {
        String root;
        try (PlatformSession system = platform.systemSession()) {
            Node area = system.ensureFolder("/indexed");
            system.createFolder(area.id(), "a", "lk:item", Map.of());
            root = area.id().value();
            system.save();
        }
        String search = "{\"query\":{\"query\":\"ANCESTOR:\\\"workspace://SpacesStore/" + root
                + "\\\"\",\"language\":\"afts\"}}";
        assertThat(raw("POST", AlfrescoRestClient.SEARCH + "/search", search)).contains("\"totalItems\":0");
        assertThat(raw("GET", AlfrescoRestClient.CORE + "/groups/GROUP_inner/members", null))
                .contains("\"totalItems\":0");
        assertThat(alfresco.indexAnswered()).hasSize(2);

        alfresco.indexAfter(java.time.Duration.ZERO);
        assertThat(raw("POST", AlfrescoRestClient.SEARCH + "/search", search)).contains("\"totalItems\":1");
        assertThat(raw("GET", AlfrescoRestClient.CORE + "/groups/GROUP_inner/members", null))
                .contains("\"ann\"");
        alfresco.noIndex();
    }

    private String raw(String method, String path, String body) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(alfresco.baseUrl() + path))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + java.util.Base64.getEncoder()
                                                        .encodeToString(
                                                                (FakeAlfresco.ADMIN + ":" + FakeAlfresco.ADMIN_PASSWORD)
                                                                        .getBytes()))
                                .header("Content-Type", "application/json")
                                .method(
                                        method,
                                        body == null
                                                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                                                : java.net.http.HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static List<String> names(PlatformSession session, NodeQuery.Builder query) {
        return session.query(query.build()).stream().map(Node::name).toList();
    }
}
