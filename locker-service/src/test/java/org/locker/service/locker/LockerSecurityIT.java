package org.locker.service.locker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;
import org.locker.service.support.AccessMatrix;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.Form;

/** Each profile × each locker endpoint, and visibility read through the platform as the user. */
class LockerSecurityIT extends LockerTestBase {

    private static final String ADMIN = "principal";
    private static final String TEACHER = "t.girard";
    private static final String STAFF = "p.benali";
    private static final String COUNSELOR = "c.barbier";
    private static final String GUARDIAN = "r.sophie.martin";
    private static final String STUDENT = "e.emma.martin";
    private static final String ANONYMOUS = null;
    private static final List<String> EVERYONE =
            java.util.Arrays.asList(ADMIN, TEACHER, STAFF, COUNSELOR, GUARDIAN, STUDENT, ANONYMOUS);

    private final AccessMatrix matrix = new AccessMatrix(EVERYONE);

    @Test
    void shouldAdmitEachProfileExactlyWhereItShould() {
        String document = depositPdf("t.rey", "matrix.pdf", "user:" + COUNSELOR);
        int personnelAndGuardian = 200;

        matrix.check("GET settings", u -> api().get("/api/v1/lockers/settings", u), matrix.expect(403, ADMIN, 200));
        matrix.check("PUT settings", u -> putJson("/api/v1/lockers/settings", u, "{}"), matrix.expect(403, ADMIN, 200));
        matrix.check(
                "GET document-types",
                u -> api().get("/api/v1/lockers/document-types", u),
                matrix.expect(personnelAndGuardian, STUDENT, 403));
        matrix.check(
                "GET candidates",
                u -> api().get("/api/v1/lockers/candidates?category=staff", u),
                matrix.expect(200, STUDENT, 403));
        matrix.check("GET mine", u -> api().get("/api/v1/lockers/mine", u), matrix.expect(200, STUDENT, 403));
        matrix.check(
                "GET distributions",
                u -> api().get("/api/v1/lockers/distributions", u),
                matrix.expect(200, STUDENT, 403));
        matrix.check("GET audit", u -> api().get("/api/v1/lockers/audit", u), matrix.expect(403, ADMIN, 200));
        matrix.check("GET audit.csv", u -> api().get("/api/v1/lockers/audit.csv", u), matrix.expect(403, ADMIN, 200));
        matrix.check(
                "POST reconcile",
                u -> api().post("/api/v1/lockers/windows/reconcile", u, "application/json", ""),
                matrix.expect(403, ADMIN, 200));
        matrix.check(
                "POST deposits",
                u -> deposit(
                        u,
                        new Form()
                                .pdfFile("m.pdf", "m")
                                .field("documentType", "OTHER")
                                .field("recipients", "user:t.colin")),
                matrix.expect(201, GUARDIAN, 403, STUDENT, 403));
        matrix.check("GET content", u -> download(u, document), matrix.expect(404, COUNSELOR, 200, STUDENT, 403));
        // the matrix's document is a stub PDF that cannot be drawn: its reader gets past the permission check to
        // the content's judgement (409), everyone else stops at the check
        matrix.check(
                "GET preview",
                u -> api().get("/api/v1/lockers/documents/" + document + "/preview", u),
                matrix.expect(404, COUNSELOR, 409, STUDENT, 403));
        matrix.check(
                "GET preview page",
                u -> api().get("/api/v1/lockers/documents/" + document + "/preview/pages/1", u),
                matrix.expect(404, COUNSELOR, 409, STUDENT, 403));
        matrix.check(
                "GET versions",
                u -> api().get("/api/v1/lockers/documents/" + document + "/versions", u),
                matrix.expect(404, COUNSELOR, 200, STUDENT, 403));
        matrix.check(
                "POST version",
                u -> send(
                        "POST",
                        "/api/v1/lockers/documents/" + document + "/versions",
                        u,
                        new Form().pdfFile("matrix.pdf", "v2")),
                matrix.expect(404, COUNSELOR, 403, STUDENT, 403));
        matrix.check(
                "DELETE document",
                u -> delete("/api/v1/lockers/documents/" + document, u),
                matrix.expect(404, COUNSELOR, 403, STUDENT, 403));

        assertThat(matrix.failures()).isEmpty();
        assertThat(download("t.rey", document).status()).isEqualTo(200);
        assertThat(delete("/api/v1/lockers/documents/" + document, "t.rey").status())
                .isEqualTo(204);
    }

    /** Split distribution (issue 15): the establishment splits, families never; a draft is its depositor's only. */
    @Test
    void shouldAdmitEachProfileToSplitDistributionExactlyWhereItShould() {
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pages.add("Report card " + i);
        }
        byte[] pdf = org.locker.service.support.TestPdfs.pages(pages);
        AccessMatrix.Call analyse = u -> send(
                "POST",
                "/api/v1/splits",
                u,
                new Form()
                        .file("cards.pdf", "application/pdf", pdf)
                        .field("class", "6A")
                        .field("mode", "fixed")
                        .field("pagesPerStudent", "1"));
        Response own = analyse.as("t.rey");
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        String draft = "/api/v1/splits/" + own.json().get("id");
        Map<String, Integer> ownersOnly = matrix.expect(404, GUARDIAN, 403, STUDENT, 403);

        matrix.check("POST splits", analyse, matrix.expect(201, GUARDIAN, 403, STUDENT, 403));
        matrix.check(
                "GET splits", u -> api().get("/api/v1/splits", u), matrix.expect(200, GUARDIAN, 403, STUDENT, 403));
        matrix.check("GET split", u -> api().get(draft, u), ownersOnly);
        matrix.check("GET split page", u -> api().get(draft + "/pages/1", u), ownersOnly);
        matrix.check(
                "PUT split assignments",
                u -> putJson(draft + "/assignments", u, "{\"students\":[],\"discarded\":[]}"),
                ownersOnly);
        matrix.check(
                "POST split validate",
                u -> request(
                        "POST",
                        draft + "/validate",
                        u,
                        "application/json",
                        "{\"documentType\":\"OTHER\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                ownersOnly);
        matrix.check("DELETE split", u -> delete(draft, u), ownersOnly);

        assertThat(matrix.failures()).isEmpty();
        assertThat(api().get(draft, "t.rey").status()).isEqualTo(200);
        // the platform itself keeps the uploaded PDF from everyone else
        for (String user : List.of(TEACHER, STAFF, COUNSELOR, GUARDIAN, STUDENT, ADMIN)) {
            try (PlatformSession session = platform.sessionAs(UserId.of(user))) {
                assertThat(session.findNode(NodeId.of((String) own.json().get("id"))))
                        .as(user)
                        .isEmpty();
            }
        }
        // nobody above deleted it; its owner does
        assertThat(delete(draft, "t.rey").status()).isEqualTo(204);
        assertThat(api().get(draft, "t.rey").status()).isEqualTo(404);
    }

    @Test
    void shouldHideADepositFromNonRecipientsOnThePlatformItself() {
        String document = depositPdf("t.rey", "private.pdf", "user:" + COUNSELOR);
        for (String user : List.of(TEACHER, STAFF, GUARDIAN, STUDENT, ADMIN)) {
            try (PlatformSession session = platform.sessionAs(UserId.of(user))) {
                assertThat(session.findNode(NodeId.of(document))).as(user).isEmpty();
            }
        }
        try (PlatformSession session = platform.sessionAs(UserId.of(COUNSELOR))) {
            assertThat(session.findNode(NodeId.of(document))).isPresent();
            assertThat(session.canWrite(NodeId.of(document))).isFalse();
        }
    }
}
