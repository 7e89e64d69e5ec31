package org.locker.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locker.core.directory.DirectoryProperties;
import org.locker.core.directory.Profile;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.User;
import org.locker.core.platform.UserId;
import org.locker.service.support.ApiClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On the embedded platform, Oak's own accounts (its superuser {@code admin}, which is also the service's system
 * account, and {@code anonymous}) never become locker users: the import refuses them by line and applies nothing,
 * and even with a profile written on them by other means they neither sign in nor appear in the directory.
 */
class ReservedAccountsIT extends SignInTestBase {

    /** The embedded repository's superuser password in the tests (application.yml's default). */
    private static final String OAK_ADMIN_PASSWORD = "admin";

    @Autowired
    ContentPlatform platform;

    @Test
    void shouldRefuseAnImportNamingOaksOwnAccountsByLineAndApplyNothing() {
        Response response = api().post(
                        "/api/v1/directory/import",
                        "adm.one",
                        "text/csv",
                        SCHOOL
                                + "person,t.new,,teacher,Nina,New,,6A,,,demo\n"
                                + "person,admin,,administrator,Ad,Min,,,,,\n"
                                + "person,Anonymous,,staff,Ano,Nymous,,,,,\n");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.reason()).isEqualTo("INVALID_IMPORT_FILE");
        assertThat(problems(response))
                .extracting(p -> p.get("line"), p -> p.get("code"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(9, "RESERVED_ID"),
                        org.assertj.core.groups.Tuple.tuple(10, "RESERVED_ID"));
        assertThat(api().get("/api/v1/directory/persons/t.new", "t.one").status())
                .as("nothing applied")
                .isEqualTo(404);
        try (PlatformSession system = platform.systemSession()) {
            assertThat(system.findUser(UserId.of("admin")).orElseThrow().properties())
                    .doesNotContainKey(DirectoryProperties.PROFILE);
        }
        assertThat(api().post(
                                "/api/v1/directory/import?dryRun=true",
                                "adm.one",
                                "text/csv",
                                SCHOOL + "person,admin,,administrator,Ad,Min,,,,,\n")
                        .status())
                .as("a dry run too")
                .isEqualTo(422);
    }

    @Test
    void shouldNeverSignInOaksOwnAccountsEvenWithAProfileWrittenByOtherMeans() {
        giveAdministratorProfile("admin");
        giveAdministratorProfile("anonymous");
        try {
            Response admin = api().withPassword("/api/v1/me", "admin", OAK_ADMIN_PASSWORD);
            assertThat(admin.status()).as("the superuser's right password").isEqualTo(401);
            assertThat(admin.reason()).isEqualTo("UNAUTHENTICATED");
            assertThat(api().withPassword("/api/v1/me", "anonymous", "anonymous")
                            .status())
                    .isEqualTo(401);
            for (String id : List.of("admin", "anonymous")) {
                assertThat(api().get("/api/v1/directory/persons/" + id, "t.one").status())
                        .as(id)
                        .isEqualTo(404);
            }
            assertThat(api().get("/api/v1/directory/persons?profile=administrator", "t.one")
                            .jsonList())
                    .extracting(p -> p.get("id"))
                    .containsExactly("adm.one");
        } finally {
            removeProfile("admin");
            removeProfile("anonymous");
        }
    }

    /** What a script writing straight to the repository, or a mistaken tool, could do. */
    private void giveAdministratorProfile(String id) {
        try (PlatformSession system = platform.systemSession()) {
            User user = system.findUser(UserId.of(id)).orElseThrow();
            system.updateUser(new NewUser(
                    user.id(),
                    "Re",
                    "Served",
                    null,
                    null,
                    Map.of(DirectoryProperties.PROFILE, Profile.ADMINISTRATOR.code())));
            system.addMember(Profile.ADMINISTRATOR.group(), user.id());
            system.save();
        }
    }

    private void removeProfile(String id) {
        try (PlatformSession system = platform.systemSession()) {
            Map<String, Object> none = new HashMap<>();
            none.put(DirectoryProperties.PROFILE, null);
            system.updateUser(new NewUser(UserId.of(id), "Re", "Served", null, null, none));
            system.removeMember(Profile.ADMINISTRATOR.group(), UserId.of(id));
            system.save();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> problems(Response response) {
        return (List<Map<String, Object>>) response.json().get("problems");
    }
}
