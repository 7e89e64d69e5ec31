package org.locker.service.locker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.Form;

/**
 * A guardian, who reads no directory, learns nothing of who exists from a deposit: an id that names nobody and a
 * person they may not deposit to (another guardian, a student, an administrator) get one answer.
 */
class RecipientExistenceIT extends LockerTestBase {

    /** A guardian of a 6A student (demo school). */
    private static final String GUARDIAN = "r.sophie.martin";

    @BeforeEach
    void allowGuardianDeposits() {
        putJson("/api/v1/lockers/settings", "principal", "{\"guardianExchange\":true}");
    }

    @AfterEach
    void restore() {
        putJson("/api/v1/lockers/settings", "principal", "{\"guardianExchange\":false}");
    }

    @Test
    void shouldAnswerAGuardianAlikeForAnUnknownIdAndSomeoneTheyMayNotDepositTo() {
        Response unknown = depositTo("nobody.here");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.reason()).isEqualTo("UNKNOWN_RECIPIENT");
        for (String existing : List.of("r.nathalie.bernard", "e.emma.martin", "principal", "admin")) {
            Response refused = depositTo(existing);
            assertThat(refused.status()).as(existing).isEqualTo(unknown.status());
            // the same problem but for the id the guardian typed, which the detail repeats
            assertThat(refused.body().replace(existing, "nobody.here"))
                    .as(existing)
                    .isEqualTo(unknown.body());
        }
        assertThat(depositTo("c.barbier").status())
                .as("the personnel, whom guardians may deposit to")
                .isEqualTo(201);
    }

    private Response depositTo(String user) {
        return deposit(
                GUARDIAN,
                new Form()
                        .pdfFile("certificate.pdf", "c")
                        .field("documentType", "CERTIFICATE")
                        .field("recipients", "user:" + user));
    }
}
