package org.locker.alfresco;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locker.core.directory.DirectoryProperties;
import org.locker.core.directory.Profile;
import org.locker.core.directory.importing.DirectoryImport;
import org.locker.core.locker.DepositRequest;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;
import tools.jackson.databind.json.JsonMapper;

/**
 * People created in Alfresco itself, by an administrator or by Alfresco's directory synchronisation, become users
 * of the service when they have a profile: the {@code lk:profile} property, or membership of an Alfresco group the
 * settings map to a profile. The event listener (while the service runs) and the people reconcile (after it was
 * down) put them in their profile's group, so that the standing deposits to their category reach them; and the
 * reconcile counts as missed only the people it did not learn of otherwise.
 */
class AlfrescoNewUsersTest {

    private static final String PASSWORD = "Secret-1";
    private static final String LDAP_STAFF = "GROUP_LDAP_STAFF";
    private static final String SCHOOL =
            "type,id,label,profile,first_name,last_name,email,classes,children,delegate_of,password\n"
                    + "class,6A,Sixième A,,,,,,,,\n"
                    + "person,t.one,,teacher,Tina,One,,6A,,," + PASSWORD + "\n"
                    + "person,st.one,,staff,Stan,Staff,,,,," + PASSWORD + "\n";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ReconcileCheckpoint checkpoint = ReconcileCheckpoint.inMemory();
    private FakeAlfresco alfresco;
    private AlfrescoPlatform platform;
    private Lockers lockers;

