package org.locker.service.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.Response;

/**
 * Students and guardians, who do not read the directory, learn nothing of who exists from the discussions: an id
 * that names nobody and a person they may not contact get one answer, {@code NOT_A_CONTACT}, body for body; their
 * own refusals (discussions off, not allowed to invite) come whoever they name. The personnel, who read the
 * directory, keep the precise answers.
 */
class ContactExistenceIT extends DiscussionTest {

    private static final String STUDENT = "e.emma.martin";
    /** A 6A guardian who is not a delegate. */
    private static final String GUARDIAN = "r.nathalie.bernard";

    @Test
    void shouldAnswerAStudentAlikeForAnUnknownIdAndAnyoneTheyMayNotContact() {
        preferences("t.lemoine", Map.of("acceptedContacts", List.of("GUARDIANS", "STAFF", "TEACHERS")));
        try {
            Response unknown = start(STUDENT, "Salut", "nobody.here");

            assertThat(unknown.status()).isEqualTo(403);
            assertThat(unknown.reason()).isEqualTo("NOT_A_CONTACT");
            assertThat(unknown.json().get("messages"))
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsKeys("en", "fr");
            for (String existing : List.of("e.gabriel.bernard", GUARDIAN, "t.lemoine", "admin")) {
                Response refused = start(STUDENT, "Salut", existing);
                assertThat(refused.status()).as(existing).isEqualTo(unknown.status());
                assertThat(refused.body()).as(existing).isEqualTo(unknown.body());
            }
            assertThat(start(STUDENT, "Salut", "t.girard", "nobody.here").body())
                    .as("an unknown id among contacts")
                    .isEqualTo(unknown.body());
        } finally {
            preferences("t.lemoine", Map.of("acceptedContacts", List.of("GUARDIANS", "STAFF", "STUDENTS", "TEACHERS")));
        }
    }

    @Test
    void shouldAnswerAGuardianAlikeForAnUnknownIdAndAnyoneTheyMayNotContact() {
        Response unknown = start(GUARDIAN, "Bonjour", "nobody.here");

        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.reason()).isEqualTo("NOT_A_CONTACT");
        // a delegate while guardian messaging is off, a guardian who is not a delegate, a student
        for (String existing : List.of("r.sophie.martin", "r.isabelle.dubois", STUDENT)) {
            assertThat(start(GUARDIAN, "Bonjour", existing).body()).as(existing).isEqualTo(unknown.body());
        }
    }

    @Test
    void shouldKeepPreciseAnswersAboutTheStarterAndTheirContacts() {
        clock.set(ZonedDateTime.of(2026, 11, 24, 20, 0, 0, 0, PARIS).toInstant());
        assertThat(start(STUDENT, "Ce soir", "t.girard").reason())
                .as("a contact, outside hours")
                .isEqualTo("OUTSIDE_HOURS");
        assertThat(start(STUDENT, "Ce soir", "nobody.here").reason()).isEqualTo("NOT_A_CONTACT");

        settings(Map.of("enabled", false));
        for (String recipient : List.of("nobody.here", "e.gabriel.bernard", "t.girard")) {
            Response refused = start(STUDENT, "Salut", recipient);
            assertThat(refused.status()).as(recipient).isEqualTo(403);
            assertThat(refused.reason()).as(recipient).isEqualTo("DISCUSSIONS_DISABLED");
        }
    }

    @Test
    void shouldAnswerAFamilyMemberInvitingAlikeWhoeverTheyName() {
        String id = startOk("t.girard", "Projet", "e.louise.robert");

        Response unknown = post(
                "/api/v1/discussions/" + id + "/participants", "e.louise.robert", Map.of("participant", "nobody.here"));
        Response existing = post(
                "/api/v1/discussions/" + id + "/participants",
                "e.louise.robert",
                Map.of("participant", "e.leo.thomas"));

        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.reason()).isEqualTo("NOT_ALLOWED_TO_INVITE");
        assertThat(existing.body()).isEqualTo(unknown.body());
    }

    @Test
    void shouldTellThePersonnelThatAnIdNamesNobody() {
        Response unknown = start("t.marchand", "Bonjour", "nobody.here");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.reason()).isEqualTo("UNKNOWN_PARTICIPANT");
        String id = startOk("t.marchand", "Bonjour", "r.julie.moreau");
        assertThat(post(
                                "/api/v1/discussions/" + id + "/participants",
                                "t.marchand",
                                Map.of("participant", "nobody.here"))
                        .reason())
                .isEqualTo("UNKNOWN_PARTICIPANT");
    }
}
