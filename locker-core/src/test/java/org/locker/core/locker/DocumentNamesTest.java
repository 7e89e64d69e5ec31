package org.locker.core.locker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", ".", "..", "...", "a/b.pdf", "a\\b.pdf", "c:x.pdf", "bad\u0000.pdf",
        "tab\tname.pdf", "line\nbreak.pdf"})
    void shouldRefuseInvalidNames(String name) {
        assertThatThrownBy(() -> DocumentNames.checked(name)).isInstanceOf(LockerRefusal.class)
                .extracting(e -> ((LockerRefusal) e).reason()).isEqualTo(LockerRefusal.Reason.INVALID_NAME);
    }

    @Test
    void shouldKeepMarkupAndAccentsAsText() {
        assertThat(DocumentNames.checked("  Bulletin <b>élève<b>  ")).isEqualTo("Bulletin <b>élève<b>");
        assertThat(DocumentNames.checked("..hidden.pdf")).isEqualTo("..hidden.pdf");
    }

    @Test
    void shouldSplitExtensions() {
        assertThat(DocumentNames.extension("Bulletin.T1.PDF")).isEqualTo("pdf");
        assertThat(DocumentNames.extension("README")).isEmpty();
        assertThat(DocumentNames.extension(".profile")).isEmpty();
        assertThat(DocumentNames.base("Bulletin.T1.pdf")).isEqualTo("Bulletin.T1");
    }
}
