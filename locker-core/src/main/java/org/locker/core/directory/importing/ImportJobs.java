package org.locker.core.directory.importing;

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
 * again (an import is a sync: running the same file again completes it). The last {@value #KEPT} ended jobs are kept,
 * with every job still to run.
 */
public final class ImportJobs {

    public static final int KEPT = 20;

    private final ContentPlatform platform;
    private final ImportJobStore store = new ImportJobStore();
    private final QueueImportJob queueing;
    private final RunImportJob running;

    public ImportJobs(ContentPlatform platform, DirectoryImport directoryImport, Clock clock) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.queueing = new QueueImportJob(platform, Objects.requireNonNull(clock, "clock"), store);
        this.running = new RunImportJob(platform, Objects.requireNonNull(directoryImport, "directoryImport"), store);
    }

    /** Queues the import of {@code csv} by {@code admin}: saved (durable) when this returns. */
    public ImportJob queue(UserId admin, String csv, boolean dryRun) {
        return queueing.queue(admin, csv, dryRun);
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
        return running.runNext(progress).flatMap(this::find);
    }
}
