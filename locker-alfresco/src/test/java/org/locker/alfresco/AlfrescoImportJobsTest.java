package org.locker.alfresco;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locker.core.directory.importing.DirectoryImport;
import org.locker.core.directory.importing.ImportJob;
import org.locker.core.directory.importing.ImportJobModel;
import org.locker.core.directory.importing.ImportJobs;
import org.locker.core.directory.importing.ImportProgress;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * Decision 0028 over {@link AlfrescoPlatform} and the stateful {@link FakeAlfresco}: a queued job and its file are
 * kept in a folder an administrator cannot read, the job runs and ends with its report, and its file is deleted for
 * good (not to the trashcan: it holds people's passwords).
 */
class AlfrescoImportJobsTest {

    private static final UserId ADMIN = UserId.of("admin.one");

    private FakeAlfrescoSchool school;
    private ImportJobs jobs;

    @BeforeEach
    void openTheSchool() {
        school = new FakeAlfrescoSchool();
        jobs = new ImportJobs(school.platform, new DirectoryImport(school.platform), FakeAlfrescoSchool.CLOCK);
    }

    @AfterEach
    void close() {
        school.close();
    }

    @Test
    void aJobShouldRunFromWhatTheRepositoryKeepsAndLeaveNoFileBehind() {
        String file = FakeAlfrescoSchool.SCHOOL + "person,s.three,,student,Sid,Three,,6A,,,"
                + FakeAlfrescoSchool.PASSWORD + "\n";
        ImportJob queued = jobs.queue(ADMIN, file, false);

        try (PlatformSession admin = school.platform.sessionAs(ADMIN)) {
            assertThat(admin.nodeAt(ImportJobModel.JOBS_FOLDER + "/" + queued.id()))
                    .as("an administrator reads jobs through the service, never on the repository")
                    .isEmpty();
        }
        ImportJob done = jobs.runNext(id -> ImportProgress.NONE).orElseThrow();

        assertThat(done.state()).isEqualTo(ImportJob.State.DONE);
        assertThat(done.report().orElseThrow().usersCreated()).isEqualTo(1);
        assertThat(jobs.find(queued.id())).contains(done);
        try (PlatformSession system = school.platform.systemSession()) {
            assertThat(system.findUser(UserId.of("s.three"))).isPresent();
            var job = system.nodeAt(ImportJobModel.JOBS_FOLDER + "/" + queued.id())
                    .orElseThrow();
            assertThat(system.children(job.id())).as("the file is gone").isEmpty();
        }
        assertThat(jobs.runNext(id -> ImportProgress.NONE)).isEmpty();
    }
}
