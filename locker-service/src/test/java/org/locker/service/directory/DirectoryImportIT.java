package org.locker.service.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locker.core.directory.importing.DirectoryImport;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.ServiceTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The directory import through the HTTP API, on its own empty repository. */
class DirectoryImportIT extends ServiceTestBase {

    private static final String HEADER =
            "type,id,label,profile,first_name,last_name,email,classes,children,delegate_of,password\n";
    private static final String SCHOOL = HEADER
            + "class,6A,Sixième A,,,,,,,,\n"
            + "class,5B,Cinquième B,,,,,,,,\n"
            + "person,admin.one,,administrator,Ada,Admin,,,,,demo\n"
            + "person,t.one,,teacher,Tina,One,t.one@school.fr,6A,,,demo\n"
            + "person,t.two,,teacher,Tom,Two,,5B,,,demo\n"
            + "person,s.one,,student,Sam,One,,6A,,,demo\n"
            + "person,s.two,,student,Sue,Two,,5B,,,demo\n"
            + "person,g.one,,guardian,Gus,One,,,s.one,6A,demo\n"
            + "person,g.two,,guardian,Gil,Two,,,s.two|s.one,,demo\n";

    @Autowired
    DirectoryImport directoryImport;

    @DynamicPropertySource
    static void emptyRepository(DynamicPropertyRegistry registry) {
        registry.add("locker.demo.enabled", () -> "false");
    }

    @BeforeEach
    void startFromTheBaseSchool() {
        // the base school is imported through the engine, so that an administrator exists for the API calls
        assertThat(directoryImport.run(new StringReader(SCHOOL), false).valid()).isTrue();
    }

    private Response importCsv(String csv) {
        return api().post("/api/v1/directory/import", "admin.one", "text/csv", csv);
    }

