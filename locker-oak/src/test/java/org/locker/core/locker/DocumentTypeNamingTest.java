package org.locker.core.locker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locker.core.locker.LockerRefusal.Reason;

class DocumentTypeNamingTest {

    @Test
    void shouldDeriveAStableCodeFromALabel() {
        assertThat(DocumentTypeNaming.codeOf("Autorisation de sortie")).isEqualTo("AUTORISATION_DE_SORTIE");
        assertThat(DocumentTypeNaming.codeOf("  Fiche d’urgence — élève ")).isEqualTo("FICHE_D_URGENCE_ELEVE");
        assertThat(DocumentTypeNaming.codeOf("Cœur de métier")).isEqualTo("COEUR_DE_METIER");
        assertThat(DocumentTypeNaming.codeOf("?!")).isEmpty();
        assertThat(DocumentTypeNaming.codeOf("a".repeat(60))).hasSize(40);
    }

    @Test
    void shouldKeepCodesAsTheyAreAndMergeTheSameTypeGivenTwice() {
        assertThat(DocumentTypeNaming.fromText(" circular ")).isEqualTo(new DocumentType("CIRCULAR", "", ""));
        assertThat(DocumentTypeNaming.fromText("Sortie")).isEqualTo(new DocumentType("SORTIE", "", ""));
        assertThat(DocumentTypeNaming.checked(List.of(
                        new DocumentType("CIRCULAR", "", ""),
                        new DocumentType("", "Circular", "Circular"),
                        new DocumentType("", "", "Autorisation de sortie"))))
                .containsExactly(
                        new DocumentType("CIRCULAR", "Circular", "Circular"),
                        new DocumentType("AUTORISATION_DE_SORTIE", "", "Autorisation de sortie"));
        assertThatThrownBy(() -> DocumentTypeNaming.checked(
                        List.of(new DocumentType("", "", "Sortie"), new DocumentType("", "", "sortie"))))
                .isInstanceOfSatisfying(
                        LockerRefusal.class, r -> assertThat(r.reason()).isEqualTo(Reason.DOCUMENT_TYPE_CLASH));
    }
}
