package org.locker.service.locker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.Form;

/**
 * "My distributions" as the depositor's table over HTTP: a page at a time, the two views (personnel, guardians)
 * with their counts, receipts with names and classes filtered by class, the CSV file, and reminders that the
 * recipients see in their locker.
 */
class DistributionsIT extends LockerTestBase {

    private static final String DEPOSITOR = "t.lemoine";
    private static final String GUARDIAN = "r.sophie.martin";

    /** A deposit to a 5B teacher, a 6A staff member and the guardians of 6A, whose window is open. */
    private String depositToPersonnelAndGuardians(String name) {
        Instant now = clock.instant();
        Response response = deposit(
                DEPOSITOR,
                new Form()
                        .pdfFile(name, name)
                        .field("documentType", "FORM")
                        .fields("recipients", List.of("user:t.carpentier", "user:p.perret", "guardians:6A"))
                        .field("publishFrom", now.minus(Duration.ofHours(1)).toString())
                        .field("publishTo", now.plus(Duration.ofDays(7)).toString()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return DepositIT.id(response);
    }

    private Map<String, Object> row(String audience, String id) {
        Response page = api().get("/api/v1/lockers/distributions?audience=" + audience, DEPOSITOR);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.items().stream()
                .filter(d -> id.equals(d.get("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in the " + audience + " view: " + page.body()));
    }

    @Test
    void theTwoViewsShouldCountTheirOwnReceiptsAndReceiptsShouldCarryNamesAndClasses() {
        String id = depositToPersonnelAndGuardians("outing-form.pdf");
        assertThat(download(GUARDIAN, id).status()).isEqualTo(200);

        Map<String, Object> guardians = row("guardians", id);
        assertThat(guardians.get("openedCount")).isEqualTo(1);
        assertThat((Integer) guardians.get("notOpenedCount")).isPositive();
        Map<String, Object> personnel = row("personnel", id);
        assertThat(personnel.get("openedCount")).isEqualTo(0);
        assertThat(personnel.get("notOpenedCount")).isEqualTo(2);

        List<Map<String, Object>> of5B = api().get(
                        "/api/v1/lockers/distributions/" + id + "/receipts?class=5B", DEPOSITOR)
                .jsonList();
        assertThat(of5B).extracting(r -> r.get("name")).containsExactly("Hélène Carpentier");
        assertThat(of5B.get(0).get("classes")).isEqualTo(List.of("5B"));
        assertThat(of5B.get(0).get("profile")).isEqualTo("teacher");

        List<Map<String, Object>> ofGuardians = api().get(
                        "/api/v1/lockers/distributions/" + id + "/receipts?audience=guardians", DEPOSITOR)
                .jsonList();
        Map<String, Object> sophie = ofGuardians.stream()
                .filter(r -> "Sophie Martin".equals(r.get("name")))
                .findFirst()
                .orElseThrow();
        assertThat(sophie.get("classes")).as("her child's class").isEqualTo(List.of("6A"));
        assertThat(sophie.get("opened")).isEqualTo(true);
        assertThat(ofGuardians).allMatch(r -> "guardian".equals(r.get("profile")));

        assertThat(api().get("/api/v1/lockers/distributions/" + id + "/receipts", "t.carpentier")
                        .reason())
                .as("a recipient is not the depositor")
                .isEqualTo("NOT_THE_DEPOSITOR");
    }

    @Test
    void theDepositorShouldRemindThoseWhoHaveNotOpenedItAndTheySeeIt() {
        String id = depositToPersonnelAndGuardians("meeting.pdf");
        String depositId = String.valueOf(row("personnel", id).get("depositId"));

        assertThat(api().post(
                                "/api/v1/lockers/distributions/" + id + "/reminders",
                                "t.carpentier",
                                "application/json",
                                "")
                        .reason())
                .isEqualTo("NOT_THE_DEPOSITOR");
        Response stranger =
                api().post("/api/v1/lockers/distributions/" + id + "/reminders", "t.marchand", "application/json", "");
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(api().get("/api/v1/lockers/reminders", "p.perret").jsonList())
                .as("nothing recorded by refused reminders")
                .noneMatch(r -> depositId.equals(r.get("depositId")));

        Response reminded = api().post(
                        "/api/v1/lockers/distributions/" + id + "/reminders?audience=personnel",
                        DEPOSITOR,
                        "application/json",
                        "");
        assertThat(reminded.status()).as(reminded.body()).isEqualTo(200);
        assertThat(reminded.json().get("reminded")).isEqualTo(2);

        Map<String, Object> reminder = api().get("/api/v1/lockers/reminders", "p.perret").jsonList().stream()
                .filter(r -> depositId.equals(r.get("depositId")))
                .findFirst()
                .orElseThrow();
        assertThat(reminder.get("remindedByName")).isEqualTo("Anne Lemoine");
        assertThat(api().get("/api/v1/lockers/reminders", GUARDIAN).jsonList())
                .as("the personnel view reminds personnel only")
                .noneMatch(r -> depositId.equals(r.get("depositId")));

        Response again = api().post(
                        "/api/v1/lockers/distributions/" + id + "/reminders?audience=personnel",
                        DEPOSITOR,
                        "application/json",
                        "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.reason()).isEqualTo("REMINDED_RECENTLY");
        assertThat(again.json().get("messages")).asString().contains("en=").contains("fr=");

        assertThat(download("p.perret", id).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/lockers/reminders", "p.perret").jsonList())
                .as("opened since")
                .noneMatch(r -> depositId.equals(r.get("depositId")));
    }

    @Test
    void receiptsShouldDownloadAsCsvForExcelWithNamesAndClasses() {
        String id = depositToPersonnelAndGuardians("canteen.pdf");
        assertThat(download(GUARDIAN, id).status()).isEqualTo(200);

        Response csv = api().get("/api/v1/lockers/distributions/" + id + "/receipts.csv?lang=fr", DEPOSITOR);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(csv.body()).startsWith("\uFEFF");
        List<String> lines = csv.body().substring(1).lines().toList();
        assertThat(lines.get(0)).isEqualTo("Nom,Identifiant,Profil,Classes,Ouvert,Ouvert le,Relancé le");
        assertThat(lines)
                .anySatisfy(l -> assertThat(l).startsWith("Sophie Martin,r.sophie.martin,responsable,6A,oui,"));
        assertThat(lines)
                .anySatisfy(l -> assertThat(l).startsWith("Hélène Carpentier,t.carpentier,professeur,5B,non,"));
        assertThat(csv.body()).as("no internal id").doesNotContain(id);

        Response english = api().get(
                        "/api/v1/lockers/distributions/" + id + "/receipts.csv?class=5B&audience=personnel",
                        DEPOSITOR,
                        "en");
        assertThat(english.body().substring(1).lines().toList())
                .containsExactly(
                        "Name,Username,Profile,Classes,Opened,Opened at,Reminded at",
                        "Hélène Carpentier,t.carpentier,teacher,5B,no,,");
        assertThat(api().get("/api/v1/lockers/distributions/" + id + "/receipts.csv", "t.marchand")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void pagesShouldGiveEachDepositOnceAndABadCursorAProblem() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(depositPdf(DEPOSITOR, "paged-" + i + ".pdf", "user:t.rey"));
        }
        List<Object> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            Response page = api().get(
                            "/api/v1/lockers/distributions?limit=2" + (next == null ? "" : "&cursor=" + next),
                            DEPOSITOR);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            page.items().forEach(d -> seen.add(d.get("id")));
            next = page.next();
            pages++;
        } while (next != null && pages < 100);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen.subList(0, 3)).as("newest first").containsExactly(mine.get(2), mine.get(1), mine.get(0));
        assertThat(pages).isGreaterThanOrEqualTo(2);

        Response bad = api().get("/api/v1/lockers/distributions?cursor=garbage", DEPOSITOR);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.reason()).isEqualTo("INVALID_CURSOR");
        assertThat(bad.json().get("messages")).asString().contains("en=").contains("fr=");
        assertThat(api().get("/api/v1/lockers/distributions?limit=0", DEPOSITOR).reason())
                .isEqualTo("INVALID_PAGE_SIZE");
        assertThat(api().get("/api/v1/lockers/distributions?audience=students", DEPOSITOR)
                        .reason())
                .isEqualTo("UNKNOWN_AUDIENCE");
    }
}
