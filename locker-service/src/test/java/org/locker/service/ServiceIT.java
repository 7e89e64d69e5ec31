package org.locker.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.DemoSchoolTest;

class ServiceIT extends DemoSchoolTest {

    @Test
    void shouldReportHealthWithoutSigningIn() {
        Response health = api().get("/actuator/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json()).containsEntry("status", "UP");
    }

    @Test
    void shouldServeTheOpenApiDocument() {
        Response openApi = api().get("/v3/api-docs", null);

        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/v1/me", "/api/v1/directory/classes", "/api/v1/directory/import");
    }

    @Test
    void shouldAnswerAnonymousApiCallsWithAProblem() {
        Response me = api().get("/api/v1/me", null);

        assertThat(me.status()).isEqualTo(401);
        assertThat(me.contentType()).startsWith("application/problem+json");
        assertThat(me.reason()).isEqualTo("UNAUTHENTICATED");
        assertThat(me.json()).containsKey("messages");
    }

    @Test
    void shouldRefuseAWrongPassword() {
        assertThat(api().withPassword("/api/v1/me", "t.girard", "wrong").status())
                .isEqualTo(401);
        assertThat(api().withPassword("/api/v1/me", "nobody", "demo").status()).isEqualTo(401);
        assertThat(api().withPassword("/api/v1/me", "admin", "admin").status())
                .as("the repository superuser has no profile: it is not a login")
                .isEqualTo(401);
    }

    @Test
    void shouldTellEachUserWhoTheyAre() {
        Response teacher = api().get("/api/v1/me", "t.girard");
        assertThat(teacher.status()).isEqualTo(200);
        assertThat(teacher.json())
                .containsEntry("id", "t.girard")
                .containsEntry("profile", "teacher")
                .containsEntry("displayName", "Paul Girard");

        Response delegate = api().get("/api/v1/me", "r.sophie.martin");
        assertThat(delegate.json()).containsEntry("profile", "guardian");
        assertThat(delegate.json().get("delegateOf")).asList().containsExactly("6A");

        assertThat(api().get("/api/v1/me", "e.emma.martin").json()).containsEntry("profile", "student");
        assertThat(api().get("/api/v1/me", "principal").json()).containsEntry("profile", "administrator");
        assertThat(api().get("/api/v1/me", "c.barbier").json()).containsEntry("profile", "counselor");
        assertThat(api().get("/api/v1/me", "p.masson").json()).containsEntry("profile", "staff");
    }

    @Test
    void shouldAcceptTheLoginCaseInsensitively() {
        assertThat(api().withPassword("/api/v1/me", "T.Girard", "demo").status())
                .isEqualTo(200);
    }
}
