package org.locker.service.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locker.core.discussion.DiscussionModel;
import org.locker.core.discussion.Discussions;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NodeQuery;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;
import org.locker.service.support.ApiClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

class DiscussionsIT extends DiscussionTest {

    @Autowired
    ContentPlatform platform;

    @Test
    void shouldLetATeacherAndAGuardianDiscussWithUnreadCounts() {
        String markup = "<b>Bonjour</b> & <script>alert('x')</script>";
        String id = startOk("t.girard", markup, "r.nathalie.bernard");
        clock.advance(Duration.ofMinutes(1));

        assertThat(unread("r.nathalie.bernard", id)).isEqualTo(1);
        assertThat(unread("t.girard", id)).isZero();
        Map<String, Object> page =
                get("/api/v1/discussions/" + id, "r.nathalie.bernard").json();
        List<Map<String, Object>> messages = messages(page);
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.get("text")).isEqualTo(markup);
            assertThat(m.get("author")).isEqualTo("t.girard");
        });

        assertThat(postMessage("r.nathalie.bernard", id, "Merci, à demain").status())
                .isEqualTo(201);
        assertThat(unread("t.girard", id)).isEqualTo(1);
        assertThat(unread("r.nathalie.bernard", id)).isZero();
        assertThat(postMessage("t.girard", id, "Parfait").status()).isEqualTo(201);
        assertThat(unread("r.nathalie.bernard", id)).isEqualTo(1);

        Response read = post("/api/v1/discussions/" + id + "/read", "r.nathalie.bernard", null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(unread("r.nathalie.bernard", id)).isZero();

        // paging, oldest first
        Map<String, Object> second = get("/api/v1/discussions/" + id + "?offset=1&limit=1", "t.girard")
                .json();
        assertThat(messages(second)).extracting(m -> m.get("text")).containsExactly("Merci, à demain");
        assertThat(messages(get("/api/v1/discussions/" + id, "t.girard").json()))
                .hasSize(3);

        // newest activity first
        clock.advance(Duration.ofMinutes(1));
        String newer = startOk("t.girard", "Autre sujet", "r.nicolas.bernard");
        List<Object> order = get("/api/v1/discussions", "t.girard").jsonList().stream()
                .map(d -> d.get("id"))
                .filter(d -> d.equals(id) || d.equals(newer))
                .toList();
        assertThat(order).containsExactly(newer, id);
    }

    @Test
    void shouldRefuseAStudentWritingToAStudentInBothLanguages() {
        Response refused = start("e.emma.martin", "Salut", "e.gabriel.bernard");

        assertThat(refused.status()).isEqualTo(403);
        // to a student, who may not know who exists, as for an unknown id (ContactExistenceIT)
        assertThat(refused.reason()).isEqualTo("NOT_A_CONTACT");
        assertThat(refused.json().get("messages"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKeys("en", "fr");
    }

    @Test
    void shouldBarAStudentFromStartingButLetThemAnswerATeacher() {
        settings(Map.of("initiationBlocked", List.of("e.jade.dubois")));

        assertThat(start("e.jade.dubois", "Bonjour", "t.rey").reason()).isEqualTo("INITIATION_BLOCKED");
        String id = startOk("t.rey", "As-tu ton cahier ?", "e.jade.dubois");
        assertThat(postMessage("e.jade.dubois", id, "Oui monsieur").status()).isEqualTo(201);
        assertThat(get("/api/v1/discussions/contacts", "e.jade.dubois").jsonList())
                .isEmpty();
    }

    @Test
    void shouldApplyATeachersContactPreferences() {
        preferences("t.lemoine", Map.of("acceptedContacts", List.of("STUDENTS", "STAFF", "TEACHERS")));
        try {
            assertThat(get("/api/v1/me/preferences", "t.lemoine").json().get("acceptedContacts"))
                    .isEqualTo(List.of("STAFF", "STUDENTS", "TEACHERS"));
            // not a contact of hers any more: the answer a guardian gets for an unknown id (ContactExistenceIT)
            assertThat(start("r.isabelle.dubois", "Bonjour", "t.lemoine").reason())
                    .isEqualTo("NOT_A_CONTACT");
            assertThat(contactIds("r.isabelle.dubois"))
                    .doesNotContain("t.lemoine")
                    .contains("t.rey");
            assertThat(start("e.jade.dubois", "Bonjour madame", "t.lemoine").status())
                    .isEqualTo(201);
            assertThat(start("t.lemoine", "Bonjour", "r.isabelle.dubois").status())
                    .isEqualTo(201);
        } finally {
            preferences("t.lemoine", Map.of("acceptedContacts", List.of("GUARDIANS", "STAFF", "STUDENTS", "TEACHERS")));
        }
    }

    @Test
    void shouldRefuseOutsideHoursWithTheNextOpening() {
        String id = startOk("t.girard", "Avant le soir", "r.isabelle.dubois");
        clock.set(ZonedDateTime.of(2026, 11, 24, 20, 0, 0, 0, PARIS).toInstant());

        Response refused = start("t.girard", "Trop tard", "r.olivier.dubois");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.reason()).isEqualTo("OUTSIDE_HOURS");
        assertThat(refused.json().get("nextOpening")).isEqualTo("2026-11-25T07:00+01:00");
        assertThat(postMessage("r.isabelle.dubois", id, "Réponse").reason()).isEqualTo("OUTSIDE_HOURS");
        assertThat(get("/api/v1/discussions/" + id, "r.isabelle.dubois").status())
                .isEqualTo(200);

        clock.set(ZonedDateTime.of(2026, 11, 25, 7, 0, 0, 0, PARIS).toInstant());
        assertThat(postMessage("r.isabelle.dubois", id, "Réponse").status()).isEqualTo(201);
    }

    @Test
    void shouldRefuseEverythingWhenDiscussionsAreDisabled() {
        String id = startOk("t.girard", "Avant", "r.olivier.dubois");
        settings(Map.of("enabled", false));

        assertThat(get("/api/v1/discussions", "t.girard").reason()).isEqualTo("DISCUSSIONS_DISABLED");
        assertThat(start("t.girard", "Bonjour", "r.olivier.dubois").reason()).isEqualTo("DISCUSSIONS_DISABLED");
        assertThat(postMessage("r.olivier.dubois", id, "Réponse").reason()).isEqualTo("DISCUSSIONS_DISABLED");
        assertThat(get("/api/v1/discussions/contacts", "t.girard").jsonList()).isEmpty();
    }

    @Test
    void shouldHideDiscussionsFromADisabledProfile() {
        settings(Map.of("disabledProfiles", List.of("student")));

        assertThat(get("/api/v1/discussions", "e.emma.martin").reason()).isEqualTo("PROFILE_DISABLED");
        assertThat(start("t.girard", "Bonjour", "e.emma.martin").reason()).isEqualTo("PROFILE_DISABLED");
        assertThat(contactIds("t.girard")).noneMatch(c -> c.startsWith("e."));
    }

    @Test
    void shouldApplyTheGuardianMessagingRules() {
        // r.sophie.martin is a delegate of 6A; r.nathalie.bernard and r.isabelle.dubois have children in 6A. While
        // the delegate is not her contact, a guardian gets the answer she would get for an unknown id.
        assertThat(start("r.nathalie.bernard", "Bonjour", "r.sophie.martin").reason())
                .isEqualTo("NOT_A_CONTACT");
        assertThat(contactIds("r.nathalie.bernard")).doesNotContain("r.sophie.martin");
        settings(Map.of("guardianMessagingEnabled", true));
        try {
            assertThat(start("r.nathalie.bernard", "Bonjour", "r.sophie.martin").reason())
                    .isEqualTo("NOT_A_CONTACT");
            preferences("r.nathalie.bernard", Map.of("guardianMessaging", true));
            assertThat(start("r.nathalie.bernard", "Bonjour", "r.sophie.martin").reason())
                    .isEqualTo("NOT_A_CONTACT");
            preferences("r.sophie.martin", Map.of("guardianMessaging", true));
            assertThat(get("/api/v1/me/preferences", "r.sophie.martin").json())
                    .containsEntry("guardianMessaging", true)
                    .containsEntry("acceptedContacts", null);
            assertThat(contactIds("r.nathalie.bernard")).contains("r.sophie.martin");

            String id = startOk("r.nathalie.bernard", "Sortie scolaire ?", "r.sophie.martin");
            assertThat(postMessage("r.sophie.martin", id, "Jeudi").status()).isEqualTo(201);
            assertThat(startOk("r.sophie.martin", "Bienvenue", "r.nathalie.bernard"))
                    .isNotBlank();

            preferences("r.isabelle.dubois", Map.of("guardianMessaging", true));
            assertThat(start("r.nathalie.bernard", "Bonjour", "r.isabelle.dubois")
                            .reason())
                    .isEqualTo("NOT_A_CONTACT");
        } finally {
            for (String guardian : List.of("r.nathalie.bernard", "r.sophie.martin", "r.isabelle.dubois")) {
                preferences(guardian, Map.of("guardianMessaging", false));
            }
        }
    }

    @Test
    void shouldLetStudentsTalkOnlyWhileTheInvitingTeacherIsPresent() {
        String id = startOk("t.girard", "Projet en binôme", "e.louise.robert");
        assertThat(post(
                                "/api/v1/discussions/" + id + "/participants",
                                "e.louise.robert",
                                Map.of("participant", "e.leo.thomas"))
                        .reason())
                .isEqualTo("NOT_ALLOWED_TO_INVITE");
        Response invited =
                post("/api/v1/discussions/" + id + "/participants", "t.girard", Map.of("participant", "e.leo.thomas"));
        assertThat(invited.status()).isEqualTo(200);
        assertThat(invited.json().get("participants"))
                .isEqualTo(List.of("t.girard", "e.louise.robert", "e.leo.thomas"));
        assertThat(post(
                                "/api/v1/discussions/" + id + "/participants",
                                "t.girard",
                                Map.of("participant", "e.leo.thomas"))
                        .reason())
                .isEqualTo("ALREADY_PARTICIPANT");

        assertThat(postMessage("e.leo.thomas", id, "Salut Louise").status()).isEqualTo(201);
        assertThat(postMessage("e.louise.robert", id, "Salut Léo").status()).isEqualTo(201);

        assertThat(delete("/api/v1/discussions/" + id + "/participants/me", "t.girard")
                        .status())
                .isEqualTo(204);
        assertThat(summary("t.girard", id)).isNull();
        assertThat(get("/api/v1/discussions/" + id, "t.girard").status()).isEqualTo(404);
        Response refused = postMessage("e.louise.robert", id, "Tu es là ?");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.reason()).isEqualTo("NOT_INVITED");
        assertThat(messages(get("/api/v1/discussions/" + id, "e.leo.thomas").json()))
                .hasSize(3);
    }

    @Test
    void shouldLetOnlyParticipantsReadADiscussionOnThePlatform() {
        String id = startOk("t.girard", "Confidentiel", "r.celine.robert");

        try (PlatformSession outsider = platform.sessionAs(UserId.of("t.rey"))) {
            assertThat(outsider.findNode(NodeId.of(id))).isEmpty();
            assertThat(outsider.query(NodeQuery.ofType(Discussions.DISCUSSION).build()))
                    .noneMatch(n -> n.id().value().equals(id));
            assertThat(outsider.query(NodeQuery.ofType(Discussions.MESSAGE).build()))
                    .noneMatch(n -> n.string(DiscussionModel.TEXT).orElse("").equals("Confidentiel"));
        }
        try (PlatformSession participant = platform.sessionAs(UserId.of("r.celine.robert"))) {
            assertThat(participant.findNode(NodeId.of(id))).isPresent();
            assertThat(participant.children(NodeId.of(id)))
                    .extracting(n -> n.string(DiscussionModel.TEXT).orElse(""))
                    .containsExactly("Confidentiel");
        }
        assertThat(get("/api/v1/discussions/" + id, "t.rey").reason()).isEqualTo("UNKNOWN_DISCUSSION");
        assertThat(postMessage("t.rey", id, "Intrus").status()).isEqualTo(404);
    }

    @Test
    void shouldRejectBadInputAndStoreNothing() {
        int before = get("/api/v1/discussions", "t.marchand").jsonList().size();

        assertThat(start("t.marchand", "", "r.julie.moreau").reason()).isEqualTo("EMPTY_MESSAGE");
        assertThat(start("t.marchand", "   \n ", "r.julie.moreau").reason()).isEqualTo("EMPTY_MESSAGE");
        assertThat(start("t.marchand", "x".repeat(10_001), "r.julie.moreau").reason())
                .isEqualTo("MESSAGE_TOO_LONG");
        assertThat(start("t.marchand", "Bonjour", "nobody").reason()).isEqualTo("UNKNOWN_PARTICIPANT");
        assertThat(start("t.marchand", "Bonjour", "NOT VALID").reason()).isEqualTo("UNKNOWN_PARTICIPANT");
        assertThat(start("t.marchand", "Bonjour", "r.julie.moreau", "r.julie.moreau")
                        .reason())
                .isEqualTo("DUPLICATE_PARTICIPANT");
        assertThat(start("t.marchand", "Bonjour", "t.marchand").reason()).isEqualTo("SELF_ONLY");
        Response none = start("t.marchand", "Bonjour");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.reason()).isEqualTo("NO_PARTICIPANT");
        assertThat(get("/api/v1/discussions", "t.marchand").jsonList()).hasSize(before);

        String id = startOk("t.marchand", "Bonjour", "r.julie.moreau");
        assertThat(postMessage("t.marchand", id, "").status()).isEqualTo(400);
        assertThat(postMessage("t.marchand", id, "y".repeat(10_001)).reason()).isEqualTo("MESSAGE_TOO_LONG");
        assertThat(postMessage("t.marchand", id, "y".repeat(10_000)).status()).isEqualTo(201);
        assertThat(messages(get("/api/v1/discussions/" + id, "t.marchand").json()))
                .hasSize(2);
        assertThat(get("/api/v1/discussions/" + id + "?limit=0", "t.marchand").status())
                .isEqualTo(400);
        assertThat(get("/api/v1/discussions/not-a-node", "t.marchand").status()).isEqualTo(404);
    }

    List<String> contactIds(String user) {
        return get("/api/v1/discussions/contacts", user).jsonList().stream()
                .map(c -> (String) c.get("id"))
                .toList();
    }
}