    @BeforeEach
    void openTheSchool() {
        alfresco = new FakeAlfresco();
        alfrescoCall("POST", AlfrescoRestClient.CORE + "/groups", Map.of("id", LDAP_STAFF, "displayName", "Staff"));
        platform = start();
        assertThat(new DirectoryImport(platform)
                        .run(new StringReader(SCHOOL), false)
                        .valid())
                .isTrue();
        platform.authenticate(UserId.of("t.one"), PASSWORD.toCharArray());
        lockers = new Lockers(platform, FakeAlfrescoSchool.CLOCK);
        Lockers.PreparedDeposit prepared = lockers.prepare(
                UserId.of("t.one"),
                Profile.TEACHER,
                new DepositRequest(
                        "CIRCULAR",
                        "memo",
                        List.of("category:staff"),
                        true,
                        false,
                        Optional.empty(),
                        Optional.empty()));
        lockers.deposit(
                prepared,
                List.of(new Lockers.DepositFile(
                        "to-all-staff.txt",
                        new ContentSource(
                                new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)), "text/plain"))));
    }

    /** The service's settings: lk:profile, the profile groups, and LDAP_STAFF mapped to the staff profile. */
    private AlfrescoPlatform start() {
        Map<String, GroupId> groups = new LinkedHashMap<>();
        for (Profile profile : Profile.values()) {
            groups.put(profile.code(), profile.group());
        }
        return AlfrescoPlatform.builder(alfresco.settings("Data Dictionary/Locker")
                        .withProfiles(new AlfrescoSettings.Profiles(
                                DirectoryProperties.PROFILE, groups, Map.of("staff", LDAP_STAFF))))
                .checkpoint(checkpoint)
                .build();
    }

    @AfterEach
    void close() {
        platform.close();
        alfresco.close();
    }

    /** A call to Alfresco by its administrator, not through the service. */
    private void alfrescoCall(String method, String path, Object body) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(alfresco.baseUrl() + path))
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString(
                                                            (FakeAlfresco.ADMIN + ":" + FakeAlfresco.ADMIN_PASSWORD)
                                                                    .getBytes(StandardCharsets.UTF_8)))
                            .header("Content-Type", "application/json")
                            .method(
                                    method,
                                    HttpRequest.BodyPublishers.ofString(
                                            JsonMapper.builder().build().writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** A person an administrator creates in Alfresco, with these properties. */
    private void createdInAlfresco(String id, Map<String, Object> properties) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of(
                "id",
                id,
                "firstName",
                "New",
                "lastName",
                "Person",
                "email",
                id + "@example.org",
                "password",
                PASSWORD));
        if (!properties.isEmpty()) {
            body.put("properties", properties);
        }
        alfrescoCall("POST", AlfrescoRestClient.CORE + "/people", body);
    }

    private List<String> lockerOf(String user) {
        assertThat(platform.authenticate(UserId.of(user), PASSWORD.toCharArray()))
                .isPresent();
        return lockers.locker(UserId.of(user), Lockers.LockerFilter.none()).stream()
                .map(Lockers.LockerEntry::name)
                .toList();
    }

    @Test
    void shouldDeliverStandingDepositsToAPersonCreatedInAlfrescoWithAProfileWhenItsEventArrives() {
        createdInAlfresco("p.direct", Map.of("lk:profile", "staff"));
        alfresco.setAuthorityNodeId("p.direct", "n-p-direct");

        assertThat(platform.eventHandler().handle(RepoEvents.personCreated("e-1", "n-p-direct", "p.direct")))
                .isEqualTo(RepoEventHandler.Outcome.DELIVERED);

        assertThat(lockerOf("p.direct")).containsExactly("to-all-staff.txt");
    }

    @Test
    void shouldDeliverThemAtTheReconcileToAPersonCreatedWhileTheServiceWasDown() {
        platform.reconcile(); // the baseline
        platform.close();
        createdInAlfresco("p.later", Map.of("lk:profile", "staff"));

        platform = start(); // its start-up reconcile
        lockers = new Lockers(platform, FakeAlfrescoSchool.CLOCK);

        assertThat(lockerOf("p.later")).containsExactly("to-all-staff.txt");
    }

    @Test
    void shouldMakeAMemberOfAMappedAlfrescoGroupAUserOfThatProfile() {
        createdInAlfresco("ldap.one", Map.of());
        alfresco.setAuthorityNodeId("ldap.one", "n-ldap-one");
        alfresco.setAuthorityNodeId(LDAP_STAFF, "n-ldap-staff");
        assertThat(platform.eventHandler().handle(RepoEvents.personCreated("e-2", "n-ldap-one", "ldap.one")))
                .as("created before the synchronisation adds the membership: no profile yet")
                .isEqualTo(RepoEventHandler.Outcome.DELIVERED);
        assertThat(lockerOf("ldap.one")).isEmpty();

        alfrescoCall(
                "POST",
                AlfrescoRestClient.CORE + "/groups/" + LDAP_STAFF + "/members",
                Map.of("id", "ldap.one", "memberType", "PERSON"));
        platform.eventHandler().handle(RepoEvents.member("e-3", true, "n-ldap-staff", "n-ldap-one"));

        assertThat(lockerOf("ldap.one")).containsExactly("to-all-staff.txt");
        try (PlatformSession s = platform.systemSession()) {
            assertThat(s.findUser(UserId.of("ldap.one")).orElseThrow().stringProperty(DirectoryProperties.PROFILE))
                    .as("the profile written where the service reads it")
                    .contains("staff");
        }
    }

    @Test
    void shouldAdoptAMemberOfAMappedGroupAtTheReconcile() {
        platform.reconcile();
        createdInAlfresco("ldap.two", Map.of());
        alfrescoCall(
                "POST",
                AlfrescoRestClient.CORE + "/groups/" + LDAP_STAFF + "/members",
                Map.of("id", "ldap.two", "memberType", "PERSON"));

        platform.reconcile();

        assertThat(lockerOf("ldap.two")).containsExactly("to-all-staff.txt");
    }

    @Test
    void shouldCountAsMissedOnlyThePeopleItDidNotLearnOfOtherwise() {
        platform.reconcile(); // the baseline
        new DirectoryImport(platform)
                .run(new StringReader(SCHOOL + "person,t.new,,teacher,Ted,New,,6A,,," + PASSWORD + "\n"), false);
        alfresco.setAuthorityNodeId("t.new", "n-t-new");
        long before = platform.requestCount();
        platform.eventHandler().handle(RepoEvents.personCreated("e-5", "n-t-new", "t.new"));
        assertThat(platform.requestCount() - before)
                .as("created by the service, which set its groups: only the" + " check that it still exists")
                .isEqualTo(1);
        createdInAlfresco("p.announced", Map.of("lk:profile", "staff"));
        alfresco.setAuthorityNodeId("p.announced", "n-announced");
        platform.eventHandler().handle(RepoEvents.personCreated("e-4", "n-announced", "p.announced"));
        createdInAlfresco("p.missed", Map.of());

        assertThat(platform.reconcile())
                .as("created by the service, or announced by an event: not missed")
                .containsExactly(UserId.of("p.missed"));
        assertThat(platform.reconcile()).isEmpty();
    }
}
