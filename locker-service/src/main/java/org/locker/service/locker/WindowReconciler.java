package org.locker.service.locker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import org.locker.core.locker.Lockers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Opens and closes guardians' publication windows: at start-up (catching boundaries missed while the service
 * was down), at the next boundary of any window (so that the platform's permissions change on time, not up to a
 * period later), and periodically as a safety net. Idempotent.
 */
@Component
class WindowReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(WindowReconciler.class);

    private final Lockers lockers;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private ScheduledFuture<?> next;
    private Instant nextBoundary;

    WindowReconciler(Lockers lockers, TaskScheduler scheduler, Clock clock) {
        this.lockers = lockers;
        this.scheduler = scheduler;
        this.clock = clock;
        lockers.onWindowBoundary(this::runAt);
    }

    /** Before the mail sender's first run: a window missed while the service was down opens first. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void atStartUp() {
        run();
    }

    @Scheduled(
            fixedDelayString = "${locker.lockers.reconcile-interval:60s}",
            initialDelayString = "${locker.lockers.reconcile-interval:60s}")
    void periodically() {
        run();
    }

    Lockers.ReconcileReport run() {
        try {
            Lockers.ReconcileReport report = lockers.reconcileWindows();
            if (report.opened() + report.closed() > 0) {
                LOG.info("publication windows: {} opened, {} closed", report.opened(), report.closed());
            }
            report.nextBoundary().ifPresent(this::runAt);
            return report;
        } catch (RuntimeException e) {
            LOG.warn("publication window reconcile failed; it will be retried", e);
            return new Lockers.ReconcileReport(0, 0);
        }
    }

    /** Makes sure a reconcile runs at {@code boundary} (the establishment's clock), unless one runs before. */
    synchronized void runAt(Instant boundary) {
        if (next != null && !next.isDone() && nextBoundary != null && !boundary.isBefore(nextBoundary)) {
            return; // an earlier run will schedule the following boundary
        }
        if (next != null) {
            next.cancel(false);
        }
        nextBoundary = boundary;
        Duration delay = Duration.between(clock.instant(), boundary);
        next = scheduler.schedule(this::atBoundary, Instant.now().plus(delay.isNegative() ? Duration.ZERO : delay));
    }

    private void atBoundary() {
        synchronized (this) {
            next = null;
            nextBoundary = null;
        }
        run();
    }

    /** The boundary the next run is scheduled for, if any (for tests and diagnostics). */
    synchronized java.util.Optional<Instant> scheduledBoundary() {
        return next == null || next.isDone() ? java.util.Optional.empty() : java.util.Optional.of(nextBoundary);
    }
}
