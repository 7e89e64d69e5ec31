package org.locker.service.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locker.core.directory.importing.DirectoryImport;
import org.locker.core.directory.importing.ImportJobModel;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.PlatformSession;
import org.locker.service.support.ApiClient.Response;
import org.locker.service.support.ServiceTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 14: the directory import as a job an administrator follows: 202 with the job's location, the persons
 * done of the total, then the report, which a check only gives exactly as applying then does. Only
 * administrators start or see a job. Saved a few persons at a time here, so that the progress has steps.
 */
class ImportJobIT extends ServiceTestBase {

    private static final String HEADER =
            "type,id,label,profile,first_name,last_name,email,classes,children,delegate_of,password\n";
    private static final String SCHOOL = HEADER
            + "class,6A,Sixième A,,,,,,,,\n"
            + "class,5B,Cinquième B,,,,,,,,\n"
            + "person,admin.one,,administrator,Ada,Admin,,,,,demo\n"
            + "person,t.one,,teacher,Tina,One,,6A,,,demo\n"
            + "person,t.two,,teacher,Tom,Two,,5B,,,demo\n"
            + "person,s.one,,student,Sam,One,,6A,,,demo\n"
            + "person,g.one,,guardian,Gus,One,,,s.one,6A,demo\n";

    @Autowired
    DirectoryImport directoryImport;

    @Autowired
    ContentPlatform platform;

    @DynamicPropertySource
    static void smallChunks(DynamicPropertyRegistry registry) {
        registry.add("locker.demo.enabled", () -> "false");
        registry.add("locker.import.persons-per-save", () -> "3");
        registry.add("locker.upload-limit", () -> "1MB");
    }

    @BeforeEach
    void startFromTheBaseSchool() {
        assertThat(directoryImport.run(new StringReader(SCHOOL), false).valid()).isTrue();
    }

    /** The base school with changes: 12 new students in a new class, a teacher who moves, a guardian's child. */
    private static String changedSchool() {
        StringBuilder file = new StringBuilder(
                SCHOOL.replace("person,t.two,,teacher,Tom,Two,,5B,,,demo", "person,t.two,,teacher,Tom,Two,,4C,,,demo")
                        .replace(
                                "person,g.one,,guardian,Gus,One,,,s.one,6A,demo",
                                "person,g.one,,guardian,Gus,One,,,s.one|s.n0,6A,demo"));
        file.append("class,4C,Quatrième C,,,,,,,,\n");
        for (int i = 0; i < 12; i++) {
            file.append("person,s.n")
                    .append(i)
                    .append(",,student,New,Student")
                    .append(i)
                    .append(",,4C,,,\n");
        }
        return file.toString();
    }

