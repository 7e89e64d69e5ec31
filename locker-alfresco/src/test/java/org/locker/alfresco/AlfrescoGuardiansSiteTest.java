package org.locker.alfresco;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.locker.alfresco.AlfrescoStub.CORE;
import static org.locker.alfresco.AlfrescoStub.entry;
import static org.locker.alfresco.AlfrescoStub.error;
import static org.locker.alfresco.AlfrescoStub.json;
import static org.locker.alfresco.AlfrescoStub.list;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locker.alfresco.AlfrescoSettings.GuardiansSite;
import org.locker.alfresco.AlfrescoSettings.SiteRole;
import org.locker.core.directory.Profile;
import org.locker.core.platform.GroupId;

/**
 * The guardians' restricted site, kept by the platform through the sites API: against the HTTP stub (each
 * case's exact requests, checked against Alfresco's API definition when {@code ALFRESCO_OPENAPI_SPEC} is set),
 * then against the stateful fake through a directory import.
 */
class AlfrescoGuardiansSiteTest {

    private static final String SITE = "locker-guardians";
    private static final String SITE_PATH = CORE + "/sites/" + SITE;
    private static final String MEMBERS_PATH = SITE_PATH + "/group-members";
    private static final String GUARDIANS = "GROUP_locker-profile-guardian";
    private static final String TEACHERS = "GROUP_locker-profile-teacher";
    private static final GuardiansSite GUARDIANS_AND_TEACHERS = new GuardiansSite(
            SITE,
            orderedRoles(Profile.GUARDIAN.group(), SiteRole.CONSUMER, Profile.TEACHER.group(), SiteRole.COLLABORATOR));

    private AlfrescoStub stub;

    @BeforeEach
    void start() {
        stub = new AlfrescoStub();
        stub.stubRoot();
        stub.stubPeople(List.of("admin"));
    }

    @AfterEach
    void checkContractAndStop() {
        try {
            stub.assertServedWithinContract();
        } finally {
            stub.close();
        }
    }

    private AlfrescoPlatform platform(GuardiansSite site) {
        return AlfrescoPlatform.builder(stub.settings().withGuardiansSite(site)).build();
    }

    private static Map<GroupId, SiteRole> orderedRoles(
            GroupId first, SiteRole firstRole, GroupId second, SiteRole secondRole) {
        Map<GroupId, SiteRole> roles = new LinkedHashMap<>();
        roles.put(first, firstRole);
        roles.put(second, secondRole);
        return roles;
    }

    private static Map<String, Object> site(String visibility) {
        return Map.of(
                "id", SITE, "guid", "site-node-0000", "title", GuardiansSiteKeeper.TITLE, "visibility", visibility);
    }

    private static Map<String, Object> siteGroup(String groupId, String role) {
        return Map.of(
                "id",
                groupId,
                "group",
                Map.of("id", groupId, "displayName", groupId.substring(6), "memberType", "GROUP"),
                "role",
                role);
    }

    private void stubSitePresent(String visibility) {
        stub.stub(get(urlPathEqualTo(SITE_PATH)).willReturn(json(200, entry(site(visibility)))));
    }

    private void stubMembers(List<Map<String, Object>> members) {
        stub.stub(get(urlPathEqualTo(MEMBERS_PATH)).willReturn(json(200, list(members, false))));
    }

    private void stubMemberAdded(String groupId, String role) {
        stub.stub(post(urlPathEqualTo(MEMBERS_PATH))
                .withRequestBody(equalToJson("{\"id\":\"" + groupId + "\",\"role\":\"" + role + "\"}"))
                .willReturn(json(201, entry(siteGroup(groupId, role)))));
    }

    /** Method and path of every request to the sites API, oldest first. */
    private List<String> siteCalls() {
        return stub.served().stream()
                .map(e -> e.getRequest())
                .filter(r -> r.getUrl().startsWith(CORE + "/sites"))
                .map(AlfrescoGuardiansSiteTest::call)
                .toList();
    }

    private static String call(LoggedRequest request) {
        return request.getMethod().getName() + " "
                + request.getUrl().split("\\?", 2)[0].substring(CORE.length());
    }

