package org.locker.core.directory.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locker.core.InMemorySchools;
import org.locker.core.MovableClock;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;
import org.locker.oak.OakPlatform;

/**
 * Decision 0028: import jobs kept on a real (in-memory) Oak. A job is saved with its file when queued, runs in the
 * order queued, ends with its report and without its file, is run again when a stopped service left it running,
 * and nobody but the service account reads it.
 */
class ImportJobsTest {

    private static final String HEADER =
            "type,id,label,profile,first_name,last_name,email,classes,children,delegate_of\n";
    private static final String SCHOOL =
            HEADER + "class,6A,6A,,,,,,,\n" + "person,a.admin,,administrator,Ada,Admin,,,,\n";
    private static final UserId ADMIN = UserId.of("a.admin");
    private static final Function<String, ImportProgress> NO_PROGRESS = id -> ImportProgress.NONE;

    private final OakPlatform platform = InMemorySchools.open(SCHOOL);
    private final MovableClock clock = new MovableClock(Instant.parse("2026-09-01T08:00:00Z"));
    private final ImportJobs jobs = new ImportJobs(platform, new DirectoryImport(platform), clock);

    @AfterEach
    void close() {
        platform.close();
    }

    private static String students(String schoolClass, String... ids) {
        StringBuilder file =
                new StringBuilder(SCHOOL).append("class,").append(schoolClass).append(",x,,,,,,,\n");
        for (String id : ids) {
            file.append("person,")
                    .append(id)
                    .append(",,student,S,")
                    .append(id)
                    .append(",,")
                    .append(schoolClass);
            file.append(",,\n");
        }
        return file.toString();
    }

    @Test
    void shouldKeepAQueuedJobWithItsFileThenItsReportWithoutIt() {
        ImportJob queued = jobs.queue(ADMIN, students("5B", "s.one", "s.two"), false);

        assertThat(queued.state()).isEqualTo(ImportJob.State.QUEUED);
        assertThat(jobs.find(queued.id()))
                .get()
                .extracting(ImportJob::admin, ImportJob::dryRun)
                .containsExactly(ADMIN, false);
        assertThat(fileOf(queued.id())).contains("person,s.two,,student");

        List<int[]> told = new ArrayList<>();
        ImportJob done =
                jobs.runNext(id -> (d, t) -> told.add(new int[] {d, t})).orElseThrow();

        assertThat(done.id()).isEqualTo(queued.id());
        assertThat(done.state()).isEqualTo(ImportJob.State.DONE);
        ImportReport report = done.report().orElseThrow();
        assertThat(report.applied()).isTrue();
        assertThat(report.usersCreated()).isEqualTo(2);
        assertThat(report.persons()).isEqualTo(3);
        assertThat(done.done()).isEqualTo(3);
        assertThat(done.total()).isEqualTo(3);
        assertThat(told).isNotEmpty();
        assertThat(fileOf(queued.id()))
                .as("the directory file is gone once the job ended")
                .isNull();
        assertThat(jobs.runNext(NO_PROGRESS)).as("nothing left to run").isEmpty();
        try (PlatformSession system = platform.systemSession()) {
            assertThat(system.findUser(UserId.of("s.one"))).isPresent();
        }
    }

    @Test
    void shouldRunJobsInTheOrderQueuedAndAgainAJobAStoppedServiceLeftRunning() {
        ImportJob first = jobs.queue(ADMIN, students("5B", "s.one"), true);
        clock.advance(Duration.ofSeconds(1));
        ImportJob second = jobs.queue(ADMIN, students("5B", "s.one", "s.two"), false);
        try (PlatformSession system = platform.systemSession()) {
            // as a service killed in the middle of the first job leaves it
            new ImportJobStore().running(system, first.id());
            system.save();
        }

        assertThat(jobs.runNext(NO_PROGRESS).orElseThrow().id()).isEqualTo(first.id());
        assertThat(jobs.runNext(NO_PROGRESS).orElseThrow().id()).isEqualTo(second.id());

        ImportJob checked = jobs.find(first.id()).orElseThrow();
        assertThat(checked.state()).isEqualTo(ImportJob.State.DONE);
        assertThat(checked.report().orElseThrow().applied()).isFalse();
        assertThat(checked.report().orElseThrow().usersCreated()).isEqualTo(1);
        assertThat(jobs.find(second.id()).orElseThrow().report().orElseThrow().usersCreated())
                .isEqualTo(2);
    }

