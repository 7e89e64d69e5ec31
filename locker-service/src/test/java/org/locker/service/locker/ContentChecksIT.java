package org.locker.service.locker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.locker.service.locker.TestFiles.utf8;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.Access;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.Form;

/**
 * Executables and disguised files are refused by their content, and by their names, end to end through the
 * HTTP API: each refusal with its reason in English and French, and nothing stored.
 */
class ContentChecksIT extends LockerTestBase {

    private static final String DEPOSITOR = "t.marchand";
    private static final String OCTETS = "application/octet-stream";

    private Form valid() {
        return new Form().field("documentType", "REPORT_CARD").field("recipients", "user:t.rey");
    }

    private Form withFile(String fileName, byte[] content) {
        return valid().file(fileName, OCTETS, content);
    }

    /** What a deposit leaves: the depositor's distributions, the audit trail, the recipient's locker. */
    private record Stored(List<Object> distributions, int audit, int locker) {}

    private Stored stored() {
        return new Stored(
                // the newest page's ids: a stored deposit would come first (the list is paged)
                api().get("/api/v1/lockers/distributions", DEPOSITOR).items().stream()
                        .map(d -> d.get("id"))
                        .toList(),
                api().get("/api/v1/lockers/audit", "principal").jsonList().size(),
                locker("t.rey").size());
    }

