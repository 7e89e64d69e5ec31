package org.locker.service.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.Response;

/** Each profile × each discussion endpoint: allowed (whatever the rules then say) or 403 FORBIDDEN_PROFILE. */
class DiscussionSecurityIT extends DiscussionTest {

    private static final Map<String, String> USERS = Map.of(
            "teacher",
            "t.girard",
            "staff",
            "p.benali",
            "counselor",
            "c.barbier",
            "guardian",
            "r.stephane.martin",
            "student",
            "e.emma.martin",
            "administrator",
            "principal");
    private static final Set<String> EVERYONE = USERS.keySet();
    private static final String UNKNOWN = "/api/v1/discussions/00000000-0000-0000-0000-000000000000";
    private static final String UNKNOWN_BROADCAST = "/api/v1/broadcasts/00000000-0000-0000-0000-000000000000";

    record Endpoint(String method, String path, String body, Set<String> allowed) {}

    @Test
    void shouldLetEachProfileCallOnlyItsEndpoints() {
        String settings = get("/api/v1/discussions/settings", "principal").body();
        List<Endpoint> endpoints = List.of(
                new Endpoint("GET", "/api/v1/discussions", null, EVERYONE),
                new Endpoint("POST", "/api/v1/discussions", "{\"participants\":[],\"text\":\"\"}", EVERYONE),
                new Endpoint("GET", "/api/v1/discussions/contacts", null, EVERYONE),
                new Endpoint("GET", UNKNOWN, null, EVERYONE),
                new Endpoint("POST", UNKNOWN + "/messages", "{\"text\":\"\"}", EVERYONE),
                new Endpoint("POST", UNKNOWN + "/read", null, EVERYONE),
                new Endpoint("POST", UNKNOWN + "/participants", "{\"participant\":\"t.rey\"}", EVERYONE),
                new Endpoint("DELETE", UNKNOWN + "/participants/me", null, EVERYONE),
                new Endpoint("GET", "/api/v1/discussions/settings", null, Set.of("administrator")),
                new Endpoint("PUT", "/api/v1/discussions/settings", settings, Set.of("administrator")),
                new Endpoint("GET", "/api/v1/me/preferences", null, EVERYONE),
                new Endpoint("PUT", "/api/v1/me/preferences", "{}", EVERYONE),
                new Endpoint("GET", "/api/v1/broadcasts", null, Set.of("guardian")),
                new Endpoint("GET", "/api/v1/broadcasts/audience?class=6A", null, Set.of("guardian")),
                new Endpoint(
                        "POST",
                        "/api/v1/broadcasts",
                        "{\"kind\":\"INFORMATION\",\"classCode\":\"6A\",\"text\":\"\"}",
                        Set.of("guardian")),
                new Endpoint("GET", UNKNOWN_BROADCAST, null, Set.of("guardian")),
                new Endpoint("POST", UNKNOWN_BROADCAST + "/confirmation", null, Set.of("guardian")),
                new Endpoint("POST", UNKNOWN_BROADCAST + "/answer", "{\"option\":0}", Set.of("guardian")));

        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (Map.Entry<String, String> user : USERS.entrySet()) {
                Response response = send(endpoint.method(), endpoint.path(), user.getValue(), endpoint.body());
                boolean forbidden = response.status() == 403 && response.body().contains("FORBIDDEN_PROFILE");
                boolean expectedForbidden = !endpoint.allowed().contains(user.getKey());
                if (forbidden != expectedForbidden || response.status() == 401 || response.status() >= 500) {
                    wrong.add(endpoint.method() + " " + endpoint.path() + " as " + user.getKey() + ": "
                            + response.status() + " " + response.body());
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(send("GET", "/api/v1/discussions", null, null).status()).isEqualTo(401);
    }

    @Test
    void shouldPublishTheEndpointsInTheOpenApiDocument() {
        String document = api().get("/v3/api-docs", null).body();

        assertThat(document)
                .contains(
                        "/api/v1/discussions/{id}/messages",
                        "/api/v1/discussions/settings",
                        "/api/v1/discussions/contacts",
                        "/api/v1/me/preferences",
                        "/api/v1/broadcasts/{id}/answer");
    }
}
