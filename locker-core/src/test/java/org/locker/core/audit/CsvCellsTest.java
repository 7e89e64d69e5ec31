package org.locker.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+33 1 23", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"})
    void shouldTurnWhatASpreadsheetWouldComputeIntoText(String value) {
        assertThat(CsvCells.safe(value)).isEqualTo("'" + value);
    }

    @Test
    void shouldLeaveOtherCellsAlone() {
        assertThat(CsvCells.safe("Bulletin T1.pdf")).isEqualTo("Bulletin T1.pdf");
        assertThat(CsvCells.safe("a=b")).isEqualTo("a=b");
        assertThat(CsvCells.safe(null)).isEmpty();
        assertThat(CsvCells.safe("")).isEmpty();
    }
}
