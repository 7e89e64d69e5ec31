package org.locker.service.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locker.core.directory.importing.DirectoryImport;
import org.locker.service.support.ApiClient.BinaryResponse;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.ServiceTestBase;
import org.locker.service.support.TestPdfs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 15, split distribution over HTTP: a class of 30 students (its own service, so that the demo school the other
 * tests count stays as it is), one PDF with a page per student and one page without a name, both matching modes, the
 * unmatched page assigned and the whole validated once, and each family reading its own child's pages only.
 */
class SplitIT extends ServiceTestBase {

    private static final String TEACHER = "t.split";
    private static final String OTHER_TEACHER = "t.other";

    @Autowired
    DirectoryImport directoryImport;

    @DynamicPropertySource
    static void splitSchool(DynamicPropertyRegistry registry) {
        registry.add("locker.demo.enabled", () -> "false");
        registry.add("locker.upload-limit", () -> "5MB");
        registry.add("locker.request-limit", () -> "10MB");
    }

    /** Students of 3S: last and first names, accents included, not in name order in the file. */
    static final List<String[]> STUDENTS = students();

    private static List<String[]> students() {
        String[] last = {
            "Martin",
            "Bernard",
            "Dubois",
            "Thomas",
            "Robert",
            "Richard",
            "Petit",
            "Durand",
            "Leroy",
            "Moreau",
            "Simon",
            "Laurent",
            "Lefèvre",
            "Michel",
            "Garcia",
            "David",
            "Bertrand",
            "Roux",
            "Vincent",
            "Fournier",
            "Morel",
            "Girard",
            "André",
            "Lefebvre",
            "Mercier",
            "Dupont",
            "Lambert",
            "Bonnet",
            "François",
            "Martinez"
        };
        String[] first = {
            "Emma", "Gabriel", "Jade", "Léo", "Louise", "Raphaël", "Ambre", "Arthur", "Alice", "Louis", "Rose", "Jules",
            "Anna", "Adam", "Mia", "Lucas", "Léna", "Hugo", "Chloé", "Noah", "Inès", "Tom", "Zoé", "Nathan", "Éloïse",
            "Paul", "Lina", "Sacha", "Manon", "Enzo"
        };
        List<String[]> students = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            students.add(new String[] {"s3." + i, first[i], last[i]});
        }
        return students;
    }

    /** The school is imported once for the class (an import is a sync: the same file changes nothing after). */
    private static boolean imported;

    @BeforeEach
    void school() {
        if (imported) {
            return;
        }
        imported = true;
        StringBuilder file = new StringBuilder(
                "type,id,label,profile,first_name,last_name,email,classes,children,delegate_of,password\n"
                        + "class,3S,Troisième S,,,,,,,,\n" + "class,3T,Troisième T,,,,,,,,\n"
                        + "person,t.split,,teacher,Sarah,Split,,3S|3T,,,demo\n"
                        + "person,t.other,,teacher,Olivier,Other,,3S,,,demo\n"
                        + "person,p.staff,,staff,Pia,Staff,,,,,demo\n"
                        + "person,t.orphan,,student,Orphée,Seul,,3T,,,demo\n"
                        + "person,t.kid,,student,Kim,Kid,,3T,,,demo\n"
                        + "person,g.kid,,guardian,Karl,Kid,,,t.kid,,demo\n"
                        + "class,3U,Troisième U,,,,,,,,\n"
                        + "person,u.ana,,student,Ana,Frère,,3U,,,demo\n"
                        + "person,u.bea,,student,Béa,Frère,,3U,,,demo\n"
                        + "person,g.sib,,guardian,Gil,Frère,,,u.ana|u.bea,,demo\n");
        for (String[] s : STUDENTS) {
            file.append("person,%s,,student,%s,%s,,3S,,,demo\n".formatted(s[0], s[1], s[2]));
            file.append("person,g%s,,guardian,Parent,%s,,,%s,,demo\n".formatted(s[0], s[2], s[0]));
        }
        assertThat(directoryImport.run(new StringReader(file.toString()), false).valid())
                .isTrue();
    }

    /** Page texts: the students from the last to the first, page 16 a page no student's name is on. */
    private static List<String> reportCards() {
        List<String> pages = new ArrayList<>();
        for (int i = STUDENTS.size() - 1; i >= 0; i--) {
            String[] s = STUDENTS.get(i);
            // half the pages "Last First" in capitals, half "First Last": the matching folds case and order
            String name = i % 2 == 0 ? (s[2] + " " + s[1]).toUpperCase(java.util.Locale.ROOT) : s[1] + " " + s[2];
            pages.add("Bulletin du premier trimestre\nÉlève : " + name + "\nClasse : 3S");
            if (pages.size() == 15) {
                pages.add("Annexe : calendrier des conseils de classe");
            }
        }
        return pages;
    }

    @Test
    void shouldSplitByTextAssignTheUnmatchedPageAndDepositEachChildsPagesToTheirGuardiansOnce() throws Exception {
        Response analysed = analyse(TEACHER, TestPdfs.pages(reportCards()), "by_text", null, "3S");
        assertThat(analysed.status()).as(analysed.body()).isEqualTo(201);
        Map<String, Object> draft = analysed.json();
        assertThat(draft).containsEntry("pages", 31).containsEntry("state", "DRAFT");
        assertThat(draft.get("unmatched")).isEqualTo(List.of(16));
        List<Map<String, Object>> students = list(draft.get("students"));
        assertThat(students).hasSize(30);
        // class order: last name, first name
        assertThat(students.get(0).get("name")).isEqualTo("André Zoé");
        assertThat(pagesOf(draft, "s3.0")).containsExactly(31); // Martin Emma, last student of the file's reverse
        assertThat(pagesOf(draft, "s3.29")).containsExactly(1);
        assertThat(pagesOf(draft, "s3.24")).containsExactly(6); // Éloïse Mercier, accents folded

        String id = (String) draft.get("id");
        // a reload finds it; nothing went out before validation
        assertThat(api().get("/api/v1/splits/" + id, TEACHER).json().get("unmatched"))
                .isEqualTo(List.of(16));
        assertThat(lockerOf("gs3.0")).isEmpty();

        Response early = validate(TEACHER, id);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json()).containsEntry("reason", "SPLIT_UNASSIGNED_PAGES");
        assertThat(lockerOf("gs3.0")).isEmpty();

        // the annex goes to Emma Martin with her report card
        Map<String, List<Integer>> assignment = assignment(draft);
        assignment.get("s3.0").add(16);
        Response adjusted = putAssignments(TEACHER, id, assignment, List.of());
        assertThat(adjusted.status()).as(adjusted.body()).isEqualTo(200);
        assertThat(adjusted.json().get("unmatched")).isEqualTo(List.of());
        assertThat(pagesOf(adjusted.json(), "s3.0")).containsExactly(16, 31);

        Response validated = validate(TEACHER, id);
        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
        assertThat(validated.json()).containsEntry("state", "VALIDATED");
        String emmas = documentOf(validated.json(), "s3.0");
        String gabriels = documentOf(validated.json(), "s3.1");

        // validating again deposits nothing more
        Response again = validate(TEACHER, id);
        assertThat(again.status()).isEqualTo(200);
        assertThat(documentOf(again.json(), "s3.0")).isEqualTo(emmas);
        assertThat(lockerOf("gs3.0")).hasSize(1);
        assertThat(putAssignments(TEACHER, id, assignment, List.of()).json())
                .containsEntry("reason", "SPLIT_ALREADY_VALIDATED");

        // Emma's guardian reads her two pages, named after her, and nothing of Gabriel's
        Map<String, Object> entry = lockerOf("gs3.0").get(0);
        assertThat(entry.get("name")).isEqualTo("bulletins-3S - Martin Emma.pdf");
        BinaryResponse content = api().getBytes("/api/v1/lockers/documents/" + emmas + "/content", "gs3.0");
        assertThat(content.status()).isEqualTo(200);
        try (PDDocument own = Loader.loadPDF(content.body())) {
            assertThat(own.getNumberOfPages()).isEqualTo(2);
            String text = new PDFTextStripper().getText(own);
            assertThat(text).contains("EMMA").contains("Annexe").doesNotContain("Gabriel");
        }
        assertThat(api().get("/api/v1/lockers/documents/" + gabriels + "/content", "gs3.0")
                        .status())
                .isEqualTo(404);
        assertThat(api().get("/api/v1/lockers/documents/" + gabriels + "/content", "gs3.1")
                        .status())
                .isEqualTo(200);
        assertThat(lockerOf("gs3.1")).hasSize(1);
        // each family is told of the report cards with their own child named, never another family's
        List<Map<String, Object>> told =
                list(api().get("/api/v1/notifications?limit=50", "gs3.0").json().get("entries"));
        assertThat(told)
                .filteredOn(n -> "bulletins-3S.pdf".equals(n.get("title")))
                .singleElement()
                .satisfies(n -> assertThat(list(n.get("children")))
                        .extracting(c -> c.get("displayName"))
                        .containsExactly("Emma Martin"));
    }

    @Test
    void shouldSplitAFixedNumberOfPagesPerStudentInClassOrder() {
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            pages.add("Convocation page " + (i % 2 + 1));
        }
        Response analysed = analyse(TEACHER, TestPdfs.pages(pages), "fixed", 2, "3S");
        assertThat(analysed.status()).as(analysed.body()).isEqualTo(201);
        List<Map<String, Object>> students = list(analysed.json().get("students"));
        assertThat(students.get(0)).containsEntry("name", "André Zoé").containsEntry("pages", List.of(1, 2));
        assertThat(students.get(29)).containsEntry("name", "Vincent Chloé").containsEntry("pages", List.of(59, 60));
        assertThat(analysed.json().get("unmatched")).isEqualTo(List.of());

        Response mismatch = analyse(TEACHER, TestPdfs.pages(pages.subList(0, 59)), "fixed", 2, "3S");
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.json()).containsEntry("reason", "SPLIT_PAGE_COUNT_MISMATCH");
        assertThat(mismatch.body()).contains("\"en\"", "\"fr\"");
    }

    @Test
    void shouldRefuseBadInputAndStoreNothing() {
        int before = api().get("/api/v1/splits", TEACHER).jsonList().size();
        byte[] pdf = TestPdfs.pages(List.of("Kid Kim"));
        assertThat(reason(analyse(TEACHER, "not a pdf".getBytes(StandardCharsets.UTF_8), "by_text", null, "3S")))
                .isEqualTo("SPLIT_NOT_A_PDF");
        assertThat(reason(analyse(TEACHER, TestPdfs.encrypted(), "by_text", null, "3S")))
                .isEqualTo("SPLIT_NOT_A_PDF");
        assertThat(reason(analyse(TEACHER, new byte[0], "by_text", null, "3S"))).isEqualTo("EMPTY_FILE");
        assertThat(reason(analyse(TEACHER, pdf, "by_text", null, "9Z"))).isEqualTo("SPLIT_UNKNOWN_CLASS");
        assertThat(reason(analyse(TEACHER, pdf, "by_guess", null, "3T"))).isEqualTo("SPLIT_UNKNOWN_MODE");
        assertThat(reason(analyse(TEACHER, pdf, "fixed", 0, "3T"))).isEqualTo("SPLIT_INVALID_PAGES_PER_STUDENT");
        assertThat(reason(analyse(TEACHER, pdf, "fixed", 1, "3T"))).isEqualTo("SPLIT_PAGE_COUNT_MISMATCH");
        assertThat(api().get("/api/v1/splits", TEACHER).jsonList()).hasSize(before);
    }

    @Test
    void shouldRefuseToValidateWhileAStudentWithPagesHasNoGuardian() {
        Response analysed = analyse(TEACHER, TestPdfs.pages(List.of("SEUL Orphée", "Kim Kid")), "by_text", null, "3T");
        String id = (String) analysed.json().get("id");
        Response refused = validate(TEACHER, id);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json()).containsEntry("reason", "SPLIT_NO_GUARDIANS");
        assertThat(refused.body()).contains("Seul Orphée");
        assertThat(lockerOf("g.kid")).isEmpty();

        Map<String, List<Integer>> assignment = assignment(analysed.json());
        assignment.get("t.orphan").clear();
        assertThat(putAssignments(TEACHER, id, assignment, List.of(1)).status()).isEqualTo(200);
        Response validated = validate(TEACHER, id);
        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
        assertThat(lockerOf("g.kid")).hasSize(1);
    }

    /** Siblings: one guardian, two deposits in one validation, their one publication window made once. */
    @Test
    void shouldDepositEachSiblingsPagesToTheirSharedGuardian() {
        Response analysed =
                analyse(TEACHER, TestPdfs.pages(List.of("Frère Béa", "Ana FRERE", "Ana Frère")), "by_text", null, "3U");
        assertThat(analysed.status()).as(analysed.body()).isEqualTo(201);
        assertThat(pagesOf(analysed.json(), "u.ana")).containsExactly(2, 3);
        Response validated = validate(TEACHER, (String) analysed.json().get("id"));
        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
        assertThat(lockerOf("g.sib"))
                .extracting(e -> e.get("name"))
                .containsExactlyInAnyOrder("bulletins-3S - Frère Ana.pdf", "bulletins-3S - Frère Béa.pdf");
        // one part per child, each opened by the id the locker lists: the guardian of both reads each one's pages
        for (Map<String, Object> entry : lockerOf("g.sib")) {
            BinaryResponse content =
                    api().getBytes("/api/v1/lockers/documents/" + entry.get("id") + "/content", "g.sib");
            assertThat(content.status()).isEqualTo(200);
            int pages = entry.get("name").toString().contains("Ana") ? 2 : 1;
            try (PDDocument own = Loader.loadPDF(content.body())) {
                assertThat(own.getNumberOfPages()).isEqualTo(pages);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void shouldKeepADraftToItsDepositorOnly() {
        String id = (String) analyse(TEACHER, TestPdfs.pages(List.of("Kim Kid")), "by_text", null, "3T")
                .json()
                .get("id");
        String draft = "/api/v1/splits/" + id;
        for (String outsider : List.of(OTHER_TEACHER, "p.staff")) {
            assertThat(api().get(draft, outsider).status()).isEqualTo(404);
            assertThat(api().get(draft + "/pages/1", outsider).status()).isEqualTo(404);
            assertThat(putAssignments(outsider, id, Map.of(), List.of()).status())
                    .isEqualTo(404);
            assertThat(validate(outsider, id).status()).isEqualTo(404);
        }
        for (String family : List.of("g.kid", "t.kid")) {
            assertThat(api().get(draft, family).status()).isEqualTo(403);
            assertThat(api().get("/api/v1/splits", family).status()).isEqualTo(403);
            assertThat(analyse(family, TestPdfs.pages(List.of("Kim Kid")), "by_text", null, "3T")
                            .status())
                    .isEqualTo(403);
            assertThat(validate(family, id).status()).isEqualTo(403);
        }
        assertThat(api().get(draft, null).status()).isEqualTo(401);
        assertThat(api().get(draft, TEACHER).status()).isEqualTo(200);
        BinaryResponse page = api().getBytes(draft + "/pages/1", TEACHER);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(api().get("/api/v1/splits", OTHER_TEACHER).body()).doesNotContain(id);
    }

    /** Its owner deletes a draft (PDF included), never a validated one; to anyone else a draft is not found. */
    @Test
    void shouldDeleteADraftForItsOwnerOnlyAndKeepAValidatedOne() {
        String id = (String) analyse(TEACHER, TestPdfs.pages(List.of("Kim Kid")), "by_text", null, "3T")
                .json()
                .get("id");
        String draft = "/api/v1/splits/" + id;
        for (String outsider : List.of(OTHER_TEACHER, "p.staff")) {
            Response refused = api().request("DELETE", draft, outsider, null, null);
            assertThat(refused.status()).as(refused.body()).isEqualTo(404);
            assertThat(refused.json()).containsEntry("reason", "SPLIT_UNKNOWN_DRAFT");
        }
        assertThat(api().get(draft, TEACHER).status()).isEqualTo(200);

        Response deleted = api().request("DELETE", draft, TEACHER, null, null);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(api().get("/api/v1/splits", TEACHER).body()).doesNotContain(id);
        assertThat(api().get(draft, TEACHER).status()).isEqualTo(404);
        assertThat(api().get(draft + "/pages/1", TEACHER).status()).isEqualTo(404);
        Response late = validate(TEACHER, id);
        assertThat(late.status()).as(late.body()).isEqualTo(404);
        assertThat(late.json()).containsEntry("reason", "SPLIT_UNKNOWN_DRAFT");
        assertThat(api().request("DELETE", draft, TEACHER, null, null).status()).isEqualTo(404);

        // validated: Raphaël Richard's page to his guardian only (no other test counts that locker)
        String validatedId =
                (String) analyse(TEACHER, TestPdfs.pages(List.of("Raphaël Richard")), "by_text", null, "3S")
                        .json()
                        .get("id");
        assertThat(validate(TEACHER, validatedId).status()).isEqualTo(200);
        Response kept = api().request("DELETE", "/api/v1/splits/" + validatedId, TEACHER, null, null);
        assertThat(kept.status()).as(kept.body()).isEqualTo(409);
        assertThat(kept.json()).containsEntry("reason", "SPLIT_VALIDATED_NOT_DELETABLE");
        assertThat(kept.body()).contains("\"en\"", "\"fr\"");
        assertThat(api().get("/api/v1/splits", TEACHER).body()).contains(validatedId);
    }

    // ------------------------------------------------------------------ helpers

    private Response analyse(String user, byte[] pdf, String mode, Integer perStudent, String schoolClass) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("mode", mode);
        fields.put("class", schoolClass);
        fields.put("name", "bulletins-3S.pdf");
        if (perStudent != null) {
            fields.put("pagesPerStudent", String.valueOf(perStudent));
        }
        String boundary = "split-it-" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> out.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report-cards.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(pdf);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api().request(
                        "POST", "/api/v1/splits", user, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    private Response validate(String user, String id) {
        String json =
                """
                {"documentType":"CIRCULAR","memo":"Bulletins du 1er trimestre","publishFrom":"%s","publishTo":"%s"}""".formatted(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        return api().request(
                        "POST",
                        "/api/v1/splits/" + id + "/validate",
                        user,
                        "application/json",
                        json.getBytes(StandardCharsets.UTF_8));
    }

    private Response putAssignments(
            String user, String id, Map<String, List<Integer>> assignment, List<Integer> discarded) {
        StringBuilder json = new StringBuilder("{\"students\":[");
        String separator = "";
        for (Map.Entry<String, List<Integer>> student : assignment.entrySet()) {
            json.append(separator)
                    .append("{\"id\":\"")
                    .append(student.getKey())
                    .append("\",\"pages\":")
                    .append(student.getValue())
                    .append("}");
            separator = ",";
        }
        json.append("],\"discarded\":").append(discarded).append("}");
        return api().request(
                        "PUT",
                        "/api/v1/splits/" + id + "/assignments",
                        user,
                        "application/json",
                        json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, List<Integer>> assignment(Map<String, Object> draft) {
        Map<String, List<Integer>> assignment = new LinkedHashMap<>();
        for (Map<String, Object> student : list(draft.get("students"))) {
            List<Integer> pages = new ArrayList<>();
            ((List<?>) student.get("pages")).forEach(p -> pages.add(((Number) p).intValue()));
            assignment.put((String) student.get("id"), pages);
        }
        return assignment;
    }

    private static List<Object> pagesOf(Map<String, Object> draft, String student) {
        return list(draft.get("students")).stream()
                .filter(s -> student.equals(s.get("id")))
                .findFirst()
                .map(s -> (List<Object>) s.get("pages"))
                .orElseThrow();
    }

    private static String documentOf(Map<String, Object> draft, String student) {
        return list(draft.get("students")).stream()
                .filter(s -> student.equals(s.get("id")))
                .findFirst()
                .map(s -> (String) s.get("document"))
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> lockerOf(String user) {
        Response response = api().get("/api/v1/lockers/mine?limit=200", user);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return (List<Map<String, Object>>) response.json().get("entries");
    }

    private static String reason(Response response) {
        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        return (String) response.json().get("reason");
    }
}
