package org.locker.service.locker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.Form;

/** The "new" count of a locker (GET /lockers/mine/not-opened): the listing's unread documents, cheaply. */
class NotOpenedCountIT extends LockerTestBase {

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private int notOpened(String user) {
        Response response = api().get("/api/v1/lockers/mine/not-opened", user);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return ((Number) response.json().get("notOpened")).intValue();
    }

    private long unreadInListing(String user) {
        return locker(user).stream()
                .filter(e -> !Boolean.TRUE.equals(e.get("opened")))
                .count();
    }

    @Test
    void shouldCountWhatTheRecipientHasNotOpenedYetAndFollowOpeningsAndWithdrawals() {
        int before = notOpened("p.benali");
        assertThat(before).isEqualTo(unreadInListing("p.benali"));

        String first = depositPdf("t.girard", "count-first.pdf", "user:p.benali");
        String second = depositPdf("t.girard", "count-second.pdf", "user:p.benali");
        assertThat(notOpened("p.benali")).isEqualTo(before + 2);

        assertThat(download("p.benali", first).status()).isEqualTo(200);
        assertThat(notOpened("p.benali")).isEqualTo(before + 1);
        assertThat(download("p.benali", first).status()).isEqualTo(200);
        assertThat(notOpened("p.benali")).as("a second opening changes nothing").isEqualTo(before + 1);

        assertThat(delete("/api/v1/lockers/documents/" + second, "t.girard").status())
                .isEqualTo(204);
        assertThat(notOpened("p.benali"))
                .as("a withdrawn document is no longer new")
                .isEqualTo(before);
        assertThat(notOpened("p.benali")).isEqualTo(unreadInListing("p.benali"));
    }

    @Test
    void shouldCountForAGuardianOnlyWhatIsInsideItsPublicationWindow() {
        int before = notOpened("r.stephane.martin");
        Instant now = clock.instant();
        String id = DepositIT.id(deposit(
                "t.girard",
                new Form()
                        .pdfFile("count-window.pdf", "window")
                        .field("documentType", "FORM")
                        .field("recipients", "guardians:6A")
                        .field("publishFrom", now.plus(Duration.ofDays(1)).toString())
                        .field("publishTo", now.plus(Duration.ofDays(2)).toString())));
        assertThat(notOpened("r.stephane.martin")).as("before its window").isEqualTo(before);
        assertThat(locker("r.stephane.martin")).noneMatch(e -> id.equals(e.get("id")));

        // the day that passes may open other tests' windows too (one context, one clock): the count follows the
        // listing, which holds this deposit now
        clock.advance(Duration.ofDays(1).plusHours(1));
        assertThat(api().post("/api/v1/lockers/windows/reconcile", "principal", "application/json", "")
                        .status())
                .isEqualTo(200);
        assertThat(locker("r.stephane.martin"))
                .as("inside its window")
                .anyMatch(e -> id.equals(e.get("id")) && !Boolean.TRUE.equals(e.get("opened")));
        assertThat(notOpened("r.stephane.martin"))
                .isGreaterThan(before)
                .isEqualTo(unreadInListing("r.stephane.martin"));
    }

    @Test
    void shouldRefuseTheCountToAStudentWhoHasNoLocker() {
        assertThat(api().get("/api/v1/lockers/mine/not-opened", "e.emma.martin").status())
                .isEqualTo(403);
    }
}
