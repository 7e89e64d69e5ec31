package org.locker.core.directory.importing;

import java.io.StringReader;
import java.util.Optional;
import java.util.function.Function;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.PlatformSession;

/**
 * The runner takes the oldest job still to run (queued, or left running by a stopped service), runs its import and
 * records how it ended.
 */
final class RunImportJob {

    private final ContentPlatform platform;
    private final DirectoryImport directoryImport;
    private final ImportJobStore store;

    RunImportJob(ContentPlatform platform, DirectoryImport directoryImport, ImportJobStore store) {
        this.platform = platform;
        this.directoryImport = directoryImport;
        this.store = store;
    }

    /** The job run, as it ended; empty when no job is left. */
    Optional<String> runNext(Function<String, ImportProgress> progress) {
        ImportJob job;
        String csv;
        try (PlatformSession system = platform.systemSession()) {
            Optional<ImportJob> next = store.all(system).stream()
                    .filter(j -> j.state().unfinished())
                    .findFirst();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            job = next.get();
            csv = store.file(system, job.id());
            store.running(system, job.id());
            system.save();
        }
        ImportProgress told = progress.apply(job.id());
        int[] persons = {0, 0};
        try {
            ImportReport report =
                    directoryImport.run(new StringReader(csv), job.dryRun(), job.admin(), (done, total) -> {
                        persons[0] = done;
                        persons[1] = total;
                        told.persons(done, total);
                    });
            ended(job.id(), report.valid() ? ImportJob.State.DONE : ImportJob.State.REFUSED, persons, report);
        } catch (RuntimeException e) {
            ended(job.id(), ImportJob.State.FAILED, persons, null);
            throw e;
        }
        return Optional.of(job.id());
    }

    private void ended(String id, ImportJob.State state, int[] persons, ImportReport report) {
        try (PlatformSession system = platform.systemSession()) {
            store.ended(system, id, state, persons[0], persons[1], Optional.ofNullable(report));
            system.save();
        }
    }
}
