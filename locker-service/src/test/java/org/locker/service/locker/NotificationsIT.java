package org.locker.service.locker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locker.core.notification.Notification;
import org.locker.core.notification.NotificationFeed;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.Form;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Notifications over HTTP (issue 15), each recorded by its real cause: a deposit, a version, a reminder, a reply, a
 * broadcast and a survey; a guardian's only once their window opens, with the child it concerns; read when the item
 * is opened, or all at once; nobody reads another's.
 */
class NotificationsIT extends LockerTestBase {

    private static final String GUARDIAN = "r.sophie.martin";
    /** Tuesday 24 November 2026, 10:00 in Paris: inside the discussion hours. */
    private static final Instant TUESDAY_TEN = ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, ZoneId.of("Europe/Paris"))
            .toInstant();

    @Autowired
    NotificationFeed feed;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> notifications(String user) {
        Response response = api().get("/api/v1/notifications?limit=200", user);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return (List<Map<String, Object>>) response.json().get("entries");
    }

    private List<Map<String, Object>> about(String user, String link) {
        return notifications(user).stream()
                .filter(n -> link.equals(n.get("link")))
                .toList();
    }

    private int unread(String user) {
        return ((Number) api().get("/api/v1/notifications/unread", user).json().get("unread")).intValue();
    }

    private Response post(String path, String user, String json) {
        return api().post(path, user, "application/json", json == null ? "" : json);
    }

    @Test
    void aDepositShouldNotifyItsRecipientAndOpeningItShouldReadIt() {
        int before = unread("p.perret");
        String id = depositPdf("t.girard", "agenda.pdf", "user:p.perret");

        assertThat(about("p.perret", "#/locker/" + id)).singleElement().satisfies(n -> {
            assertThat(n)
                    .containsEntry("kind", "DOCUMENT")
                    .containsEntry("title", "agenda.pdf")
                    .containsEntry("actor", "Paul Girard")
                    .containsEntry("read", false)
                    .containsEntry("children", List.of());
        });
        assertThat(unread("p.perret")).isEqualTo(before + 1);
        assertThat(about("t.girard", "#/locker/" + id)).as("not the depositor").isEmpty();

        assertThat(download("p.perret", id).status()).isEqualTo(200);

        assertThat(about("p.perret", "#/locker/" + id).get(0)).containsEntry("read", true);
        assertThat(unread("p.perret")).isEqualTo(before);
    }

    @Test
    void aGuardianShouldBeNotifiedOnceTheWindowOpensWithTheChildItConcerns() {
        Instant now = clock.instant();
        String id = DepositIT.id(deposit(
                "t.girard",
                new Form()
                        .pdfFile("outing.pdf", "outing")
                        .field("documentType", "FORM")
                        .field("recipients", "guardians:6A")
                        .field("publishFrom", now.plus(Duration.ofDays(1)).toString())
                        .field("publishTo", now.plus(Duration.ofDays(3)).toString())));
        assertThat(about(GUARDIAN, "#/locker/" + id)).as("before the window").isEmpty();

        clock.advance(Duration.ofDays(1).plusHours(1));
        assertThat(post("/api/v1/lockers/windows/reconcile", "principal", null).status())
                .isEqualTo(200);

        assertThat(about(GUARDIAN, "#/locker/" + id)).singleElement().satisfies(n -> {
            assertThat(n).containsEntry("kind", "DOCUMENT").containsEntry("read", false);
            assertThat(n.get("children"))
                    .isEqualTo(List.of(Map.of("displayName", "Emma Martin", "classes", List.of("6A"))));
        });
        assertThat(about("r.nathalie.bernard", "#/locker/" + id))
                .as("another family of 6A")
                .hasSize(1);

        assertThat(post("/api/v1/notifications/read", GUARDIAN, null).status()).isEqualTo(204);
        assertThat(unread(GUARDIAN)).isZero();
        assertThat(about(GUARDIAN, "#/locker/" + id).get(0)).containsEntry("read", true);
    }

    @Test
    void versionsShouldNotifyTheOthersAndGuardiansOnlyWhatIsPublishedToThem() {
        Instant now = clock.instant();
        String id = DepositIT.id(deposit(
                "t.girard", CoRecipientVersionIT.modifiableToAColleagueAndGuardians("grades.pdf", "first", now)));
        String link = "#/locker/" + id;

        assertThat(send(
                                "POST",
                                "/api/v1/lockers/documents/" + id + "/versions",
                                "t.rey",
                                new Form().pdfFile("grades.pdf", "draft"))
                        .status())
                .isEqualTo(201);
        assertThat(about("t.girard", link)).extracting(n -> n.get("kind")).containsExactly("VERSION");
        assertThat(about(GUARDIAN, link))
                .as("a co-recipient's version is not the guardians'")
                .extracting(n -> n.get("kind"))
                .containsExactly("DOCUMENT");

        assertThat(send(
                                "POST",
                                "/api/v1/lockers/documents/" + id + "/versions",
                                "t.girard",
                                new Form().pdfFile("grades.pdf", "final"))
                        .status())
                .isEqualTo(201);
        assertThat(about(GUARDIAN, link)).extracting(n -> n.get("kind")).containsExactly("VERSION", "DOCUMENT");
        assertThat(about("t.rey", link)).extracting(n -> n.get("kind")).containsExactly("VERSION", "DOCUMENT");
    }

    @Test
    void aReminderShouldNotifyThoseWhoHaveNotOpenedIt() {
        String id = depositPdf("t.girard", "form.pdf", "user:p.perret", "user:p.benali");
        download("p.benali", id);
        assertThat(post("/api/v1/lockers/distributions/" + id + "/reminders", "t.girard", null)
                        .status())
                .isEqualTo(200);

        assertThat(about("p.perret", "#/locker/" + id))
                .extracting(n -> n.get("kind"))
                .containsExactly("REMINDER", "DOCUMENT");
        assertThat(about("p.benali", "#/locker/" + id))
                .extracting(n -> n.get("kind"))
                .containsExactly("DOCUMENT");
    }

    @Test
    void aReplyShouldNotifyTheOtherParticipantsAndReadingTheThreadShouldReadIt() {
        clock.set(TUESDAY_TEN);
        Response started = post(
                "/api/v1/discussions",
                "t.girard",
                "{\"subject\":\"Sortie\",\"participants\":[\"r.nathalie.bernard\"],\"text\":\"Bonjour\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String id = String.valueOf(started.json().get("id"));
        clock.advance(Duration.ofMinutes(1));
        assertThat(post("/api/v1/discussions/" + id + "/messages", "r.nathalie.bernard", "{\"text\":\"Merci\"}")
                        .status())
                .isEqualTo(201);

        String link = "#/discussions/" + id;
        assertThat(about("t.girard", link))
                .singleElement()
                .satisfies(n -> assertThat(n)
                        .containsEntry("kind", "REPLY")
                        .containsEntry("title", "Sortie")
                        .containsEntry("actor", "Nathalie Bernard")
                        .containsEntry("read", false));
        assertThat(about("r.nathalie.bernard", link)).as("not its author").isEmpty();

        assertThat(post("/api/v1/discussions/" + id + "/read", "t.girard", null).status())
                .isEqualTo(200);
        assertThat(about("t.girard", link).get(0)).containsEntry("read", true);
    }

    @Test
    void aBroadcastAndASurveyShouldNotifyTheGuardiansTheyReach() {
        clock.set(TUESDAY_TEN);
        String saved = api().get("/api/v1/discussions/settings", "principal").body();
        Map<String, Object> settings = new java.util.LinkedHashMap<>(
                api().get("/api/v1/discussions/settings", "principal").json());
        settings.put("guardianMessagingEnabled", true);
        putJson(
                "/api/v1/discussions/settings",
                "principal",
                tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(settings));
        putJson("/api/v1/me/preferences", GUARDIAN, "{\"guardianMessaging\":true}");
        putJson("/api/v1/me/preferences", "r.nathalie.bernard", "{\"guardianMessaging\":true}");
        try {
            Response information = post(
                    "/api/v1/broadcasts",
                    GUARDIAN,
                    "{\"kind\":\"INFORMATION\",\"classCode\":\"6A\",\"text\":\"Réunion jeudi\"}");
            assertThat(information.status()).as(information.body()).isEqualTo(201);
            Response survey = post(
                    "/api/v1/broadcasts",
                    GUARDIAN,
                    "{\"kind\":\"SURVEY\",\"classCode\":\"6A\",\"text\":\"Kermesse ?\",\"options\":[\"Oui\",\"Non\"]}");
            assertThat(survey.status()).as(survey.body()).isEqualTo(201);

            List<Map<String, Object>> received = about("r.nathalie.bernard", "#/broadcasts");
            assertThat(received).extracting(n -> n.get("kind")).containsExactly("SURVEY", "BROADCAST");
            assertThat(received.get(0))
                    .containsEntry("actor", "Sophie Martin")
                    .containsEntry(
                            "children", List.of(Map.of("displayName", "Gabriel Bernard", "classes", List.of("6A"))));
            assertThat(received.toString()).as("titles only, never the text").doesNotContain("Réunion", "Kermesse");
            assertThat(about(GUARDIAN, "#/broadcasts")).as("not its delegate").isEmpty();
        } finally {
            putJson("/api/v1/me/preferences", GUARDIAN, "{\"guardianMessaging\":false}");
            putJson("/api/v1/me/preferences", "r.nathalie.bernard", "{\"guardianMessaging\":false}");
            putJson("/api/v1/discussions/settings", "principal", saved);
        }
    }

    @Test
    void nobodyShouldReadOrMarkAnothersNotification() {
        String id = depositPdf("t.girard", "private.pdf", "user:p.perret");
        String notification =
                (String) about("p.perret", "#/locker/" + id).get(0).get("id");

        Response other = post("/api/v1/notifications/" + notification + "/read", "p.benali", null);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.reason()).isEqualTo("UNKNOWN_NOTIFICATION");
        assertThat(post("/api/v1/notifications/nonsense/read", "p.benali", null).status())
                .isEqualTo(404);
        assertThat(about("p.benali", "#/locker/" + id)).isEmpty();

        assertThat(post("/api/v1/notifications/" + notification + "/read", "p.perret", null)
                        .status())
                .isEqualTo(204);
        assertThat(about("p.perret", "#/locker/" + id).get(0)).containsEntry("read", true);

        assertThat(api().get("/api/v1/notifications?cursor=nonsense", "p.perret")
                        .reason())
                .isEqualTo("INVALID_CURSOR");
        assertThat(api().get("/api/v1/notifications?limit=0", "p.perret").reason())
                .isEqualTo("INVALID_PAGE_SIZE");
    }

    @Test
    void pagesShouldFollowEachOtherNewestFirst() {
        for (int i = 0; i < 3; i++) {
            depositPdf("t.girard", "paged-" + i + ".pdf", "user:c.barbier");
        }
        List<Object> whole =
                notifications("c.barbier").stream().map(n -> n.get("id")).toList();
        List<Object> paged = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = api().get(
                            "/api/v1/notifications?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), "c.barbier")
                    .json();
            ((List<Map<String, Object>>) page.get("entries")).forEach(n -> paged.add(n.get("id")));
            cursor = (String) page.get("next");
        } while (cursor != null);
        assertThat(paged).isEqualTo(whole);
    }

    /**
     * Durability: a deposit acknowledged 201 has its notification stored (the same save: there is no later step to
     * miss), and a refused deposit stores none.
     */
    @Test
    void anAcknowledgedDepositShouldHaveItsNotificationStoredAndARefusedOneNone() {
        int recorded = feed.recordedAfter(Optional.empty(), 100_000).size();
        Response refused = deposit(
                "t.girard",
                new Form()
                        .pdfFile("bad.pdf", "bad")
                        .field("documentType", "NO_SUCH_TYPE")
                        .field("recipients", "user:p.masson"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(feed.recordedAfter(Optional.empty(), 100_000)).hasSize(recorded);

        String id = depositPdf("t.girard", "acknowledged.pdf", "user:p.masson");
        List<Notification> after = feed.recordedAfter(Optional.empty(), 100_000);
        assertThat(after).hasSize(recorded + 1);
        // other tests of this context may have recorded notifications dated after this one (they move the clock)
        assertThat(after)
                .filteredOn(n -> n.link().equals("#/locker/" + id))
                .singleElement()
                .satisfies(n -> assertThat(n.users()).extracting(u -> u.value()).containsExactly("p.masson"));
    }
}
