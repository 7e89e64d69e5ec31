package org.locker.service.locker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.Form;

/**
 * A guardian's deposit stays personal: to individual personnel, or to the pedagogical team of a class one of their
 * children attends; never to a whole category, never to people created later, never to other families.
 */
class GuardianDepositIT extends LockerTestBase {

    /** Guardian of Emma Martin, a 6A student. */
    private static final String GUARDIAN = "r.stephane.martin";

    @BeforeEach
    void allowGuardianExchange() {
        putJson("/api/v1/lockers/settings", "principal", "{\"guardianExchange\":true}");
    }

    @AfterEach
    void restoreSettings() {
        putJson("/api/v1/lockers/settings", "principal", "{\"guardianExchange\":false}");
    }

    private Response depositTo(String... recipients) {
        Form form = new Form().pdfFile("certificate.pdf", "medical certificate").field("documentType", "CERTIFICATE");
        for (String recipient : recipients) {
            form.field("recipients", recipient);
        }
        return deposit(GUARDIAN, form);
    }

    private void assertRefused(Response response, String reason) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.reason()).isEqualTo(reason);
    }

    @Test
    void shouldDepositToIndividualPersonnel() {
        String id = DepositIT.id(depositTo("user:c.barbier", "user:t.girard", "user:p.perret"));
        assertThat(inLocker("c.barbier", id)).isPresent();
        assertThat(inLocker("t.girard", id)).isPresent();
        assertThat(inLocker("p.perret", id)).isPresent();
        assertThat(inLocker("t.marchand", id)).isEmpty();
    }

    @Test
    void shouldDepositToTheTeamOfTheirChildsClassOnly() {
        String id = DepositIT.id(depositTo("team:6A"));
        assertThat(inLocker("t.rey", id)).as("a 6A teacher").isPresent();
        assertThat(inLocker("p.perret", id)).as("6A staff").isPresent();
        assertThat(inLocker("t.marchand", id)).as("a 5B teacher").isEmpty();

        assertRefused(depositTo("team:5B"), "CATEGORY_NOT_ALLOWED");
    }

    @Test
    void shouldNeverDepositToAWholeCategory() {
        for (String category :
                new String[] {"category:teacher", "category:staff", "category:counselor", "category:guardian"}) {
            assertRefused(depositTo(category), "CATEGORY_NOT_ALLOWED");
        }
        assertRefused(depositTo("guardians:6A"), "CATEGORY_NOT_ALLOWED");
        // another family: the same answer as for an id that names nobody (existence does not leak)
        Response otherFamily = depositTo("user:r.sophie.morel");
        assertThat(otherFamily.status()).isEqualTo(400);
        assertThat(otherFamily.reason()).isEqualTo("UNKNOWN_RECIPIENT");
    }

    @Test
    void shouldNeverMakeAStandingDeposit() {
        Response standing = deposit(
                GUARDIAN,
                new Form()
                        .pdfFile("c.pdf", "c")
                        .field("documentType", "CERTIFICATE")
                        .field("recipients", "user:c.barbier")
                        .field("standing", "true"));
        assertRefused(standing, "STANDING_NOT_ALLOWED");
        assertThat(standing.json().get("messages")).asString().contains("en=").contains("fr=");
        assertThat(api().get("/api/v1/lockers/distributions", GUARDIAN).items())
                .noneMatch(d -> Boolean.TRUE.equals(d.get("standing")));
    }
}
