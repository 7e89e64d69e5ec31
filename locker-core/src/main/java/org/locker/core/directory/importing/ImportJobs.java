package org.locker.core.directory.importing;

import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * Directory imports as jobs kept on the platform (decision 0028): a job is saved with its file before it is
 * acknowledged, run one at a time in the order queued, and a job a stopped service left queued or running is run
 * again (an import is a sync: running the same file again completes it). The last {@value #KEPT} jobs are kept.
 */
public final class ImportJobs {

    public static final int KEPT = 20;

    private final ContentPlatform platform;
    private final DirectoryImport directoryImport;
    private final Clock clock;
    private final ImportJobStore store = new ImportJobStore();

    public ImportJobs(ContentPlatform platform, DirectoryImport directoryImport, Clock clock) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.directoryImport = Objects.requireNonNull(directoryImport, "directoryImport");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Queues the import of {@code csv} by {@code admin}: saved (durable) when this returns. */
    public ImportJob queue(UserId admin, String csv, boolean dryRun) {
        try (PlatformSession system = platform.systemSession()) {
            ImportJob job = store.create(system, admin, dryRun, clock.instant(), csv);
            List<ImportJob> ended = store.all(system).stream()
                    .filter(j -> !j.state().unfinished() && !j.id().equals(job.id()))
                    .toList();
            // the newest kept, with the new one: the oldest ended jobs go (never one still to run)
            for (int i = 0; i < ended.size() - (KEPT - 1); i++) {
                store.delete(system, ended.get(i).id());
            }
            system.save();
            return job;
        }
    }

    /** The job {@code id}, if it is kept. */
    public Optional<ImportJob> find(String id) {
        try (PlatformSession system = platform.systemSession()) {
            return store.find(system, id);
        }
    }

    /** The jobs kept, newest first. */
    public List<ImportJob> recent() {
        try (PlatformSession system = platform.systemSession()) {
            List<ImportJob> jobs = new ArrayList<>(store.all(system));
            Collections.reverse(jobs);
            return jobs;
        }
    }

    /**
     * Runs the oldest job still to run (queued, or left running by a stopped service) to its end, telling
     * {@code progress} of that job's id how far it has gone, and records how it ended. Empty when no job is left.
     *
     * @throws RuntimeException what made the import fail, once the job is recorded as failed
     */
    public Optional<ImportJob> runNext(Function<String, ImportProgress> progress) {
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
        return find(job.id());
    }

    private void ended(String id, ImportJob.State state, int[] persons, ImportReport report) {
        try (PlatformSession system = platform.systemSession()) {
            store.ended(system, id, state, persons[0], persons[1], Optional.ofNullable(report));
            system.save();
        }
    }
}
