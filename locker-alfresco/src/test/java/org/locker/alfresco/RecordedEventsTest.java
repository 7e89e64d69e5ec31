package org.locker.alfresco;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.PrincipalListener;
import org.locker.core.platform.UserId;

/**
 * The repository events a real Alfresco Community 25.3 published ({@code ALFRESCO_RECORDINGS}/events, see
 * {@link RecordedExchangesReplayTest}) drive the binding's event handler against {@link FakeAlfresco}, whose
 * people and groups carry the node ids the events name: a person created in Alfresco is announced, memberships
 * are mapped from node ids to names, everything else is ignored.
 */
class RecordedEventsTest {

    private Path events;
    private FakeAlfresco alfresco;
    private AlfrescoPlatform platform;
    private final List<String> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        Assumptions.assumeTrue(
                RecordedExchangesReplayTest.recordingsDirectory().isPresent(),
                RecordedExchangesReplayTest.ENV
                        + " is not set: the recorded events are not replayed here (CI sets it)");
        events = RecordedExchangesReplayTest.recordingsDirectory().get().resolve("events");
        alfresco = new FakeAlfresco();
        platform = AlfrescoPlatform.builder(alfresco.settings("Locker")
                        .withProfiles(new AlfrescoSettings.Profiles(
                                "lk:profile", Map.of("staff", GroupId.of("locker-profile-staff")), Map.of())))
                .listener(new PrincipalListener() {
                    @Override
                    public void userCreated(UserId user) {
                        heard.add("created " + user);
                    }

                    @Override
                    public void membershipChanged(GroupId group, PrincipalId member, boolean added) {
                        heard.add((added ? "added " : "removed ") + member + " to " + group);
                    }
                })
                .build();
    }

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.close();
            alfresco.close();
        }
    }

    private String event(String name) throws IOException {
        return Files.readString(events.resolve(name + ".json"));
    }

    private RepoEventHandler.Outcome handle(String name) throws IOException {
        return platform.eventHandler().handle(event(name));
    }

    /** The people and the group the recorded events name, with the node ids they had on that repository. */
    private void createTheRecordedAuthorities() {
        try (PlatformSession s = platform.systemSession()) {
            s.createUser(new NewUser(
                    UserId.of("staffer-19-1jka"),
                    "First",
                    "Last",
                    "staffer@example.org",
                    "Pw-12345678".toCharArray(),
                    Map.of()));
            s.createGroup(GroupId.of("staff-20-bi5r"), "Staff", Map.of());
            s.save();
        }
        alfresco.setAuthorityNodeId("staffer-19-1jka", "71119f25-3a55-473b-919f-253a55473b30");
        alfresco.setAuthorityNodeId("GROUP_staff-20-bi5r", "9a2762f6-bfd7-4787-a762-f6bfd767870e");
    }

    @Test
    void shouldMapTheRecordedMembershipEventsToNames() throws IOException {
        createTheRecordedAuthorities();
        assertThat(handle("group-created")).isEqualTo(RepoEventHandler.Outcome.DELIVERED);
        assertThat(handle("group-membership-added")).isEqualTo(RepoEventHandler.Outcome.DELIVERED);
        assertThat(handle("group-membership-removed")).isEqualTo(RepoEventHandler.Outcome.DELIVERED);
        assertThat(heard)
                .containsExactly("added staffer-19-1jka to staff-20-bi5r", "removed staffer-19-1jka to staff-20-bi5r");
        assertThat(handle("group-membership-added"))
                .as("the same event again")
                .isEqualTo(RepoEventHandler.Outcome.DUPLICATE);
    }

    @Test
    void shouldAnnounceThePersonCreatedInAlfrescoAndPutThemInTheirProfilesGroup() throws Exception {
        try (PlatformSession s = platform.systemSession()) {
            s.createGroup(GroupId.of("locker-profile-staff"), "Staff", Map.of());
            s.save();
        }
        // as the recording was made: an administrator creates the person in Alfresco itself
        java.net.http.HttpResponse<String> created = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(alfresco.baseUrl() + AlfrescoRestClient.CORE + "/people"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + java.util.Base64.getEncoder()
                                                        .encodeToString(
                                                                (FakeAlfresco.ADMIN + ":" + FakeAlfresco.ADMIN_PASSWORD)
                                                                        .getBytes()))
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"id\":\"p.direct\","
                                        + "\"firstName\":\"Dina\",\"lastName\":\"Direct\",\"email\":\"dina@college-demo.fr\","
                                        + "\"password\":\"Pw-12345678\",\"properties\":{\"lk:profile\":\"staff\"}}"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        alfresco.setAuthorityNodeId("p.direct", "ab072d02-9a78-4879-872d-029a7898793e");
        assertThat(handle("person-created")).isEqualTo(RepoEventHandler.Outcome.DELIVERED);
        assertThat(heard).containsExactly("created p.direct");
        try (PlatformSession s = platform.systemSession()) {
            assertThat(s.members(GroupId.of("locker-profile-staff"))).containsExactly(UserId.of("p.direct"));
        }
    }

    @Test
    void shouldIgnoreThePersonCreatedEventOfAPersonDeletedSince() throws IOException {
        assertThat(handle("person-created")).isEqualTo(RepoEventHandler.Outcome.GONE);
        assertThat(heard).isEmpty();
    }

    @Test
    void shouldIgnoreEveryOtherRecordedEvent() throws IOException {
        for (String other : List.of(
                "group-zone-added",
                "node-created-cm-content",
                "node-created-cm-folder",
                "node-created-lk-discussion",
                "node-deleted",
                "node-updated-content-version",
                "person-updated")) {
            assertThat(handle(other)).as(other).isEqualTo(RepoEventHandler.Outcome.IGNORED);
        }
        assertThat(heard).isEmpty();
    }
}
