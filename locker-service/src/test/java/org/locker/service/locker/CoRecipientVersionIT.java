package org.locker.service.locker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.Form;

/**
 * Issue 14, defect 2 (decision 0014): a co-recipient's version does not reach the guardians; they see only the
 * versions the depositor publishes, and never a version comment.
 */
class CoRecipientVersionIT extends LockerTestBase {

    /** A guardian of a 6A student (demo school). */
    private static final String GUARDIAN = "r.sophie.martin";

    private List<Map<String, Object>> versions(String user, String id) {
        Response response = api().get("/api/v1/lockers/documents/" + id + "/versions", user);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.jsonList();
    }

    private Response publish(String user, String id, String label) {
        return api().post(
                        "/api/v1/lockers/documents/" + id + "/versions/" + label + "/publish",
                        user,
                        "application/json",
                        "");
    }

    @Test
    void guardiansShouldSeeOnlyWhatTheDepositorPublishesAndNeverAComment() {
        Instant now = clock.instant();
        String id = DepositIT.id(
                deposit("t.girard", modifiableToAColleagueAndGuardians("outing.pdf", "first edition", now)));

        Response added = send(
                "POST",
                "/api/v1/lockers/documents/" + id + "/versions?comment=grades%20to%20check",
                "t.rey",
                new Form().pdfFile("outing.pdf", "co-recipient draft"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json()).containsEntry("label", "1.1");

        // the guardian's API: version 1.0 only, no comment, the first content
        assertThat(versions(GUARDIAN, id)).extracting(v -> v.get("label")).containsExactly("1.0");
        assertThat(inLocker(GUARDIAN, id).orElseThrow()).containsEntry("version", "1.0");
        assertThat(download(GUARDIAN, id).body()).contains("first edition").doesNotContain("co-recipient draft");
        try (PlatformSession own = platform.sessionAs(UserId.of(GUARDIAN))) {
            assertThat(own.findNode(NodeId.of(id)))
                    .as("the platform itself keeps the deposit and its versions from the guardian")
                    .isEmpty();
        }
        // the personnel keep the comment; the depositor sees what the guardians were given
        assertThat(versions("t.rey", id)).extracting(v -> v.get("comment")).containsExactly("", "grades to check");
        assertThat(versions("t.girard", id))
                .extracting(v -> v.get("label"), v -> v.get("published"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1.0", true),
                        org.assertj.core.groups.Tuple.tuple("1.1", false));

        Response byGuardian = publish(GUARDIAN, id, "1.1");
        assertThat(byGuardian.status()).isEqualTo(403);
        Response byCoRecipient = publish("t.rey", id, "1.1");
        assertThat(byCoRecipient.status()).isEqualTo(403);
        assertThat(byCoRecipient.reason()).isEqualTo("NOT_THE_DEPOSITOR");
        Response unknown = publish("t.girard", id, "7.3");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.reason()).isEqualTo("UNKNOWN_VERSION");
        assertThat(versions(GUARDIAN, id)).hasSize(1);

        Response published = publish("t.girard", id, "1.1");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.jsonList()).extracting(v -> v.get("published")).containsExactly(true, true);

        List<Map<String, Object>> seen = versions(GUARDIAN, id);
        assertThat(seen).extracting(v -> v.get("label")).containsExactly("1.0", "1.1");
        assertThat(seen).extracting(v -> v.get("comment")).containsOnly("");
        assertThat(seen).extracting(v -> v.get("published")).containsOnly((Object) null);
        assertThat(inLocker(GUARDIAN, id).orElseThrow()).containsEntry("version", "1.1");
        assertThat(download(GUARDIAN, id).body()).contains("co-recipient draft");

        Map<String, Object> distribution = api().get("/api/v1/lockers/distributions", "t.girard").items().stream()
                .filter(d -> id.equals(d.get("id")))
                .findFirst()
                .orElseThrow();
        assertThat((List<Object>) distribution.get("openedBy")).contains(GUARDIAN);
    }

    @Test
    void aDepositToNoGuardianShouldHaveNothingToPublish() {
        String id = depositPdf("t.girard", "minutes.pdf", "user:t.rey");
        Response refused = publish("t.girard", id, "1.0");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.reason()).isEqualTo("NOT_FOR_GUARDIANS");
    }

    /**
     * A deposit of a PDF to t.rey, who may modify it, and to 6A's guardians, published from an hour before
     * {@code now} for a week.
     */
    static Form modifiableToAColleagueAndGuardians(String name, String text, Instant now) {
        return new Form()
                .pdfFile(name, text)
                .field("documentType", "FORM")
                .field("recipients", "user:t.rey")
                .field("recipients", "guardians:6A")
                .field("allowModify", "true")
                .field("publishFrom", now.minus(Duration.ofHours(1)).toString())
                .field("publishTo", now.plus(Duration.ofDays(7)).toString());
    }
}
