package org.locker.core.locker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locker.core.locker.LockerRefusal.Reason;

class DocumentNamesTest {

    private static void assertRefused(String name, Reason reason) {
        assertThatThrownBy(() -> DocumentNames.checked(name))
                .as(name)
                .isInstanceOf(LockerRefusal.class)
                .extracting(e -> ((LockerRefusal) e).reason())
                .isEqualTo(reason);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                ".",
                "..",
                "...",
                "a/b.pdf",
                "a\\b.pdf",
                "c:x.pdf",
                "bad\u0000.pdf",
                "tab\tname.pdf",
                "line\nbreak.pdf"
            })
    void shouldRefuseInvalidNames(String name) {
        assertRefused(name, Reason.INVALID_NAME);
    }

    /** What Alfresco refuses in cm:name (422), refused on every platform so that both accept the same names. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "say \"hi\".pdf",
                "star*.pdf",
                "a<b.pdf",
                "a>b.pdf",
                "why?.pdf",
                "pipe|.pdf",
                "trailing dot.",
                "report.pdf.",
                "Bulletin <b>élève<b>"
            })
    void shouldRefuseWhatAlfrescoRefuses(String name) {
        assertRefused(name, Reason.INVALID_NAME);
    }

    /** Text-direction controls that make "grades\u202Efdp.exe" read "gradesexe.pdf", and invisible characters. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "grades\u202Efdp.exe",
                "a\u202Ab.pdf",
                "a\u202Bb.pdf",
                "a\u202Cb.pdf",
                "a\u202Db.pdf",
                "a\u2066b.pdf",
                "a\u2067b.pdf",
                "a\u2068b.pdf",
                "a\u2069b.pdf",
                "a\u200Eb.pdf",
                "a\u200Fb.pdf",
                "zero\u200Bwidth.pdf",
                "zero\u200Cwidth.pdf",
                "zero\u200Dwidth.pdf",
                "joiner\u2060.pdf",
                "bom\uFEFF.pdf",
                "line\u2028sep.pdf",
                "para\u2029sep.pdf",
                "lone\uD800surrogate.pdf"
            })
    void shouldRefuseBidirectionalAndInvisibleCharacters(String name) {
        assertRefused(name, Reason.INVALID_NAME);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CON",
                "con.pdf",
                "PRN.txt",
                "Aux.docx",
                "NUL.tar.gz",
                "COM1.pdf",
                "com9",
                "LPT1.png",
                "lpt9.txt",
                "CON .pdf",
                "COM¹.pdf"
            })
    void shouldRefuseWindowsReservedNames(String name) {
        assertRefused(name, Reason.RESERVED_NAME);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "grades.jar",
                "setup.exe",
                "screen.SCR",
                "tool.com",
                "run.bat",
                "run.cmd",
                "install.msi",
                "app.apk",
                "script.ps1",
                "macro.vbs",
                "page.js",
                "app.hta",
                "shortcut.lnk",
                "report.pdf.exe",
                "lib.dll",
                "keys.reg",
                "run.sh",
                "tool.py",
                "site.php",
                "image.dmg",
                "disk.iso",
                "pkg.deb"
            })
    void shouldRefuseProgramAndScriptNames(String name) {
        assertRefused(name, Reason.EXECUTABLE_NAME);
        assertThatThrownBy(() -> DocumentNames.refuseExecutable(name)).isInstanceOf(LockerRefusal.class);
    }

    @Test
    void shouldAcceptTheNameThePlatformConformanceSuiteStores() {
        // NodesConformance.shouldKeepNamesWithSpecialCharacters: a name both platforms must keep as it is
        String name = "Devoir n°3 maths-physique [v2] été & co (1) l’an 'x' #2 +1 =";
        assertThat(DocumentNames.checked(name)).isEqualTo(name);
    }

    @Test
    void shouldKeepAccentsAndOrdinaryPunctuation() {
        assertThat(DocumentNames.checked("  Bulletin élève & co  ")).isEqualTo("Bulletin élève & co");
        assertThat(DocumentNames.checked("ok [v2] été n°3.pdf")).isEqualTo("ok [v2] été n°3.pdf");
        assertThat(DocumentNames.checked("..hidden.pdf")).isEqualTo("..hidden.pdf");
        assertThat(DocumentNames.checked("CONSEIL.pdf")).isEqualTo("CONSEIL.pdf");
        assertThat(DocumentNames.checked("COM10.pdf")).isEqualTo("COM10.pdf");
        assertThat(DocumentNames.checked("مرحبا.pdf")).isEqualTo("مرحبا.pdf");
        assertThat(DocumentNames.checked("bulletin.exe.pdf")).isEqualTo("bulletin.exe.pdf");
    }

    @Test
    void shouldSplitExtensions() {
        assertThat(DocumentNames.extension("Bulletin.T1.PDF")).isEqualTo("pdf");
        assertThat(DocumentNames.extension("README")).isEmpty();
        assertThat(DocumentNames.extension(".profile")).isEmpty();
        assertThat(DocumentNames.base("Bulletin.T1.pdf")).isEqualTo("Bulletin.T1");
    }
}
