package org.locker.core.directory.importing;

import java.time.Instant;
import java.util.Optional;
import org.locker.core.platform.UserId;

/**
 * A directory import as a job, as the platform keeps it (decision 0028).
 *
 * @param done persons done of {@code total}, known once the job ended (its progress is the runner's while it runs)
 * @param report the report once the job is done or refused; empty while it waits or runs, or when it failed
 */
public record ImportJob(
        String id,
        UserId admin,
        boolean dryRun,
        State state,
        Instant createdAt,
        int done,
        int total,
        Optional<ImportReport> report) {

    public enum State {
        QUEUED,
        RUNNING,
        DONE,
        REFUSED,
        FAILED;

        /** Whether a runner has still to run it (a job left running by a stopped service is run again). */
        public boolean unfinished() {
            return this == QUEUED || this == RUNNING;
        }
    }
}