    // ================================================================== against the stub

    /** The next reconcile finds the site and adds the guardians' and the teachers' groups. */
    private void assertBothMembershipsAddedAtTheNextReconcile(AlfrescoPlatform platform) {
        stubMemberAdded(GUARDIANS, "SiteConsumer");
        stubMemberAdded(TEACHERS, "SiteCollaborator");
        stub.resetRequests();
        platform.reconcile();
        assertThat(siteCalls())
                .containsExactly(
                        "GET /sites/" + SITE,
                        "GET /sites/" + SITE + "/group-members",
                        "POST /sites/" + SITE + "/group-members",
                        "POST /sites/" + SITE + "/group-members");
    }

    @Test
    void shouldCreateTheMissingSitePrivateAtStartUpAndAddTheGroups() {
        stub.stub(get(urlPathEqualTo(SITE_PATH))
                .willReturn(error(
                        404, "framework.exception.EntityNotFound", "The entity with id: " + SITE + " was not found")));
        stub.stub(post(urlPathEqualTo(CORE + "/sites")).willReturn(json(201, entry(site("PRIVATE")))));
        stubMembers(List.of());
        stubMemberAdded(GUARDIANS, "SiteConsumer");
        stubMemberAdded(TEACHERS, "SiteCollaborator");

        try (AlfrescoPlatform platform = platform(GUARDIANS_AND_TEACHERS)) {
            assertThat(siteCalls())
                    .containsExactly(
                            "GET /sites/" + SITE,
                            "POST /sites",
                            "GET /sites/" + SITE + "/group-members",
                            "POST /sites/" + SITE + "/group-members",
                            "POST /sites/" + SITE + "/group-members");
            stub.server.verify(postRequestedFor(urlPathEqualTo(CORE + "/sites"))
                    .withQueryParam("skipAddToFavorites", equalTo("true"))
                    .withRequestBody(equalToJson("{\"id\":\"" + SITE + "\",\"title\":\"" + GuardiansSiteKeeper.TITLE
                            + "\",\"description\":\"" + GuardiansSiteKeeper.DESCRIPTION
                            + "\",\"visibility\":\"PRIVATE\"}")));
            stub.server.verify(postRequestedFor(urlPathEqualTo(MEMBERS_PATH))
                    .withRequestBody(
                            equalToJson("{\"id\":\"GROUP_locker-profile-guardian\",\"role\":\"SiteConsumer\"}")));
            stub.server.verify(postRequestedFor(urlPathEqualTo(MEMBERS_PATH))
                    .withRequestBody(
                            equalToJson("{\"id\":\"GROUP_locker-profile-teacher\",\"role\":\"SiteCollaborator\"}")));
        }
    }

    @Test
    void shouldNotRecreateAPresentSiteNorRewriteMembershipsInPlace() {
        stubSitePresent("PRIVATE");
        stubMembers(List.of(
                siteGroup(TEACHERS, "SiteCollaborator"),
                siteGroup(GUARDIANS, "SiteConsumer"),
                siteGroup("GROUP_direction", "SiteManager")));

        try (AlfrescoPlatform platform = platform(GUARDIANS_AND_TEACHERS)) {
            stub.resetRequests();
            assertThat(platform.ensureGuardiansSite()).isTrue();
            assertThat(siteCalls())
                    .as("two reads, no write; a member the settings do not name is left alone")
                    .containsExactly("GET /sites/" + SITE, "GET /sites/" + SITE + "/group-members");
        }
    }

    @Test
    void shouldTakeAMembershipAddedMeanwhile() {
        stubSitePresent("PRIVATE");
        stubMembers(List.of(siteGroup(TEACHERS, "SiteCollaborator")));
        // listed as absent, then added by another instance before this one's POST
        stub.stub(post(urlPathEqualTo(MEMBERS_PATH))
                .willReturn(error(
                        409,
                        "framework.exception.ConstraintViolated",
                        GUARDIANS + " is already a member of site " + SITE)));
        stub.stub(get(urlPathEqualTo(MEMBERS_PATH + "/" + GUARDIANS))
                .willReturn(json(200, entry(siteGroup(GUARDIANS, "SiteConsumer")))));

        try (AlfrescoPlatform platform = platform(GUARDIANS_AND_TEACHERS)) {
            stub.resetRequests();
            assertThat(platform.ensureGuardiansSite()).isTrue();
            assertThat(siteCalls())
                    .containsExactly(
                            "GET /sites/" + SITE,
                            "GET /sites/" + SITE + "/group-members",
                            "POST /sites/" + SITE + "/group-members",
                            "GET /sites/" + SITE + "/group-members/" + GUARDIANS);
        }
    }

