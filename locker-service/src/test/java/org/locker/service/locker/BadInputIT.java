package org.locker.service.locker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.Form;

/** Bad input: a 4xx problem with a stable reason, in French and English, and nothing stored. */
class BadInputIT extends LockerTestBase {

    private static final String DEPOSITOR = "t.marchand";

    private Form valid() {
        return new Form().field("documentType", "REPORT_CARD").field("recipients", "user:t.rey");
    }

    private void assertRefused(Form form, int status, String reason) {
        assertRefused(DEPOSITOR, form, status, reason);
    }

    private void assertRefused(String user, Form form, int status, String reason) {
        // the newest page's ids: a stored deposit would come first (the list is paged)
        List<Object> distributions = api().get("/api/v1/lockers/distributions", DEPOSITOR).items().stream()
                .map(d -> d.get("id"))
                .toList();
        int audit = api().get("/api/v1/lockers/audit", "principal").jsonList().size();
        Response response = deposit(user, form);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.reason()).as(response.body()).isEqualTo(reason);
        assertThat(response.json().get("messages")).asString().contains("en=").contains("fr=");
        assertThat(api().get("/api/v1/lockers/distributions", DEPOSITOR).items().stream()
                        .map(d -> d.get("id"))
                        .toList())
                .isEqualTo(distributions);
        assertThat(api().get("/api/v1/lockers/audit", "principal").jsonList()).hasSize(audit);
    }

    @Test
    void shouldRefuseAnEmptyFile() {
        assertRefused(valid().file("empty.pdf", "application/pdf", new byte[0]), 400, "EMPTY_FILE");
    }

    @Test
    void shouldRefuseAFileOverTheLimit() {
        byte[] big = new byte[1_200_000];
        Arrays.fill(big, (byte) 'a');
        System.arraycopy(pdf("big"), 0, big, 0, pdf("big").length);
        assertRefused(valid().file("big.pdf", "application/pdf", big), 413, "FILE_TOO_LARGE");
    }

    @Test
    void shouldJudgeTheTypeOnTheContent() {
        byte[] executable = new byte[512];
        executable[0] = 'M';
        executable[1] = 'Z';
        executable[60] = (byte) 0x80;
        assertRefused(valid().file("bulletin.pdf", "application/pdf", executable), 400, "TYPE_NOT_ACCEPTED");
        byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertRefused(valid().file("bulletin.pdf", "application/pdf", elf), 400, "TYPE_NOT_ACCEPTED");
    }

    @Test
    void shouldRefuseBadNames() {
        assertRefused(valid().pdfFile("ok.pdf", "x").field("name", "../../etc/passwd"), 400, "INVALID_NAME");
        assertRefused(valid().pdfFile("ok.pdf", "x").field("name", "a\\b.pdf"), 400, "INVALID_NAME");
        assertRefused(valid().pdfFile("ok.pdf", "x").field("name", "..."), 400, "INVALID_NAME");
        assertRefused(valid().pdfFile("ok.pdf", "x").field("name", "bad\u0007name.pdf"), 400, "INVALID_NAME");
    }

    @Test
    void shouldKeepAnExtensionThatMatchesTheDetectedType() {
        Response renamed = deposit(DEPOSITOR, valid().pdfFile("scan.pdf", "x").field("name", "Bulletin T1"));
        assertThat(renamed.jsonList().get(0)).containsEntry("name", "Bulletin T1.pdf");
        Response text = deposit(
                DEPOSITOR,
                valid().file("notes.pdf", "application/pdf", "just some notes".getBytes(StandardCharsets.UTF_8)));
        assertThat(text.status()).isEqualTo(201);
        assertThat(text.jsonList().get(0)).containsEntry("name", "notes.txt");
    }

    @Test
    void shouldRefuseALongMemo() {
        assertRefused(valid().pdfFile("ok.pdf", "x").field("memo", "m".repeat(2_001)), 400, "MEMO_TOO_LONG");
        assertThat(deposit(DEPOSITOR, valid().pdfFile("ok.pdf", "x").field("memo", "m".repeat(2_000)))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void shouldRefuseUnknownRecipientsAndTypes() {
        assertRefused(
                new Form()
                        .pdfFile("ok.pdf", "x")
                        .field("documentType", "REPORT_CARD")
                        .field("recipients", "user:t.rey")
                        .field("recipients", "user:nobody"),
                400,
                "UNKNOWN_RECIPIENT");
        assertRefused(
                new Form()
                        .pdfFile("ok.pdf", "x")
                        .field("documentType", "REPORT_CARD")
                        .field("recipients", "team:9Z"),
                400,
                "UNKNOWN_RECIPIENT");
        assertRefused(
                new Form()
                        .pdfFile("ok.pdf", "x")
                        .field("documentType", "REPORT_CARD")
                        .field("recipients", "user:e.emma.martin"),
                400,
                "UNKNOWN_RECIPIENT");
        assertRefused(
                new Form()
                        .pdfFile("ok.pdf", "x")
                        .field("documentType", "REPORT_CARD")
                        .field("recipients", "category:student"),
                400,
                "UNKNOWN_RECIPIENT");
        assertRefused(
                new Form()
                        .pdfFile("ok.pdf", "x")
                        .field("documentType", "SECRET")
                        .field("recipients", "user:t.rey"),
                400,
                "UNKNOWN_DOCUMENT_TYPE");
    }

    @Test
    void shouldRefuseStudents() {
        assertRefused("e.emma.martin", valid().pdfFile("ok.pdf", "x"), 403, "STUDENTS_CANNOT_DEPOSIT");
    }

    @Test
    void shouldLetTheAdministratorManageDocumentTypes() {
        Response changed = putJson(
                "/api/v1/lockers/settings",
                "principal",
                "{\"documentTypes\":[\"REPORT_CARD\",\"CIRCULAR\",\"FORM\",\"CERTIFICATE\",\"MEETING_MINUTES\","
                        + "\"INTERNSHIP_AGREEMENT\",\"TIMETABLE\",\"COURSE_MATERIAL\",\"OTHER\",\"MENU\"]}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(api().get("/api/v1/lockers/document-types", "t.rey").body()).contains("\"MENU\"");
        assertThat(deposit(
                                DEPOSITOR,
                                new Form()
                                        .pdfFile("menu.pdf", "x")
                                        .field("documentType", "MENU")
                                        .field("recipients", "user:t.rey"))
                        .status())
                .isEqualTo(201);
        assertThat(putJson("/api/v1/lockers/settings", "principal", "{\"documentTypes\":[\"?!\"]}")
                        .reason())
                .isEqualTo("DOCUMENT_TYPE_LABEL_INVALID");
    }
}