    /** Refused with its reason and messages; each test then checks that nothing was stored ({@link #stored()}). */
    private void assertRefused(Form form, int status, String reason) {
        Response response = deposit(DEPOSITOR, form);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.reason()).as(response.body()).isEqualTo(reason);
        assertThat(response.json().get("messages")).asString().contains("en=").contains("fr=");
    }

    private Map<String, Object> assertAccepted(Form form, String name, String mimeType) {
        Response response = deposit(DEPOSITOR, form);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String id = String.valueOf(response.jsonList().get(0).get("id"));
        Map<String, Object> entry = inLocker("t.rey", id).orElseThrow();
        assertThat(entry).containsEntry("name", name).containsEntry("mimeType", mimeType);
        return entry;
    }

    private void setMacros(boolean allowed) {
        Response changed =
                putJson("/api/v1/lockers/settings", "principal", "{\"macroEnabledDocuments\":" + allowed + "}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json()).containsEntry("macroEnabledDocuments", allowed);
    }

    // ------------------------------------------------------------------ programs

    @Test
    void shouldRefuseARunnableJarWhoseFirstEntryIsContentTypes() {
        Stored before = stored();
        byte[] jar = TestFiles.runnableJarLookingLikeOffice();
        assertRefused(withFile("grades.jar", jar), 400, "EXECUTABLE_NAME");
        assertRefused(withFile("grades.docx", jar), 400, "EXECUTABLE_CONTENT");
        assertRefused(withFile("grades.docx", jar).field("name", "Grades"), 400, "EXECUTABLE_CONTENT");
        assertRefused(
                withFile("grades.docx", TestFiles.manifestWithMainClassLookingLikeOffice()), 400, "EXECUTABLE_CONTENT");
        assertThat(stored()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void shouldRefuseProgramAndScriptNamesWhateverTheContent() {
        Stored before = stored();
        for (String name : List.of(
                "report.exe",
                "report.scr",
                "report.apk",
                "report.com",
                "report.bat",
                "report.msi",
                "report.ps1",
                "report.vbs",
                "report.js",
                "report.hta",
                "report.lnk",
                "report.pdf.exe")) {
            assertRefused(valid().pdfFile(name, "a real pdf"), 400, "EXECUTABLE_NAME");
        }
        assertRefused(withFile("bulletin.exe", TestFiles.doc()), 400, "EXECUTABLE_NAME");
        assertRefused(withFile("bulletin.scr", TestFiles.doc()), 400, "EXECUTABLE_NAME");
        assertRefused(withFile("bulletin.apk", TestFiles.docx()), 400, "EXECUTABLE_NAME");
        assertRefused(withFile("bulletin.exe", TestFiles.docx()), 400, "EXECUTABLE_NAME");
        // the uploaded file's own name counts even when the deposit is renamed, and the new name too
        assertRefused(withFile("setup.exe", TestFiles.docx()).field("name", "Bulletin.docx"), 400, "EXECUTABLE_NAME");
        assertRefused(valid().pdfFile("bulletin.pdf", "x").field("name", "bulletin.scr"), 400, "EXECUTABLE_NAME");
        assertThat(stored()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void shouldRefuseAZipOfProgramsRenamedAsAnOfficeDocument() {
        Stored before = stored();
        assertRefused(withFile("bulletin.docx", TestFiles.zipOfExecutables()), 400, "EXECUTABLE_CONTENT");
        Map<String, byte[]> parts = TestFiles.docxParts();
        parts.put("word/media/update.exe", TestFiles.mz());
        assertRefused(withFile("bulletin.docx", TestFiles.zip(parts)), 400, "EXECUTABLE_CONTENT");
        Map<String, byte[]> application = TestFiles.docxParts();
        application.put("Grades.app/Contents/MacOS/Grades", TestFiles.mz());
        assertRefused(withFile("bulletin.docx", TestFiles.zip(application)), 400, "EXECUTABLE_CONTENT");
        assertThat(stored()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void shouldLookOneLevelIntoNestedArchivesAndEmbeddedPackages() {
        Stored before = stored();
        Map<String, byte[]> nestedZip = TestFiles.docxParts();
        nestedZip.put("word/embeddings/Package.zip", TestFiles.zipOfExecutables());
        assertRefused(withFile("bulletin.docx", TestFiles.zip(nestedZip)), 400, "EXECUTABLE_CONTENT");

        Map<String, byte[]> embedded = TestFiles.docxParts();
        embedded.put("word/embeddings/oleObject1.bin", TestFiles.olePackage("invoice.exe"));
        assertRefused(withFile("bulletin.docx", TestFiles.zip(embedded)), 400, "EXECUTABLE_CONTENT");

        Map<String, byte[]> harmless = TestFiles.docxParts();
        harmless.put("word/embeddings/oleObject1.bin", TestFiles.olePackage("notes.txt"));
        assertThat(stored()).as("nothing stored").isEqualTo(before);
        assertAccepted(withFile("embedded.docx", TestFiles.zip(harmless)), "embedded.docx", TestFiles.DOCX);
    }

    @Test
    void shouldAcceptOle2OnlyWhenTikaNamesARealOfficeType() {
        Stored before = stored();
        assertRefused(withFile("bulletin.doc", TestFiles.ole2(new String[] {"Anything"})), 400, "TYPE_NOT_ACCEPTED");
        assertThat(stored()).as("nothing stored").isEqualTo(before);
        assertAccepted(withFile("bulletin.doc", TestFiles.doc()), "bulletin.doc", "application/msword");
        // the name follows the content: a Word document sent as .xls is stored as .doc
        assertAccepted(withFile("sheet.xls", TestFiles.doc()), "sheet.doc", "application/msword");
    }

    @Test
    void shouldRefuseContainersWithoutTheirFormatsParts() {
        Stored before = stored();
        Map<String, byte[]> noMainPart = TestFiles.docxParts();
        noMainPart.remove("word/document.xml");
        assertRefused(withFile("bulletin.docx", TestFiles.zip(noMainPart)), 400, "MALFORMED_DOCUMENT");
        Map<String, byte[]> noRelationships = TestFiles.docxParts();
        noRelationships.remove("_rels/.rels");
        assertRefused(withFile("bulletin.docx", TestFiles.zip(noRelationships)), 400, "MALFORMED_DOCUMENT");
        assertRefused(withFile("bulletin.odt", TestFiles.odtMimetypeNotFirst()), 400, "MALFORMED_DOCUMENT");
        byte[] docx = TestFiles.docx();
        assertRefused(
                withFile("truncated.docx", java.util.Arrays.copyOf(docx, docx.length - 30)), 400, "MALFORMED_DOCUMENT");
        // a plain zip is not a document, whatever its name says
        assertRefused(
                withFile("bulletin.docx", TestFiles.zip(Map.of("notes.txt", utf8("notes")))), 400, "TYPE_NOT_ACCEPTED");
        assertThat(stored()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void shouldRefuseAnArchiveWithTooManyEntries() {
        Stored before = stored();
        Map<String, byte[]> parts = TestFiles.docxParts();
        for (int i = 0; parts.size() <= ContainerInspector.MAX_ENTRIES; i++) {
            parts.put(Integer.toString(i, 36), new byte[0]);
        }
        assertRefused(withFile("big.docx", TestFiles.zip(parts)), 400, "ARCHIVE_TOO_LARGE");
        assertThat(stored()).as("nothing stored").isEqualTo(before);
    }

    // ------------------------------------------------------------------ macros

    @Test
    void shouldRefuseMacroEnabledDocumentsUnlessTheAdministratorAllowsThem() {
        Stored before = stored();
        assertThat(api().get("/api/v1/lockers/settings", "principal").json())
                .containsEntry("macroEnabledDocuments", false);
        assertRefused(withFile("budget.xlsm", TestFiles.xlsm()), 400, "MACROS_NOT_ALLOWED");
        assertRefused(withFile("slides.pptm", TestFiles.pptm()), 400, "MACROS_NOT_ALLOWED");
        assertRefused(withFile("tools.xlam", TestFiles.xlam()), 400, "MACROS_NOT_ALLOWED");
        assertRefused(withFile("letter.docm", TestFiles.docm()), 400, "MACROS_NOT_ALLOWED");
        // a macro-enabled package renamed as its macro-free sibling is judged by its content
        assertRefused(withFile("budget.xlsx", TestFiles.xlsm()), 400, "MACROS_NOT_ALLOWED");
        assertRefused(
                withFile("letter.doc", TestFiles.ole2(new String[] {"WordDocument"}, "Macros")),
                400,
                "MACROS_NOT_ALLOWED");
        assertRefused(
                withFile("budget.xls", TestFiles.ole2(new String[] {"Workbook"}, "_VBA_PROJECT_CUR")),
                400,
                "MACROS_NOT_ALLOWED");
        assertThat(stored()).as("nothing stored").isEqualTo(before);
        setMacros(true);
        try {
            assertAccepted(
                    withFile("budget.xlsx", TestFiles.xlsm()),
                    "budget.xlsm",
                    "application/vnd.ms-excel.sheet.macroenabled.12");
            assertAccepted(
                    withFile("slides.pptm", TestFiles.pptm()),
                    "slides.pptm",
                    "application/vnd.ms-powerpoint.presentation.macroenabled.12");
            assertAccepted(
                    withFile("tools.xlam", TestFiles.xlam()),
                    "tools.xlam",
                    "application/vnd.ms-excel.addin.macroenabled.12");
            assertAccepted(
                    withFile("letter.doc", TestFiles.ole2(new String[] {"WordDocument"}, "Macros")),
                    "letter.doc",
                    "application/msword");
        } finally {
            setMacros(false);
        }
        assertRefused(withFile("budget.xlsm", TestFiles.xlsm()), 400, "MACROS_NOT_ALLOWED");
    }

    // ------------------------------------------------------------------ names

    @Test
    void shouldRefuseDisguisingAndNonPortableNames() {
        Stored before = stored();
        // "grades<RLO>fdp.exe" reads as "gradesexe.pdf"
        assertRefused(valid().pdfFile("ok.pdf", "x").field("name", "grades\u202Efdp.pdf"), 400, "INVALID_NAME");
        assertRefused(valid().pdfFile("ok.pdf", "x").field("name", "grades\u2066.pdf"), 400, "INVALID_NAME");
        assertRefused(valid().pdfFile("ok.pdf", "x").field("name", "grades\u200B.pdf"), 400, "INVALID_NAME");
        assertRefused(valid().pdfFile("ok.pdf", "x").field("name", "grades\uFEFF.pdf"), 400, "INVALID_NAME");
        for (String reserved : List.of("CON", "con.pdf", "PRN.pdf", "AUX.pdf", "NUL.pdf", "COM1.pdf", "LPT9.pdf")) {
            assertRefused(valid().pdfFile("ok.pdf", "x").field("name", reserved), 400, "RESERVED_NAME");
        }
        for (String alfrescoRefuses : List.of(
                "say \"hi\".pdf",
                "a*b.pdf",
                "a<b.pdf",
                "a>b.pdf",
                "why?.pdf",
                "a|b.pdf",
                "ends with a dot.",
                "a:b.pdf")) {
            assertRefused(valid().pdfFile("ok.pdf", "x").field("name", alfrescoRefuses), 400, "INVALID_NAME");
        }
        assertRefused(valid().pdfFile("why?.pdf", "x"), 400, "INVALID_NAME");
        assertThat(stored()).as("nothing stored").isEqualTo(before);
    }

    // ------------------------------------------------------------------ what is still accepted

    @Test
    void shouldStillAcceptRealDocumentsWithNamesMatchingTheirTypes() {
        assertAccepted(withFile("bulletin.docx", TestFiles.docx()), "bulletin.docx", TestFiles.DOCX);
        assertAccepted(withFile("notes.xlsx", TestFiles.xlsx()), "notes.xlsx", TestFiles.XLSX);
        assertAccepted(withFile("slides.pptx", TestFiles.pptx()), "slides.pptx", TestFiles.PPTX);
        assertAccepted(withFile("letter.odt", TestFiles.odt()), "letter.odt", TestFiles.ODT);
        assertAccepted(valid().pdfFile("circular.pdf", "x"), "circular.pdf", "application/pdf");
        assertAccepted(withFile("photo.png", TestFiles.png()), "photo.png", "image/png");
        assertAccepted(withFile("notes.txt", utf8("Some notes")), "notes.txt", "text/plain");
        assertAccepted(withFile("marks.csv", utf8("name,mark\nemma,15\n")), "marks.csv", "text/csv");
        assertAccepted(
                valid().pdfFile("ok.pdf", "x").field("name", "ok [v2] été n°3.pdf"),
                "ok [v2] été n°3.pdf",
                "application/pdf");
        // the extension follows the content: an Excel workbook sent as .docx is stored as .xlsx
        assertAccepted(withFile("notes.docx", TestFiles.xlsx()), "notes.xlsx", TestFiles.XLSX);
        assertAccepted(
                withFile("bulletin.zip", TestFiles.docx()).field("name", "Bulletin T1"),
                "Bulletin T1.docx",
                TestFiles.DOCX);
    }

    // ------------------------------------------------------------------ new versions

    private String depositWritable(String fileName, byte[] content) {
        Response response = deposit(DEPOSITOR, withFile(fileName, content).field("allowModify", "true"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return String.valueOf(response.jsonList().get(0).get("id"));
    }

    private void assertVersionRefused(String id, String fileName, byte[] content, String reason) {
        List<Map<String, Object>> before = api().get("/api/v1/lockers/documents/" + id + "/versions", DEPOSITOR)
                .jsonList();
        String body = download(DEPOSITOR, id).body();
        Response response = send(
                "POST",
                "/api/v1/lockers/documents/" + id + "/versions",
                DEPOSITOR,
                new Form().file(fileName, OCTETS, content));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.reason()).as(response.body()).isEqualTo(reason);
        assertThat(response.json().get("messages")).asString().contains("en=").contains("fr=");
        assertThat(api().get("/api/v1/lockers/documents/" + id + "/versions", DEPOSITOR)
                        .jsonList())
                .hasSameSizeAs(before);
        assertThat(download(DEPOSITOR, id).body()).isEqualTo(body);
    }

    @Test
    void shouldRefuseANewVersionOfAnotherType() {
        String text = depositWritable("v.txt", utf8("version one"));
        assertVersionRefused(text, "v.txt", TestFiles.png(), "VERSION_TYPE_MISMATCH");
        assertVersionRefused(text, "v.png", TestFiles.png(), "VERSION_TYPE_MISMATCH");
        assertVersionRefused(text, "v.txt", TestFiles.docx(), "VERSION_TYPE_MISMATCH");
        Map<String, Object> entry = inLocker("t.rey", text).orElseThrow();
        assertThat(entry)
                .containsEntry("name", "v.txt")
                .containsEntry("mimeType", "text/plain")
                .containsEntry("version", "1.0");

        Response same = send(
                "POST",
                "/api/v1/lockers/documents/" + text + "/versions",
                DEPOSITOR,
                new Form().file("anything.txt", "text/plain", utf8("version two")));
        assertThat(same.status()).as(same.body()).isEqualTo(201);
        assertThat(download("t.rey", text).body()).isEqualTo("version two");
    }

    @Test
    void shouldJudgeEveryNewVersionLikeADeposit() {
        String docx = depositWritable("bulletin.docx", TestFiles.docx());
        assertVersionRefused(docx, "bulletin.exe", TestFiles.docx(), "EXECUTABLE_NAME");
        assertVersionRefused(docx, "bulletin.docx", TestFiles.runnableJarLookingLikeOffice(), "EXECUTABLE_CONTENT");
        assertVersionRefused(docx, "bulletin.docx", TestFiles.zipOfExecutables(), "EXECUTABLE_CONTENT");
        assertVersionRefused(docx, "bulletin.docx", TestFiles.docm(), "MACROS_NOT_ALLOWED");
        Map<String, byte[]> noMainPart = TestFiles.docxParts();
        noMainPart.remove("word/document.xml");
        assertVersionRefused(docx, "bulletin.docx", TestFiles.zip(noMainPart), "MALFORMED_DOCUMENT");

        Response accepted = send(
                "POST",
                "/api/v1/lockers/documents/" + docx + "/versions",
                DEPOSITOR,
                new Form().file("bulletin v2.docx", OCTETS, TestFiles.docx()));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.json()).containsEntry("mimeType", TestFiles.DOCX);
    }

    // ------------------------------------------------------------------ from my cloud

    private NodeId cloudDocument(String name, byte[] content, String mimeType) {
        try (PlatformSession system = platform.systemSession()) {
            Node folder = system.ensureFolder("/cloud/" + DEPOSITOR + "-content-" + System.nanoTime());
            NodeId id = system.createDocument(
                            folder.id(),
                            name,
                            "lk:document",
                            Map.of(),
                            new ContentSource(new ByteArrayInputStream(content), mimeType))
                    .id();
            system.grant(id, UserId.of(DEPOSITOR), Access.READ);
            system.save();
            return id;
        }
    }

    @Test
    void shouldJudgeADocumentFromMyCloudLikeAnUpload() {
        Stored before = stored();
        NodeId jar = cloudDocument("grades.docx", TestFiles.runnableJarLookingLikeOffice(), TestFiles.DOCX);
        assertRefused(valid().field("fromNode", jar.value()), 400, "EXECUTABLE_CONTENT");
        NodeId named = cloudDocument("grades.jar", TestFiles.docx(), TestFiles.DOCX);
        assertRefused(valid().field("fromNode", named.value()), 400, "EXECUTABLE_NAME");
        NodeId macros = cloudDocument("budget.xlsx", TestFiles.xlsm(), TestFiles.XLSX);
        assertRefused(valid().field("fromNode", macros.value()), 400, "MACROS_NOT_ALLOWED");
        NodeId renamed = cloudDocument("bulletin.docx", TestFiles.docx(), TestFiles.DOCX);
        assertRefused(valid().field("fromNode", renamed.value()).field("name", "bulletin.vbs"), 400, "EXECUTABLE_NAME");
        Map<String, byte[]> parts = new LinkedHashMap<>(TestFiles.docxParts());
        NodeId good = cloudDocument("from cloud.docx", TestFiles.zip(parts), TestFiles.DOCX);
        assertThat(stored()).as("nothing stored").isEqualTo(before);
        assertAccepted(valid().field("fromNode", good.value()), "from cloud.docx", TestFiles.DOCX);
    }
}
