package org.locker.service.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.Response;

/**
 * Delegates' broadcasts to the guardians of their class. r.sophie.martin is the delegate of 6A; r.nathalie.bernard
 * and r.isabelle.dubois have children in 6A; r.nathalie.bernard turned guardian messaging on, r.isabelle.dubois not
 * (until she turns it on while a survey is open).
 */
class BroadcastsIT extends DiscussionTest {

    private static final String DELEGATE = "r.sophie.martin";
    private static final String GUARDIAN = "r.nathalie.bernard";
    private static final String SILENT = "r.isabelle.dubois";

    @BeforeEach
    void guardianMessagingOn() {
        settings(Map.of("guardianMessagingEnabled", true));
        preferences(DELEGATE, Map.of("guardianMessaging", true));
        preferences(GUARDIAN, Map.of("guardianMessaging", true));
    }

    @AfterEach
    void guardianMessagingOff() {
        preferences(DELEGATE, Map.of("guardianMessaging", false));
        preferences(GUARDIAN, Map.of("guardianMessaging", false));
    }

    @Test
    void shouldBroadcastAnInformationWithReadConfirmations() {
        Response sent = post(
                "/api/v1/broadcasts",
                DELEGATE,
                Map.of("kind", "INFORMATION", "classCode", "6A", "text", "Réunion <i>jeudi</i> à 18h"));
        assertThat(sent.status()).isEqualTo(201);
        String id = (String) sent.json().get("id");
        assertThat(sent.json()).containsEntry("audience", 1).containsEntry("text", "Réunion <i>jeudi</i> à 18h");

        assertThat(get("/api/v1/broadcasts", GUARDIAN).jsonList())
                .extracting(b -> b.get("id"))
                .contains(id);
        assertThat(get("/api/v1/broadcasts/" + id, SILENT).reason()).isEqualTo("UNKNOWN_BROADCAST");
        assertThat(get("/api/v1/broadcasts/" + id, DELEGATE).json().get("confirmedBy"))
                .isEqualTo(List.of());

        Response confirmed = post("/api/v1/broadcasts/" + id + "/confirmation", GUARDIAN, null);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.json()).containsEntry("confirmedByMe", true).containsEntry("confirmedBy", List.of());
        assertThat(post("/api/v1/broadcasts/" + id + "/confirmation", GUARDIAN, null)
                        .status())
                .isEqualTo(200);
        assertThat(get("/api/v1/broadcasts/" + id, DELEGATE).json().get("confirmedBy"))
                .isEqualTo(List.of(GUARDIAN));
    }

    @Test
    void shouldRefuseBroadcastsFromNonDelegatesAndWhenMessagingIsOff() {
        Map<String, Object> information = Map.of("kind", "INFORMATION", "classCode", "6A", "text", "Bonjour");
        assertThat(post("/api/v1/broadcasts", GUARDIAN, information).reason()).isEqualTo("NOT_A_DELEGATE");
        assertThat(post(
                                "/api/v1/broadcasts",
                                DELEGATE,
                                Map.of("kind", "INFORMATION", "classCode", "4C", "text", "Bonjour"))
                        .reason())
                .isEqualTo("UNKNOWN_CLASS");
        settings(Map.of("guardianMessagingEnabled", false));
        assertThat(post("/api/v1/broadcasts", DELEGATE, information).reason()).isEqualTo("GUARDIAN_MESSAGING_DISABLED");
    }

    @Test
    void shouldTakeOneAnswerPerGuardianAndShowTheResultsToTheDelegate() {
        assertThat(post(
                                "/api/v1/broadcasts",
                                DELEGATE,
                                Map.of(
                                        "kind",
                                        "SURVEY",
                                        "classCode",
                                        "6A",
                                        "text",
                                        "Kermesse ?",
                                        "options",
                                        List.of("Oui")))
                        .reason())
                .isEqualTo("INVALID_SURVEY");
        assertThat(post(
                                "/api/v1/broadcasts",
                                DELEGATE,
                                Map.of(
                                        "kind",
                                        "SURVEY",
                                        "classCode",
                                        "6A",
                                        "text",
                                        "Kermesse ?",
                                        "options",
                                        List.of("Oui", "Oui")))
                        .reason())
                .isEqualTo("INVALID_SURVEY");
        Response sent = post(
                "/api/v1/broadcasts",
                DELEGATE,
                Map.of(
                        "kind",
                        "SURVEY",
                        "classCode",
                        "6A",
                        "text",
                        "Kermesse samedi ?",
                        "options",
                        List.of("Oui", "Non", "Peut-être")));
        assertThat(sent.status()).isEqualTo(201);
        String id = (String) sent.json().get("id");

        Response unknown = post("/api/v1/broadcasts/" + id + "/answer", GUARDIAN, Map.of("option", 3));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.reason()).isEqualTo("UNKNOWN_OPTION");
        Response answered = post("/api/v1/broadcasts/" + id + "/answer", GUARDIAN, Map.of("option", 0));
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.json()).containsEntry("myAnswer", 0).containsEntry("results", List.of());
        Response twice = post("/api/v1/broadcasts/" + id + "/answer", GUARDIAN, Map.of("option", 1));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.reason()).isEqualTo("SURVEY_ALREADY_ANSWERED");
        assertThat(post("/api/v1/broadcasts/" + id + "/answer", SILENT, Map.of("option", 1))
                        .status())
                .isEqualTo(404);

        Map<String, Object> results = get("/api/v1/broadcasts/" + id, DELEGATE).json();
        assertThat(results).containsEntry("results", List.of(1, 0, 0)).containsEntry("answers", 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldCountTheAudienceBeforeSendingAndRefuseToSendToNobody() {
        preferences(GUARDIAN, Map.of("guardianMessaging", false));
        Response nobody = get("/api/v1/broadcasts/audience?class=6A", DELEGATE);
        assertThat(nobody.status()).isEqualTo(200);
        assertThat(nobody.json()).containsEntry("classCode", "6A").containsEntry("count", 0);

        Response refused = post(
                "/api/v1/broadcasts",
                DELEGATE,
                Map.of("kind", "INFORMATION", "classCode", "6A", "text", "Personne ne lira ceci"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.reason()).isEqualTo("NO_AUDIENCE");
        Map<String, String> messages = (Map<String, String>) refused.json().get("messages");
        assertThat(messages.get("en")).contains("No guardian of 6A");
        assertThat(messages.get("fr")).contains("Aucun responsable de la classe 6A");
        assertThat(get("/api/v1/broadcasts", DELEGATE).jsonList())
                .as("nothing stored")
                .extracting(b -> b.get("text"))
                .doesNotContain("Personne ne lira ceci");

        preferences(GUARDIAN, Map.of("guardianMessaging", true));
        assertThat(get("/api/v1/broadcasts/audience?class=6A", DELEGATE).json()).containsEntry("count", 1);
        assertThat(get("/api/v1/broadcasts/audience?class=6A", GUARDIAN).reason())
                .isEqualTo("NOT_A_DELEGATE");
        assertThat(get("/api/v1/broadcasts/audience?class=4C", DELEGATE).status())
                .isEqualTo(404);
    }

    @Test
    void shouldReachAGuardianWhoTurnsOnGuardianMessagingWhileTheSurveyIsOpen() {
        Response sent = post(
                "/api/v1/broadcasts",
                DELEGATE,
                Map.of(
                        "kind",
                        "SURVEY",
                        "classCode",
                        "6A",
                        "text",
                        "Sortie au parc ?",
                        "options",
                        List.of("Oui", "Non")));
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.json()).containsEntry("audience", 1);
        String id = (String) sent.json().get("id");
        assertThat(get("/api/v1/broadcasts", SILENT).jsonList())
                .extracting(b -> b.get("id"))
                .doesNotContain(id);

        preferences(SILENT, Map.of("guardianMessaging", true));
        try {
            assertThat(get("/api/v1/broadcasts", SILENT).jsonList())
                    .extracting(b -> b.get("id"))
                    .contains(id);
            Response answered = post("/api/v1/broadcasts/" + id + "/answer", SILENT, Map.of("option", 1));
            assertThat(answered.status()).isEqualTo(200);
            assertThat(answered.json()).containsEntry("myAnswer", 1);
            assertThat(get("/api/v1/broadcasts/" + id, DELEGATE).json())
                    .containsEntry("audience", 2)
                    .containsEntry("results", List.of(0, 1));
        } finally {
            preferences(SILENT, Map.of("guardianMessaging", false));
        }
    }
}