    @Test
    void shouldKeepARefusedFilesProblemsAndAFailedImportsState() {
        ImportJob refused = jobs.queue(ADMIN, HEADER + "person,x,,wizard,X,\tY,,,,\n", false);

        ImportJob ended = jobs.runNext(NO_PROGRESS).orElseThrow();

        assertThat(ended.id()).isEqualTo(refused.id());
        assertThat(ended.state()).isEqualTo(ImportJob.State.REFUSED);
        assertThat(ended.report().orElseThrow().problems())
                .isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.code()).isNotBlank())
                .anySatisfy(problem -> assertThat(problem.line()).isEqualTo(2));
        assertThat(fileOf(refused.id())).isNull();

        // the file is read, then no session can be had: the import fails
        DirectoryImport failing = new DirectoryImport(
                () -> {
                    throw new IllegalStateException("the platform went away");
                },
                user -> false);
        ImportJobs withFailures = new ImportJobs(platform, failing, clock);
        ImportJob failed = withFailures.queue(ADMIN, students("5B", "s.one"), false);
        assertThatThrownBy(() -> withFailures.runNext(NO_PROGRESS)).hasMessage("the platform went away");
        assertThat(jobs.find(failed.id()).orElseThrow())
                .extracting(ImportJob::state, ImportJob::report)
                .containsExactly(ImportJob.State.FAILED, Optional.empty());
        assertThat(fileOf(failed.id())).isNull();
        assertThat(withFailures.runNext(NO_PROGRESS))
                .as("a failed job is not run again")
                .isEmpty();
    }

    @Test
    void shouldKeepTheLastJobsButNeverOneStillToRun() {
        List<String> ended = new ArrayList<>();
        for (int i = 0; i < ImportJobs.KEPT + 3; i++) {
            clock.advance(Duration.ofSeconds(1));
            ImportJob job = jobs.queue(ADMIN, "not a directory file", true);
            assertThat(jobs.runNext(NO_PROGRESS).orElseThrow().id()).isEqualTo(job.id());
            ended.add(job.id());
        }
        clock.advance(Duration.ofSeconds(1));
        ImportJob waiting = jobs.queue(ADMIN, students("5B", "s.one"), true);
        clock.advance(Duration.ofSeconds(1));
        ImportJob last = jobs.queue(ADMIN, students("5B", "s.one"), true);

        List<String> expected = new ArrayList<>(ended.subList(ended.size() - (ImportJobs.KEPT - 1), ended.size()));
        expected.add(waiting.id());
        expected.add(last.id());
        try (PlatformSession system = platform.systemSession()) {
            assertThat(new ImportJobStore()
                            .all(system).stream().map(ImportJob::id).toList())
                    .as("the newest %d ended or new, and every job still to run", ImportJobs.KEPT)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(fileOf(waiting.id())).as("a job still to run keeps its file").isNotNull();
    }

    @Test
    void shouldShowJobsToTheServiceAccountOnlyAndNothingForAnIdThatIsNoJobs() {
        ImportJob job = jobs.queue(ADMIN, students("5B", "s.one"), false);

        try (PlatformSession admin = platform.sessionAs(ADMIN)) {
            assertThat(admin.nodeAt(ImportJobModel.JOBS_FOLDER)).isEmpty();
            assertThat(admin.nodeAt(ImportJobModel.JOBS_FOLDER + "/" + job.id()))
                    .isEmpty();
        }
        assertThat(jobs.find("../audit")).isEmpty();
        assertThat(jobs.find(job.id().toUpperCase(java.util.Locale.ROOT))).isEmpty();
        assertThat(jobs.find("")).isEmpty();
    }

    /** The job's CSV file as stored, or null when it has none. */
    private String fileOf(String id) {
        try (PlatformSession system = platform.systemSession()) {
            return new ImportJobStore().file(system, id);
        } catch (IllegalStateException e) {
            return null;
        }
    }
}
