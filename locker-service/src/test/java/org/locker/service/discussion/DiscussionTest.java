package org.locker.service.discussion;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.ServiceTestBase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the discussion end-to-end tests ({@link ServiceTestBase}: the whole service on its own embedded Oak),
 * the demo school, and a clock the tests move (a Tuesday at 10:00, Europe/Paris, before each test). One Spring
 * context for every discussion test class. Tests that change settings or preferences restore them.
 */
abstract class DiscussionTest extends ServiceTestBase {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Tuesday 24 November 2026, 10:00 in Paris. */
    static final Instant TUESDAY_TEN =
            ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, PARIS).toInstant();

    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void demoSchool(DynamicPropertyRegistry registry) {
        registry.add("locker.demo.enabled", () -> "true");
    }

    private String savedSettings;

    @BeforeEach
    void resetClockAndSaveSettings() {
        clock.set(TUESDAY_TEN);
        savedSettings = get("/api/v1/discussions/settings", "principal").body();
    }

    @AfterEach
    void restoreSettings() {
        put("/api/v1/discussions/settings", "principal", savedSettings);
    }

    Response get(String path, String user) {
        return api().get(path, user);
    }

    Response post(String path, String user, Object body) {
        return send("POST", path, user, body);
    }

    Response put(String path, String user, Object body) {
        return send("PUT", path, user, body);
    }

    Response delete(String path, String user) {
        return send("DELETE", path, user, null);
    }

    Response send(String method, String path, String user, Object body) {
        byte[] json = body == null
                ? null
                : (body instanceof String s ? s : JSON.writeValueAsString(body)).getBytes(StandardCharsets.UTF_8);
        return api().request(method, path, user, "application/json", json);
    }

    // ---------------------------------------------------------------- discussion helpers

    Response start(String user, String text, String... participants) {
        return post(
                "/api/v1/discussions",
                user,
                Map.of("subject", "Sujet", "participants", List.of(participants), "text", text));
    }

    String startOk(String user, String text, String... participants) {
        Response response = start(user, text, participants);
        if (response.status() != 201) {
            throw new AssertionError("start refused: " + response.body());
        }
        return String.valueOf(response.json().get("id"));
    }

    Response postMessage(String user, String discussion, String text) {
        return post("/api/v1/discussions/" + discussion + "/messages", user, Map.of("text", text));
    }

    /** The caller's summary of one discussion in their list, or null. */
    Map<String, Object> summary(String user, String discussion) {
        return get("/api/v1/discussions", user).jsonList().stream()
                .filter(d -> discussion.equals(d.get("id")))
                .findFirst()
                .orElse(null);
    }

    long unread(String user, String discussion) {
        return ((Number) summary(user, discussion).get("unread")).longValue();
    }

    /** Changes the settings (restored after the test): applies {@code changes} to the current ones. */
    @SuppressWarnings("unchecked")
    void settings(Map<String, Object> changes) {
        Map<String, Object> current = new java.util.LinkedHashMap<>(
                get("/api/v1/discussions/settings", "principal").json());
        current.putAll(changes);
        Response response = put("/api/v1/discussions/settings", "principal", current);
        if (response.status() != 200) {
            throw new AssertionError("settings refused: " + response.body());
        }
    }

    void preferences(String user, Map<String, Object> preferences) {
        Response response = put("/api/v1/me/preferences", user, preferences);
        if (response.status() != 200) {
            throw new AssertionError("preferences refused: " + response.body());
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> messages(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("messages");
    }
}
