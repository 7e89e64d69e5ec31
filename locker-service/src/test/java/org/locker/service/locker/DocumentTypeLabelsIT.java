package org.locker.service.locker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.Form;

/**
 * The administrator names document types by their labels, in English and French; the code is derived from the
 * label once ("Autorisation de sortie" is AUTORISATION_DE_SORTIE) and stays when the labels change.
 */
class DocumentTypeLabelsIT extends LockerTestBase {

    private static final String SEED = "{\"documentTypes\":[\"REPORT_CARD\",\"CERTIFICATE\",\"CIRCULAR\","
            + "\"MEETING_MINUTES\",\"INTERNSHIP_AGREEMENT\",\"TIMETABLE\",\"COURSE_MATERIAL\",\"FORM\",\"OTHER\"]}";

    @AfterEach
    void seedTypes() {
        assertThat(putJson("/api/v1/lockers/settings", "principal", SEED).status())
                .isEqualTo(200);
    }

    @Test
    void shouldDeriveTheCodeFromALabelAndKeepItWhenTheLabelChanges() {
        Response changed = putJson(
                "/api/v1/lockers/settings",
                "principal",
                "{\"types\":[{\"code\":\"CIRCULAR\"},"
                        + "{\"fr\":\"Autorisation de sortie\",\"en\":\"Leave permission\"},"
                        + "{\"fr\":\"Fiche d’urgence  élève\"}]}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("documentTypes"))
                .isEqualTo(List.of("CIRCULAR", "AUTORISATION_DE_SORTIE", "FICHE_D_URGENCE_ELEVE"));

        List<Map<String, Object>> labels =
                api().get("/api/v1/lockers/document-types/labels", "t.girard").jsonList();
        assertThat(labels)
                .containsExactly(
                        Map.of("code", "CIRCULAR", "en", "", "fr", ""),
                        Map.of(
                                "code",
                                "AUTORISATION_DE_SORTIE",
                                "en",
                                "Leave permission",
                                "fr",
                                "Autorisation de sortie"),
                        Map.of("code", "FICHE_D_URGENCE_ELEVE", "en", "", "fr", "Fiche d’urgence  élève"));
        assertThat(deposit(
                                "t.marchand",
                                new Form()
                                        .pdfFile("sortie.pdf", "x")
                                        .field("documentType", "AUTORISATION_DE_SORTIE")
                                        .field("recipients", "user:t.rey"))
                        .status())
                .isEqualTo(201);

        // a new label, the same code: deposits already typed with it stay found
        Response relabelled = putJson(
                "/api/v1/lockers/settings",
                "principal",
                "{\"types\":[{\"code\":\"AUTORISATION_DE_SORTIE\",\"fr\":\"Sortie autorisée\",\"en\":\"Exit\"}]}");
        assertThat(relabelled.json().get("documentTypes")).isEqualTo(List.of("AUTORISATION_DE_SORTIE"));
        assertThat(api().get("/api/v1/lockers/mine?type=AUTORISATION_DE_SORTIE", "t.rey")
                        .body())
                .contains("sortie.pdf");
        assertThat(api().get("/api/v1/lockers/settings", "principal").json().get("types"))
                .isEqualTo(List.of(Map.of("code", "AUTORISATION_DE_SORTIE", "en", "Exit", "fr", "Sortie autorisée")));
    }

    @Test
    void shouldAcceptALabelInTodaysListOfCodes() {
        Response changed = putJson(
                "/api/v1/lockers/settings",
                "principal",
                "{\"documentTypes\":[\"CIRCULAR\",\"Autorisation de sortie\"]}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("documentTypes")).isEqualTo(List.of("CIRCULAR", "AUTORISATION_DE_SORTIE"));
        assertThat(api().get("/api/v1/lockers/document-types", "t.rey").body())
                .isEqualTo("[\"CIRCULAR\",\"AUTORISATION_DE_SORTIE\"]");
    }

    @Test
    void shouldRefuseTwoTypesWithOneCodeAndALabelWithoutLetters() {
        Response before = api().get("/api/v1/lockers/settings", "principal");
        Response clash = putJson(
                "/api/v1/lockers/settings",
                "principal",
                "{\"types\":[{\"fr\":\"Autorisation de sortie\"},{\"fr\":\"autorisation-de-sortie !\"}]}");
        assertThat(clash.status()).as(clash.body()).isEqualTo(409);
        assertThat(clash.reason()).isEqualTo("DOCUMENT_TYPE_CLASH");
        assertThat(clash.json().get("messages"))
                .asString()
                .contains("en=“Autorisation de sortie” and “autorisation-de-sortie !”")
                .contains("fr=« Autorisation de sortie » et « autorisation-de-sortie ! »");

        Response noLetter = putJson("/api/v1/lockers/settings", "principal", "{\"types\":[{\"fr\":\"?!\"}]}");
        assertThat(noLetter.status()).isEqualTo(400);
        assertThat(noLetter.reason()).isEqualTo("DOCUMENT_TYPE_LABEL_INVALID");
        assertThat(noLetter.json().get("messages")).asString().contains("en=").contains("fr=");
        Response badCode = putJson("/api/v1/lockers/settings", "principal", "{\"types\":[{\"code\":\"a b\"}]}");
        assertThat(badCode.reason()).isEqualTo("DOCUMENT_TYPE_LABEL_INVALID");
        Response tooLong =
                putJson("/api/v1/lockers/settings", "principal", "{\"types\":[{\"fr\":\"" + "x".repeat(101) + "\"}]}");
        assertThat(tooLong.reason()).isEqualTo("DOCUMENT_TYPE_LABEL_INVALID");
        assertThat(putJson("/api/v1/lockers/settings", "principal", "{\"types\":[]}")
                        .reason())
                .isEqualTo("INVALID_SETTINGS");

        // nothing half-stored
        assertThat(api().get("/api/v1/lockers/settings", "principal").body()).isEqualTo(before.body());
    }
}
