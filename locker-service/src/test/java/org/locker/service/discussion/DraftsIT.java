package org.locker.service.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.Response;

/** Messages written outside hours are kept on the platform for their author alone and sent at opening, over HTTP. */
class DraftsIT extends DiscussionTest {

    static final java.time.Instant TUESDAY_NINE_PM =
            ZonedDateTime.of(2026, 11, 24, 21, 0, 0, 0, PARIS).toInstant();
    static final java.time.Instant WEDNESDAY_SEVEN =
            ZonedDateTime.of(2026, 11, 25, 7, 0, 0, 0, PARIS).toInstant();

    @Test
    void shouldKeepAReplyWrittenAfterHoursForItsAuthorAndSendItAtOpening() {
        String id = startOk("t.girard", "Le carnet de liaison", "r.isabelle.dubois");
        clock.set(TUESDAY_NINE_PM);

        Map<String, Object> opening =
                get("/api/v1/discussions/opening", "r.isabelle.dubois").json();
        assertThat(opening)
                .containsEntry("open", false)
                .containsEntry("reason", "OUTSIDE_HOURS")
                .containsEntry("nextOpening", "2026-11-25T07:00+01:00")
                .containsEntry("zone", "Europe/Paris");
        assertThat(postMessage("r.isabelle.dubois", id, "Signé").reason()).isEqualTo("OUTSIDE_HOURS");

        Response saved =
                put("/api/v1/discussions/" + id + "/draft", "r.isabelle.dubois", Map.of("text", "Signé, merci"));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json()).containsEntry("text", "Signé, merci").containsEntry("discussion", id);

        assertThat(get("/api/v1/discussions/" + id + "/draft", "r.isabelle.dubois")
                        .json())
                .containsEntry("text", "Signé, merci");
        // the other participant does not get it: drafts are their author's alone
        assertThat(get("/api/v1/discussions/" + id + "/draft", "t.girard").status())
                .isEqualTo(204);

        Response tooEarly = post("/api/v1/discussions/" + id + "/draft/send", "r.isabelle.dubois", null);
        assertThat(tooEarly.status()).isEqualTo(403);
        assertThat(tooEarly.reason()).isEqualTo("OUTSIDE_HOURS");
        assertThat(get("/api/v1/discussions/" + id + "/draft", "r.isabelle.dubois")
                        .status())
                .as("kept after the refusal")
                .isEqualTo(200);

        clock.set(WEDNESDAY_SEVEN);
        assertThat(get("/api/v1/discussions/opening", "r.isabelle.dubois").json())
                .containsEntry("open", true)
                .containsEntry("nextOpening", null);
        Response sent = post("/api/v1/discussions/" + id + "/draft/send", "r.isabelle.dubois", null);
        assertThat(sent.status()).isEqualTo(201);
        assertThat(messages(get("/api/v1/discussions/" + id, "t.girard").json()))
                .extracting(m -> m.get("text"))
                .containsExactly("Le carnet de liaison", "Signé, merci");
        assertThat(get("/api/v1/discussions/" + id + "/draft", "r.isabelle.dubois")
                        .status())
                .isEqualTo(204);
        assertThat(post("/api/v1/discussions/" + id + "/draft/send", "r.isabelle.dubois", null)
                        .reason())
                .isEqualTo("NO_DRAFT");
    }

    @Test
    void shouldStartADiscussionDraftedAfterHoursAtOpening() {
        clock.set(TUESDAY_NINE_PM);
        Response saved = put(
                "/api/v1/discussions/drafts/new",
                "t.rey",
                Map.of("subject", "Sortie au musée", "participants", List.of("r.olivier.dubois"), "text", "Jeudi ?"));
        assertThat(saved.status()).isEqualTo(200);

        assertThat(get("/api/v1/discussions/drafts/new", "t.rey").json())
                .containsEntry("subject", "Sortie au musée")
                .containsEntry("participants", List.of("r.olivier.dubois"))
                .containsEntry("text", "Jeudi ?");
        assertThat(get("/api/v1/discussions/drafts/new", "r.olivier.dubois").status())
                .isEqualTo(204);

        clock.set(WEDNESDAY_SEVEN);
        Response started = post("/api/v1/discussions/drafts/new/send", "t.rey", null);
        assertThat(started.status()).isEqualTo(201);
        String id = String.valueOf(started.json().get("id"));
        assertThat(summary("r.olivier.dubois", id)).containsEntry("subject", "Sortie au musée");
        assertThat(get("/api/v1/discussions/drafts/new", "t.rey").status()).isEqualTo(204);
    }

    @Test
    void shouldDiscardADraft() {
        clock.set(TUESDAY_NINE_PM);
        put("/api/v1/discussions/drafts/new", "t.lemoine", Map.of("text", "Peut-être"));

        assertThat(delete("/api/v1/discussions/drafts/new", "t.lemoine").status())
                .isEqualTo(204);

        assertThat(get("/api/v1/discussions/drafts/new", "t.lemoine").status()).isEqualTo(204);
    }

    @Test
    void shouldRefuseBadDraftsWithAReasonInBothLanguages() {
        clock.set(TUESDAY_NINE_PM);
        String notHers = startOkAt("t.girard", "Entre collègues", "t.rey");

        Response tooLong = put("/api/v1/discussions/drafts/new", "e.emma.martin", Map.of("text", "x".repeat(10_001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.reason()).isEqualTo("MESSAGE_TOO_LONG");
        assertThat(tooLong.json().get("messages"))
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsKeys("en", "fr");
        assertThat(put(
                                "/api/v1/discussions/drafts/new",
                                "e.emma.martin",
                                Map.of("participants", List.of("Not An Id"), "text", "Salut"))
                        .reason())
                .isEqualTo("UNKNOWN_PARTICIPANT");
        Response notMine =
                put("/api/v1/discussions/" + notHers + "/draft", "e.emma.martin", Map.of("text", "Je lis ?"));
        assertThat(notMine.status()).isEqualTo(404);
        assertThat(notMine.reason()).isEqualTo("UNKNOWN_DISCUSSION");
        assertThat(put("/api/v1/discussions/drafts/new", "e.emma.martin", "{not json")
                        .status())
                .isEqualTo(400);
        Response nothing = post("/api/v1/discussions/drafts/new/send", "e.emma.martin", null);
        assertThat(nothing.status()).isEqualTo(404);
        assertThat(nothing.reason()).isEqualTo("NO_DRAFT");
        assertThat(get("/api/v1/discussions/drafts/new", "e.emma.martin").status())
                .as("nothing stored")
                .isEqualTo(204);
    }

    /** Starts a discussion at 10:00 the same day, then puts the clock back. */
    private String startOkAt(String user, String text, String participant) {
        java.time.Instant now = clock.instant();
        clock.set(TUESDAY_TEN);
        try {
            return startOk(user, text, participant);
        } finally {
            clock.set(now);
        }
    }
}
