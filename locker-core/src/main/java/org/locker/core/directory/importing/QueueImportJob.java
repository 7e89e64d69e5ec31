package org.locker.core.directory.importing;

import java.time.Clock;
import java.util.List;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/** An administrator sends a directory file: the job is saved with it, and the oldest ended jobs beyond the kept go. */
final class QueueImportJob {

    private final ContentPlatform platform;
    private final Clock clock;
    private final ImportJobStore store;

    QueueImportJob(ContentPlatform platform, Clock clock, ImportJobStore store) {
        this.platform = platform;
        this.clock = clock;
        this.store = store;
    }

    /** Saved (durable) when this returns. */
    ImportJob queue(UserId admin, String csv, boolean dryRun) {
        try (PlatformSession system = platform.systemSession()) {
            ImportJob job = store.create(system, admin, dryRun, clock.instant(), csv);
            List<ImportJob> ended = store.all(system).stream()
                    .filter(j -> !j.state().unfinished() && !j.id().equals(job.id()))
                    .toList();
            // the newest kept, with the new one: the oldest ended jobs go (never one still to run)
            for (int i = 0; i < ended.size() - (ImportJobs.KEPT - 1); i++) {
                store.delete(system, ended.get(i).id());
            }
            system.save();
            return job;
        }
    }
}
