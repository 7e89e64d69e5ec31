package org.locker.service.directory;

import jakarta.annotation.PreDestroy;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.locker.core.directory.importing.DirectoryImport;
import org.locker.core.directory.importing.ImportReport;
import org.locker.core.platform.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Directory imports run as jobs, one after another, so that an administrator sees a long import progress
 * instead of a request that hangs for minutes. A job is kept in memory (the last {@value #KEPT}): a restart
 * forgets it, and the audit trail keeps every applied import. A job is done only once the import's last save
 * returned, so its report describes saved, durable changes.
 */
@Component
class ImportJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);
    static final int KEPT = 20;

    enum State {
        QUEUED,
        RUNNING,
        DONE,
        REFUSED,
        FAILED
    }

    /** One import: its progress, then its report or the problems of its file. */
    static final class Job {
        final String id = UUID.randomUUID().toString();
        final boolean dryRun;
        volatile State state = State.QUEUED;
        volatile int done;
        volatile int total;
        volatile ImportReport report;

        Job(boolean dryRun) {
            this.dryRun = dryRun;
        }
    }

    private final DirectoryImport directoryImport;
    // one import at a time: two syncs of the same directory at once would undo each other's memberships
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "directory-import");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    ImportJobs(DirectoryImport directoryImport) {
        this.directoryImport = directoryImport;
    }

    /** Queues the import of {@code csv} (already read whole) by {@code admin}. */
    Job start(UserId admin, String csv, boolean dryRun) {
        Job job = new Job(dryRun);
        synchronized (jobs) {
            jobs.put(job.id, job);
            if (jobs.size() > KEPT) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
        runner.execute(() -> run(job, admin, csv));
        return job;
    }

    Optional<Job> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    private void run(Job job, UserId admin, String csv) {
        job.state = State.RUNNING;
        try {
            ImportReport report = directoryImport.run(new StringReader(csv), job.dryRun, admin, (done, total) -> {
                job.total = total;
                job.done = done;
            });
            job.report = report;
            job.state = report.valid() ? State.DONE : State.REFUSED;
        } catch (RuntimeException e) {
            LOG.error("directory import {} failed", job.id, e);
            job.state = State.FAILED;
        }
    }

    /** Problems of a refused file, as the synchronous import lists them. */
    static List<Map<String, Object>> problems(ImportReport report) {
        return report.problems().stream()
                .map(p -> Map.<String, Object>of("line", p.line(), "code", p.code(), "message", p.message()))
                .toList();
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