    @Test
    void shouldCorrectAWrongRole() {
        stubSitePresent("PRIVATE");
        stubMembers(List.of(siteGroup(GUARDIANS, "SiteCollaborator"), siteGroup(TEACHERS, "SiteCollaborator")));
        stub.stub(put(urlPathEqualTo(MEMBERS_PATH + "/" + GUARDIANS))
                .willReturn(json(200, entry(siteGroup(GUARDIANS, "SiteConsumer")))));

        try (AlfrescoPlatform platform = platform(GUARDIANS_AND_TEACHERS)) {
            stub.server.verify(putRequestedFor(urlPathEqualTo(MEMBERS_PATH + "/" + GUARDIANS))
                    .withRequestBody(equalToJson("{\"role\":\"SiteConsumer\"}")));
            assertThat(siteCalls())
                    .containsExactly(
                            "GET /sites/" + SITE,
                            "GET /sites/" + SITE + "/group-members",
                            "PUT /sites/" + SITE + "/group-members/" + GUARDIANS);
        }
    }

    @Test
    void shouldCorrectTheRoleOfAMembershipAddedMeanwhile() {
        stubSitePresent("PRIVATE");
        stubMembers(List.of(siteGroup(TEACHERS, "SiteCollaborator")));
        stub.stub(post(urlPathEqualTo(MEMBERS_PATH))
                .willReturn(error(
                        409,
                        "framework.exception.ConstraintViolated",
                        GUARDIANS + " is already a member of site " + SITE)));
        stub.stub(get(urlPathEqualTo(MEMBERS_PATH + "/" + GUARDIANS))
                .willReturn(json(200, entry(siteGroup(GUARDIANS, "SiteManager")))));
        stub.stub(put(urlPathEqualTo(MEMBERS_PATH + "/" + GUARDIANS))
                .willReturn(json(200, entry(siteGroup(GUARDIANS, "SiteConsumer")))));

        try (AlfrescoPlatform platform = platform(GUARDIANS_AND_TEACHERS)) {
            stub.server.verify(putRequestedFor(urlPathEqualTo(MEMBERS_PATH + "/" + GUARDIANS))
                    .withRequestBody(equalToJson("{\"role\":\"SiteConsumer\"}")));
        }
    }

    @Test
    void shouldMakeAnOpenedSitePrivateAgain() {
        stubSitePresent("PUBLIC");
        stub.stub(put(urlPathEqualTo(SITE_PATH)).willReturn(json(200, entry(site("PRIVATE")))));
        stubMembers(List.of(siteGroup(GUARDIANS, "SiteConsumer"), siteGroup(TEACHERS, "SiteCollaborator")));

        try (AlfrescoPlatform platform = platform(GUARDIANS_AND_TEACHERS)) {
            stub.server.verify(putRequestedFor(urlPathEqualTo(SITE_PATH))
                    .withRequestBody(equalToJson("{\"visibility\":\"PRIVATE\"}")));
        }
    }

    @Test
    void shouldLeaveMembershipsOfGroupsNotYetCreatedToTheNextReconcile() {
        stubSitePresent("PRIVATE");
        stubMembers(List.of());
        stub.stub(post(urlPathEqualTo(MEMBERS_PATH))
                .willReturn(error(
                        404,
                        "framework.exception.EntityNotFound",
                        "The entity with id: " + GUARDIANS + " was not found")));

        try (AlfrescoPlatform platform = platform(GUARDIANS_AND_TEACHERS)) {
            assertThat(platform.ensureGuardiansSite())
                    .as("nothing created for missing groups")
                    .isFalse();

            // the first directory import creates the profile groups
            assertBothMembershipsAddedAtTheNextReconcile(platform);
        }
    }

