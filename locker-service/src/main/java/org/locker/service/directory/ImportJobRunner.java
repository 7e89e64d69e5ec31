package org.locker.service.directory;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.locker.core.directory.importing.ImportJob;
import org.locker.core.directory.importing.ImportJobs;
import org.locker.core.platform.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the directory import jobs the platform keeps (decision 0028) in the background, one after another, so that an
 * administrator sees a long import progress instead of a request that hangs for minutes. A job is saved before it is
 * acknowledged; once the service is ready it runs what a stopped service left queued or running. The persons done
 * of a running job are told here, in memory; a job's state and outcome are the platform's.
 */
@Component
class ImportJobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobRunner.class);

    /** A job as the API shows it: as kept, with the persons done so far while it runs. */
    record Progress(ImportJob job, int done, int total) {}

    private final ImportJobs jobs;
    // one import at a time: two syncs of the same directory at once would undo each other's memberships
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "directory-import");
        thread.setDaemon(true);
        return thread;
    });
    /** Persons done and of the file, of the job running. */
    private final Map<String, int[]> running = new ConcurrentHashMap<>();

    ImportJobRunner(ImportJobs jobs) {
        this.jobs = jobs;
    }

    /** Queues the import of {@code csv} (already read whole) by {@code admin}: saved when this returns. */
    Progress start(UserId admin, String csv, boolean dryRun) {
        ImportJob job = jobs.queue(admin, csv, dryRun);
        runner.execute(this::runAll);
        return new Progress(job, 0, 0);
    }

    Optional<Progress> find(String id) {
        return jobs.find(id).map(this::progress);
    }

    /** The jobs kept, newest first. */
    List<Progress> recent() {
        return jobs.recent().stream().map(this::progress).toList();
    }

    private Progress progress(ImportJob job) {
        int[] persons = job.state().unfinished() ? running.get(job.id()) : null;
        return persons == null ? new Progress(job, job.done(), job.total()) : new Progress(job, persons[0], persons[1]);
    }

    /** Runs the jobs a stopped service left, once every start-up task (the demo school among them) is done. */
    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        runner.execute(this::runAll);
    }

    /**
     * Runs every job still to run, oldest first. A job whose import failed is recorded as failed and the next runs; one
     * that could not be recorded (the platform unreachable) stays to run, at the next start or the next job queued.
     */
    private void runAll() {
        while (true) {
            String[] current = {null};
            try {
                Optional<ImportJob> ran = jobs.runNext(id -> {
                    current[0] = id;
                    // a new pair each time, published whole: a poll never sees a count beyond its total
                    return (done, total) -> running.put(id, new int[] {done, total});
                });
                if (ran.isEmpty()) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.error("directory import job {} failed", current[0], e);
                if (current[0] == null || stillToRun(current[0])) {
                    return;
                }
            } finally {
                if (current[0] != null) {
                    running.remove(current[0]);
                }
            }
        }
    }

    private boolean stillToRun(String id) {
        try {
            return jobs.find(id).map(job -> job.state().unfinished()).orElse(false);
        } catch (RuntimeException e) {
            return true;
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