    @Test
    void shouldImportAGoodFileAndReport() {
        Response response = importCsv(SCHOOL + "person,t.three,,teacher,Theo,Three,,6A|5B,,,demo\n");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json())
                .containsEntry("applied", true)
                .containsEntry("classes", 2)
                .containsEntry("persons", 8)
                .containsEntry("usersCreated", 1)
                .containsEntry("usersUpdated", 0);
        assertThat(ids(api().get("/api/v1/directory/classes/5B/team", "t.one").jsonList()))
                .containsExactlyInAnyOrder("t.two", "t.three");
        assertThat(api().get("/api/v1/me", "t.three").json()).containsEntry("profile", "teacher");
    }

    @Test
    void shouldBeIdempotent() {
        Response again = importCsv(SCHOOL);

        assertThat(again.json())
                .containsEntry("usersCreated", 0)
                .containsEntry("usersUpdated", 0)
                .containsEntry("groupsCreated", 0)
                .containsEntry("membershipsAdded", 0)
                .containsEntry("membershipsRemoved", 0);
    }

    @Test
    void shouldChangeMembershipsOnReimport() {
        String changed = HEADER
                + "class,6A,Sixième A,,,,,,,,\n"
                + "class,5B,Cinquième B (bilingue),,,,,,,,\n"
                + "person,admin.one,,administrator,Ada,Admin,,,,,\n"
                + "person,t.one,,teacher,Tina,One-Renamed,t.one@school.fr,5B,,,\n"
                + "person,t.two,,teacher,Tom,Two,,5B,,,\n"
                + "person,s.one,,student,Sam,One,,5B,,,\n"
                + "person,s.two,,student,Sue,Two,,5B,,,\n"
                + "person,g.one,,guardian,Gus,One,,,s.one,,\n"
                + "person,g.two,,guardian,Gil,Two,,,s.two|s.one,5B,\n";

        Response response = importCsv(changed);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).containsEntry("usersUpdated", 4);
        Map<String, Object> sixthA =
                api().get("/api/v1/directory/classes/6A", "t.two").json();
        assertThat(ids(sixthA.get("students"))).isEmpty();
        assertThat(ids(sixthA.get("team"))).isEmpty();
        assertThat(ids(sixthA.get("guardians"))).isEmpty();
        assertThat(ids(sixthA.get("delegates"))).isEmpty();
        Map<String, Object> fifthB =
                api().get("/api/v1/directory/classes/5B", "t.two").json();
        assertThat(fifthB).containsEntry("name", "Cinquième B (bilingue)");
        assertThat(ids(fifthB.get("students"))).containsExactlyInAnyOrder("s.one", "s.two");
        assertThat(ids(fifthB.get("team"))).containsExactlyInAnyOrder("t.one", "t.two");
        assertThat(ids(fifthB.get("guardians"))).containsExactlyInAnyOrder("g.one", "g.two");
        assertThat(ids(fifthB.get("delegates"))).containsExactly("g.two");
        assertThat(api().get("/api/v1/me", "t.one").json()).containsEntry("lastName", "One-Renamed");
        assertThat(api().get("/api/v1/me", "t.one").status())
                .as("an import never resets a password")
                .isEqualTo(200);
    }

    @Test
    void shouldKeepPersonsMissingFromTheFileButTakeThemOutOfTheClasses() {
        String withoutTeacherTwo = SCHOOL.replace("person,t.two,,teacher,Tom,Two,,5B,,,demo\n", "");

        importCsv(withoutTeacherTwo);

        assertThat(api().get("/api/v1/me", "t.two").status()).isEqualTo(200);
        assertThat(ids(api().get("/api/v1/directory/classes/5B/team", "t.one").jsonList()))
                .isEmpty();
    }

    @Test
    void shouldRefuseAFileWithMissingColumnsAndApplyNothing() {
        Response response = importCsv("type,id,profile\nclass,4C,\n");

        assertRefused(response, "MISSING_COLUMN");
        assertThat(api().get("/api/v1/directory/classes/4C", "t.one").status()).isEqualTo(404);
    }

    @Test
    void shouldRefuseAnUnknownClassAndApplyNothingElse() {
        Response response = importCsv(SCHOOL + "class,4C,,,,,,,,,\n" + "person,t.new,,teacher,N,New,,3A,,,\n");

        assertRefused(response, "UNKNOWN_CLASS");
        assertThat(problems(response))
                .containsExactly(Map.of(
                        "line",
                        12,
                        "code",
                        "UNKNOWN_CLASS",
                        "message",
                        "class '3A' in classes is not declared in this file"));
        assertThat(api().get("/api/v1/directory/classes/4C", "t.one").status())
                .as("the valid class of a refused file is not created")
                .isEqualTo(404);
        assertThat(api().get("/api/v1/directory/persons/t.new", "t.one").status())
                .isEqualTo(404);
    }

    @Test
    void shouldRefuseDuplicateIds() {
        assertRefused(importCsv(SCHOOL + "person,t.one,,staff,X,Y,,,,,\n"), "DUPLICATE_ID");
        assertThat(api().get("/api/v1/me", "t.one").json()).containsEntry("profile", "teacher");
    }

    @Test
    void shouldRefuseAGuardianOfAnUnknownStudent() {
        assertRefused(importCsv(SCHOOL + "person,g.three,,guardian,G,Three,,,s.nobody,,\n"), "UNKNOWN_STUDENT");
    }

    @Test
    void shouldRefuseAnEmptyFile() {
        assertRefused(importCsv(""), "EMPTY_FILE");
        assertRefused(importCsv(HEADER), "EMPTY_FILE");
    }

    @Test
    void shouldAcceptAnUploadedFileAndADryRun() {
        String file = SCHOOL + "person,t.four,,teacher,F,Four,,,,,\n";
        Response dryRun = api().postFile(
                        "/api/v1/directory/import?dryRun=true",
                        "admin.one",
                        "file",
                        "school.csv",
                        "text/csv",
                        file.getBytes(StandardCharsets.UTF_8));

        assertThat(dryRun.status()).isEqualTo(200);
        assertThat(dryRun.json()).containsEntry("applied", false).containsEntry("persons", 8);
        assertThat(api().get("/api/v1/directory/persons/t.four", "t.one").status())
                .isEqualTo(404);

        Response upload = api().postFile(
                        "/api/v1/directory/import",
                        "admin.one",
                        "file",
                        "school.csv",
                        "text/csv",
                        file.getBytes(StandardCharsets.UTF_8));
        assertThat(upload.json()).containsEntry("applied", true).containsEntry("usersCreated", 1);
    }

    @Test
    void shouldReportOnACheckOnlyRunExactlyWhatApplyingThenDoes() {
        // a new class, a new student in it, a teacher who changes class and a guardian who gains a child
        String file =
                SCHOOL.replace("person,t.two,,teacher,Tom,Two,,5B,,,demo", "person,t.two,,teacher,Tom,Two,,4C,,,demo")
                                .replace(
                                        "person,g.one,,guardian,Gus,One,,,s.one,6A,demo",
                                        "person,g.one,,guardian,Gus,One,,,s.one|s.three,6A,demo")
                        + "class,4C,Quatrième C,,,,,,,,\n"
                        + "person,s.three,,student,Sid,Three,,4C,,,demo\n";

        int auditedBefore = importsAudited().size();
        Map<String, Object> checked = importCsvUpload(file, true).json();
        Map<String, Object> applied = importCsvUpload(file, false).json();

        assertThat(checked).containsEntry("applied", false).containsEntry("usersCreated", 1);
        assertThat(applied).containsEntry("applied", true);
        Map<String, Object> checkedCounts = new java.util.HashMap<>(checked);
        checkedCounts.remove("applied");
        Map<String, Object> appliedCounts = new java.util.HashMap<>(applied);
        appliedCounts.remove("applied");
        assertThat(checkedCounts).isEqualTo(appliedCounts);
        assertThat(appliedCounts).containsEntry("usersCreated", 1).containsEntry("usersUpdated", 2);
        assertThat((Integer) appliedCounts.get("groupsCreated")).isPositive();
        assertThat((Integer) appliedCounts.get("membershipsRemoved")).isPositive();

        // only the applied import is in the audit trail, as done by the administrator, with its counts
        List<Map<String, Object>> audited = importsAudited();
        assertThat(audited).hasSize(auditedBefore + 1);
        assertThat(audited.get(audited.size() - 1))
                .containsEntry("actorName", "Ada Admin")
                .containsEntry(
                        "detail",
                        "classes=3; persons=8; usersCreated=1; usersUpdated=2; groupsCreated="
                                + appliedCounts.get("groupsCreated") + "; membershipsAdded="
                                + appliedCounts.get("membershipsAdded") + "; membershipsRemoved="
                                + appliedCounts.get("membershipsRemoved"));
    }

    private List<Map<String, Object>> importsAudited() {
        return api().get("/api/v1/audit?action=DIRECTORY_IMPORTED&actor=admin.one", "admin.one")
                .jsonList();
    }

    private Response importCsvUpload(String file, boolean dryRun) {
        return api().postFile(
                        "/api/v1/directory/import?dryRun=" + dryRun,
                        "admin.one",
                        "file",
                        "school.csv",
                        "text/csv",
                        file.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldRefuseAMultipartRequestWithoutAFile() {
        Response response =
                api().postFile("/api/v1/directory/import", "admin.one", "other", "x.csv", "text/csv", new byte[0]);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.reason()).isEqualTo("MISSING_IMPORT_FILE");
    }

    @Test
    void shouldLetOnlyAdministratorsImport() {
        for (String user : List.of("t.one", "s.one", "g.one")) {
            Response response = api().post("/api/v1/directory/import", user, "text/csv", SCHOOL);
            assertThat(response.status()).as(user).isEqualTo(403);
            assertThat(response.reason()).isEqualTo("FORBIDDEN_PROFILE");
        }
        assertThat(api().post("/api/v1/directory/import", null, "text/csv", SCHOOL)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void shouldRefuseACrossSiteBrowserPostWithoutCsrfToken() {
        Response forged = api().post(
                        "/api/v1/directory/import",
                        "admin.one",
                        "text/plain",
                        SCHOOL,
                        Map.of("Sec-Fetch-Site", "cross-site"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.reason()).isEqualTo("CSRF_REJECTED");
    }

    private static void assertRefused(Response response, String code) {
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.reason()).isEqualTo("INVALID_IMPORT_FILE");
        assertThat(problems(response)).extracting(p -> p.get("code")).contains(code);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> problems(Response response) {
        return (List<Map<String, Object>>) response.json().get("problems");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(Object persons) {
        return ((List<Map<String, Object>>) persons)
                .stream().map(p -> p.get("id")).toList();
    }
}