    @Test
    void shouldKeepNoSiteWhenTheIdIsBlank() {
        GuardiansSite blank = new GuardiansSite("  ", Map.of(Profile.GUARDIAN.group(), SiteRole.CONSUMER));
        assertThat(blank.enabled()).isFalse();
        try (AlfrescoPlatform platform = platform(blank)) {
            assertThat(platform.ensureGuardiansSite()).isTrue();
            platform.reconcile();
            assertThat(siteCalls()).isEmpty();
        }
        assertThat(AlfrescoSettings.of(stub.baseUrl(), "admin", "admin".toCharArray(), "Locker")
                        .guardiansSite()
                        .enabled())
                .as("the binding names no groups of its own")
                .isFalse();
    }

    @Test
    void shouldRefuseASiteIdAlfrescoWouldRefuse() {
        assertThatThrownBy(() -> new GuardiansSite("locker guardians", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("letters, digits and dashes");
    }

    @Test
    void shouldStartDespiteAFailureThenRetryAtTheNextReconcile() throws IOException {
        stub.stub(get(urlPathMatching(CORE + "/sites.*"))
                .willReturn(error(500, "framework.exception.ApiDefault", "site service unavailable")));

        try (AlfrescoPlatform platform = platform(GUARDIANS_AND_TEACHERS)) {
            assertThat(siteCalls()).as("retried as any 5xx, then given up").hasSize(3);
            bindingLog()
                    .ifPresent(log -> assertThat(log)
                            .contains("guardians' site " + SITE + " not ensured, retried at the next reconcile")
                            .contains("site service unavailable"));

            stub.server.resetMappings();
            stub.stubPeople(List.of("admin"));
            stubSitePresent("PRIVATE");
            stubMembers(List.of());
            assertBothMembershipsAddedAtTheNextReconcile(platform);
        }
    }

    @Test
    void shouldNotTouchMembershipsWhenTheSiteIdIsTaken() {
        stub.stub(get(urlPathEqualTo(SITE_PATH))
                .willReturn(error(
                        404, "framework.exception.EntityNotFound", "The entity with id: " + SITE + " was not found")));
        stub.stub(post(urlPathEqualTo(CORE + "/sites"))
                .willReturn(error(409, "framework.exception.ConstraintViolated", "Site " + SITE + " already exists")));

        try (AlfrescoPlatform platform = platform(GUARDIANS_AND_TEACHERS)) {
            stub.resetRequests();
            assertThat(platform.ensureGuardiansSite()).isFalse();
            assertThat(siteCalls()).containsExactly("GET /sites/" + SITE, "POST /sites");
        }
    }

    /** What the binding logged so far, when the build sends it to a file (the pom's simpleLogger.logFile). */
    private static Optional<String> bindingLog() throws IOException {
        String file = System.getProperty("org.slf4j.simpleLogger.logFile");
        if (file == null || file.startsWith("System.")) {
            return Optional.empty();
        }
        return Optional.of(Files.readString(Path.of(file)));
    }

    // ================================================================== against the stateful fake

    @Test
    void shouldGiveTheProfileGroupsTheirRolesOnceTheDirectoryImportHasCreatedThem() {
        try (FakeAlfrescoSchool school = new FakeAlfrescoSchool()) {
            // the platform started before the import: the site exists, the profile groups did not
            assertThat(school.alfresco.siteVisibility(SITE)).contains("PRIVATE");
            assertThat(school.alfresco.siteGroupRoles(SITE)).isEmpty();

            school.platform.reconcile();

            assertThat(school.alfresco.siteGroupRoles(SITE))
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "GROUP_locker-profile-guardian", "SiteConsumer",
                            "GROUP_locker-profile-teacher", "SiteCollaborator",
                            "GROUP_locker-profile-staff", "SiteCollaborator",
                            "GROUP_locker-profile-counselor", "SiteCollaborator"));
            assertThat(school.platform.ensureGuardiansSite()).isTrue();
        }
    }
}
