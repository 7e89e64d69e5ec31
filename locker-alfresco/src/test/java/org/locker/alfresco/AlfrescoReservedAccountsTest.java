package org.locker.alfresco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locker.core.directory.DirectoryProperties;
import org.locker.core.directory.Profile;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.directory.importing.DirectoryImport;
import org.locker.core.directory.importing.ImportProblem;
import org.locker.core.directory.importing.ImportReport;
import org.locker.core.platform.AccessDeniedException;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;
import org.springframework.http.HttpMethod;

/**
 * Alfresco's own accounts (admin, guest, System) and the configured service account are never locker users: the
 * import refuses them by line, the directory never returns them as persons even with a profile written on them by
 * other means, and the platform never acts as them for a user, by password ticket or by a ticket Share forwards.
 */
class AlfrescoReservedAccountsTest {

    private static final String SERVICE_USER = "svc.locker";
    private static final String PASSWORD = "Secret-1";
    private static final String HEADER =
            "type,id,label,profile,first_name,last_name,email,classes,children,delegate_of,password\n";

    private FakeAlfresco alfresco;
    private AlfrescoPlatform platform;

    @BeforeEach
    void start() {
        alfresco = new FakeAlfresco();
        alfresco.addPerson(SERVICE_USER, PASSWORD, true);
        alfresco.addPerson("guest", "guest", false);
        AlfrescoSettings settings = new AlfrescoSettings(
                alfresco.baseUrl(),
                SERVICE_USER,
                PASSWORD.toCharArray(),
                "Data Dictionary/Locker",
                Duration.ofSeconds(2),
                Duration.ofSeconds(20),
                AlfrescoSettings.RetryPolicy.NONE,
                Optional.empty(),
                AlfrescoSettings.DEFAULT_TOPIC,
                AlfrescoSettings.GuardiansSite.NONE);
        platform = AlfrescoPlatform.builder(settings).build();
    }

    @AfterEach
    void stop() {
        platform.close();
        alfresco.close();
    }

    @Test
    void shouldReserveAlfrescosOwnAccountsAndTheServiceAccount() {
        assertThat(platform.reservedAccounts())
                .containsExactlyInAnyOrder(
                        UserId.of("admin"), UserId.of("guest"), UserId.of("system"), UserId.of(SERVICE_USER));
        assertThat(platform.isReserved(UserId.of("t.one"))).isFalse();
    }

    @Test
    void shouldRefuseAnImportNamingThemByLineAndApplyNothing() {
        ImportReport report = new DirectoryImport(platform)
                .run(
                        new StringReader(HEADER
                                + "class,6A,Sixième A,,,,,,,,\n"
                                + "person,t.one,,teacher,Tina,One,,6A,,," + PASSWORD + "\n"
                                + "person,admin,,administrator,Ad,Min,,,,,\n"
                                + "person,Guest,,staff,Gue,St,,,,,\n"
                                + "person,System,,administrator,Sys,Tem,,,,,\n"
                                + "person," + SERVICE_USER + ",,teacher,Ser,Vice,,,,,\n"),
                        false);

        assertThat(report.applied()).isFalse();
        assertThat(report.problems())
                .extracting(ImportProblem::line, ImportProblem::code)
                .containsExactly(
                        tuple(4L, "RESERVED_ID"),
                        tuple(5L, "RESERVED_ID"),
                        tuple(6L, "RESERVED_ID"),
                        tuple(7L, "RESERVED_ID"));
        try (PlatformSession system = platform.systemSession()) {
            assertThat(system.findUser(UserId.of("t.one")))
                    .as("nothing applied")
                    .isEmpty();
            assertThat(system.findUser(UserId.of("admin")).orElseThrow().properties())
                    .doesNotContainKey(DirectoryProperties.PROFILE);
        }
    }

    @Test
    void shouldNeverMakeThemPersonsNorActAsThemEvenWithAProfileWrittenByOtherMeans() {
        new DirectoryImport(platform).ensureProfileGroups();
        for (String id : List.of("admin", "guest", SERVICE_USER)) {
            try (PlatformSession system = platform.systemSession()) {
                system.updateUser(new NewUser(
                        UserId.of(id),
                        id,
                        id,
                        null,
                        null,
                        Map.of(DirectoryProperties.PROFILE, Profile.ADMINISTRATOR.code())));
                system.addMember(Profile.ADMINISTRATOR.group(), UserId.of(id));
                system.save();
            }
        }
        SchoolDirectory directory = new SchoolDirectory(platform);

        for (String id : List.of("admin", "guest", SERVICE_USER)) {
            UserId user = UserId.of(id);
            assertThat(directory.person(user)).as(id).isEmpty();
            assertThatThrownBy(() -> platform.sessionAs(user)).as(id).isInstanceOf(AccessDeniedException.class);
            assertThat(platform.authenticate(user, passwordOf(id).toCharArray()))
                    .as("the password is right")
                    .isPresent();
            String ticket = ticketOf(user);
            assertThatThrownBy(() -> platform.sessionWithTicket(ticket))
                    .as("a ticket Share forwards for " + id)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> platform.sessionAs(user))
                    .as("even with its ticket known: " + id)
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(directory.search(Profile.ADMINISTRATOR, "", 100)).isEmpty();
    }

    private static String passwordOf(String id) {
        return switch (id) {
            case "admin" -> FakeAlfresco.ADMIN_PASSWORD;
            case "guest" -> "guest";
            default -> PASSWORD;
        };
    }

    /** A ticket of {@code user}, as Alfresco issues it ({@code POST /tickets}). */
    private String ticketOf(UserId user) {
        AlfrescoRestClient rest = new AlfrescoRestClient(AlfrescoSettings.of(
                alfresco.baseUrl(), user.value(), passwordOf(user.value()).toCharArray(), ""));
        return rest.entry(
                        null,
                        HttpMethod.POST,
                        rest.uri(AlfrescoRestClient.AUTH, "/tickets", null),
                        Map.of("userId", user.value(), "password", passwordOf(user.value())),
                        Rest.Ticket.class)
                .id();
    }
}
