package org.locker.service.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.Response;

/** The administrator's discussion settings refused for what is wrong in them, said in French and English. */
class DiscussionSettingsIT extends DiscussionTest {

    private Response change(Map<String, Object> changes) {
        Map<String, Object> current = new LinkedHashMap<>(
                get("/api/v1/discussions/settings", "principal").json());
        current.putAll(changes);
        return put("/api/v1/discussions/settings", "principal", current);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> messages(Response response) {
        return (Map<String, String>) response.json().get("messages");
    }

    @Test
    void shouldSayThatAWindowEndingBeforeItStartsIsTheWrongWayRound() {
        Response refused = change(Map.of("windowStart", "20:00", "windowEnd", "07:00"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.reason()).isEqualTo("DISCUSSION_WINDOW_REVERSED");
        assertThat(messages(refused).get("en")).contains("opens at 20:00", "closes at 07:00");
        assertThat(messages(refused).get("fr")).contains("ouvre à 20:00", "ferme à 07:00");
        assertThat(get("/api/v1/discussions/settings", "principal").json()).containsEntry("windowStart", "07:00");
    }

    @Test
    void shouldSayWhichTimeIsNotATime() {
        Response refused = change(Map.of("windowStart", "25:70"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.reason()).isEqualTo("INVALID_TIME_OF_DAY");
        assertThat(messages(refused).get("en")).startsWith("25:70 is not a time of day");
        assertThat(messages(refused).get("fr")).startsWith("25:70 n’est pas une heure");
    }

    @Test
    void shouldRefuseToBarAnUnknownIdOrSomeoneWhoIsNotAStudentNamingThem() {
        Response refused = change(Map.of("initiationBlocked", List.of("e.jade.dubois", "nobody.here", "t.girard")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.reason()).isEqualTo("NOT_STUDENTS");
        assertThat(messages(refused))
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsKeys("en", "fr");
        assertThat(messages(refused).get("en"))
                .contains("nobody.here, t.girard")
                .doesNotContain("e.jade.dubois");
        assertThat(messages(refused).get("fr")).contains("nobody.here, t.girard");
        assertThat(get("/api/v1/discussions/settings", "principal").json().get("initiationBlocked"))
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .doesNotContain("e.jade.dubois", "nobody.here", "t.girard");

        Response student = change(Map.of("initiationBlocked", List.of("e.jade.dubois")));
        assertThat(student.status()).isEqualTo(200);
        assertThat(student.json().get("initiationBlocked"))
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactly("e.jade.dubois");
    }

    @Test
    void shouldAuditWhatChangedAndFindItByPersonActionAndDate() {
        assertThat(change(Map.of(
                                "windowStart",
                                "08:00",
                                "windowEnd",
                                "18:00",
                                "initiationBlocked",
                                List.of("e.jade.dubois")))
                        .status())
                .isEqualTo(200);
        String tuesday = "from=2026-11-24&to=2026-11-24";

        List<Map<String, Object>> found = get(
                        "/api/v1/audit?actor=principal&action=DISCUSSION_SETTINGS_CHANGED&" + tuesday, "principal")
                .jsonList();
        assertThat(found).isNotEmpty().allSatisfy(e -> {
            assertThat(e.get("action")).isEqualTo("DISCUSSION_SETTINGS_CHANGED");
            assertThat(e.get("actor")).isEqualTo("principal");
            assertThat(e.get("actorName")).isEqualTo("Claire Fontaine");
        });
        assertThat(found.get(found.size() - 1).get("detail"))
                .isEqualTo("window=08:00-18:00; initiationBlocked=e.jade.dubois");
        assertThat(get("/api/v1/audit?action=DISCUSSION_SETTINGS_CHANGED&from=2026-11-25", "principal")
                        .jsonList())
                .isEmpty();
        assertThat(get("/api/v1/audit?actor=t.girard&action=DISCUSSION_SETTINGS_CHANGED", "principal")
                        .jsonList())
                .isEmpty();
        Response badAction = get("/api/v1/audit?action=NO_SUCH_THING", "principal");
        assertThat(badAction.status()).isEqualTo(400);
        assertThat(badAction.reason()).isEqualTo("INVALID_PARAMETER");
        assertThat(get("/api/v1/audit?action=DISCUSSION_SETTINGS_CHANGED", "t.girard")
                        .status())
                .isEqualTo(403);
    }
}