    @Test
    void shouldRunAnImportAsAJobWithItsProgressAndTheReportOfTheCheckOnly() throws Exception {
        String file = changedSchool();

        Map<String, Object> checked = awaitJob(start(file, true));
        assertThat(api().get("/api/v1/directory/persons/s.n0", "t.one").status())
                .as("a check only changes nothing")
                .isEqualTo(404);
        Response started = start(file, false);
        List<Map<String, Object>> seen = new ArrayList<>();
        Map<String, Object> applied = awaitJob(started, seen);

        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json()).containsKeys("id", "state", "done", "total").containsEntry("dryRun", false);
        assertThat(checked)
                .containsEntry("state", "done")
                .containsEntry("done", 17)
                .containsEntry("total", 17);
        assertThat(applied)
                .containsEntry("state", "done")
                .containsEntry("done", 17)
                .containsEntry("total", 17);
        assertThat(seen)
                .as("what an administrator polling the job sees: persons done, never beyond the total")
                .allSatisfy(view -> assertThat((Integer) view.get("done")).isBetween(0, 17));
        Map<String, Object> checkedReport = report(checked);
        Map<String, Object> appliedReport = report(applied);
        assertThat(checkedReport.remove("applied")).isEqualTo(false);
        assertThat(appliedReport.remove("applied")).isEqualTo(true);
        assertThat(appliedReport)
                .isEqualTo(checkedReport)
                .containsEntry("persons", 17)
                .containsEntry("usersCreated", 12)
                .containsEntry("usersUpdated", 2);
        assertThat(api().get("/api/v1/directory/classes/4C", "t.one").json().get("students"))
                .asList()
                .hasSize(12);
    }

    @Test
    void shouldGiveTheJobsLocation() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + "/api/v1/directory/imports?dryRun=true"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(
                                                                "admin.one:demo".getBytes(StandardCharsets.UTF_8)))
                                .header("Content-Type", "text/csv")
                                .POST(HttpRequest.BodyPublishers.ofString(SCHOOL))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(202);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/api/v1/directory/imports/[0-9a-f-]{36}");
        assertThat(api().get(URI.create(location).getPath(), "admin.one").status())
                .isEqualTo(200);
    }

    @Test
    void shouldReportTheProblemsOfARefusedFileAndApplyNothing() throws Exception {
        Map<String, Object> refused = awaitJob(start(SCHOOL + "person,t.new,,teacher,N,New,,3A,,,\n", false));

        assertThat(refused).containsEntry("state", "refused");
        assertThat(refused.get("report")).isNull();
        assertThat(refused.get("problems").toString()).contains("UNKNOWN_CLASS").contains("line=9");
        assertThat(api().get("/api/v1/directory/persons/t.new", "t.one").status())
                .isEqualTo(404);
    }

    @Test
    void shouldLetOnlyAdministratorsStartOrSeeAJob() throws Exception {
        String id = String.valueOf(start(SCHOOL, true).json().get("id"));
        awaitJob(id, new ArrayList<>());

        for (String user : List.of("t.one", "s.one", "g.one")) {
            Response seen = api().get("/api/v1/directory/imports/" + id, user);
            assertThat(seen.status()).as(user).isEqualTo(403);
            assertThat(seen.body()).doesNotContain("usersCreated");
            assertThat(api().post("/api/v1/directory/imports", user, "text/csv", SCHOOL)
                            .status())
                    .as(user)
                    .isEqualTo(403);
        }
        assertThat(api().get("/api/v1/directory/imports/" + id, null).status()).isEqualTo(401);
        Response unknown = api().get("/api/v1/directory/imports/no-such-job", "admin.one");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.reason()).isEqualTo("UNKNOWN_IMPORT_JOB");
    }

    @Test
    void shouldListTheJobsKeptNewestFirstWithWhoSentThemByName() throws Exception {
        String refused = String.valueOf(awaitJob(start(SCHOOL + "person,t.new,,teacher,N,New,,3A,,,\n", false))
                .get("id"));
        String checked = String.valueOf(awaitJob(start(SCHOOL, true)).get("id"));

        Response listed = api().get("/api/v1/directory/imports", "admin.one");

        assertThat(listed.status()).isEqualTo(200);
        List<Map<String, Object>> jobs = listed.jsonList();
        assertThat(jobs).extracting(job -> job.get("id")).startsWith(checked, refused);
        assertThat(jobs.get(0))
                .containsEntry("state", "done")
                .containsEntry("dryRun", true)
                .containsEntry("by", "admin.one")
                .containsEntry("byName", "Ada Admin")
                .containsEntry("problemCount", 0)
                .containsKey("queuedAt");
        assertThat(jobs.get(1))
                .containsEntry("state", "refused")
                .containsEntry("problemCount", 1)
                .containsEntry("problems", List.of());
        assertThat(api().get("/api/v1/directory/imports/" + refused, "admin.one")
                        .json()
                        .get("problems"))
                .asList()
                .hasSize(1);
        for (String user : List.of("t.one", "s.one", "g.one")) {
            assertThat(api().get("/api/v1/directory/imports", user).status())
                    .as(user)
                    .isEqualTo(403);
        }
    }

    @Test
    void shouldRefuseABodyOverTheFileLimitAndKeepNothingOfIt() {
        StringBuilder large = new StringBuilder(SCHOOL);
        while (large.length() <= 1024 * 1024) {
            large.append("person,s.x").append(large.length()).append(",,student,S,X,,6A,,,\n");
        }
        int kept = keptJobs();

        for (String path : List.of("/api/v1/directory/imports", "/api/v1/directory/import")) {
            Response refused = api().post(path, "admin.one", "text/csv", large.toString());
            assertThat(refused.status()).as(path).isEqualTo(413);
            assertThat(refused.reason()).as(path).isEqualTo("FILE_TOO_LARGE");
            assertThat(refused.body()).as(path).contains("1 MB");
        }
        assertThat(keptJobs()).as("no job kept").isEqualTo(kept);
        assertThat(api().get("/api/v1/directory/persons/s.x" + SCHOOL.length(), "t.one")
                        .status())
                .isEqualTo(404);
    }

    private int keptJobs() {
        try (PlatformSession system = platform.systemSession()) {
            return system.nodeAt(ImportJobModel.JOBS_FOLDER)
                    .map(folder -> system.children(folder.id()).size())
                    .orElse(0);
        }
    }

    private Response start(String file, boolean dryRun) {
        return api().postFile(
                        "/api/v1/directory/imports?dryRun=" + dryRun,
                        "admin.one",
                        "file",
                        "school.csv",
                        "text/csv",
                        file.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> awaitJob(Response started) throws InterruptedException {
        return awaitJob(started, new ArrayList<>());
    }

    private Map<String, Object> awaitJob(Response started, List<Map<String, Object>> seen) throws InterruptedException {
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return awaitJob(String.valueOf(started.json().get("id")), seen);
    }

    /** Polls the job as the admin screen does until it ends (a minute at most: the files are small). */
    private Map<String, Object> awaitJob(String id, List<Map<String, Object>> seen) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            Map<String, Object> job =
                    api().get("/api/v1/directory/imports/" + id, "admin.one").json();
            seen.add(job);
            if (!List.of("queued", "running").contains(job.get("state"))) {
                return job;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the import job " + id + " did not end within a minute: " + seen);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> report(Map<String, Object> job) {
        return new HashMap<>((Map<String, Object>) job.get("report"));
    }
}
