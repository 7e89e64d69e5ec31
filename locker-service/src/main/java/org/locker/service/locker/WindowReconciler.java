package org.locker.service.locker;

import org.locker.core.locker.Lockers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Opens and closes guardians' publication windows: at start-up (catching boundaries missed while the service
 * was down) and then periodically. Idempotent.
 */
@Component
class WindowReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(WindowReconciler.class);

    private final Lockers lockers;

    WindowReconciler(Lockers lockers) {
        this.lockers = lockers;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        run();
    }

    @Scheduled(fixedDelayString = "${locker.lockers.reconcile-interval:60s}",
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
            return report;
        } catch (RuntimeException e) {
            LOG.warn("publication window reconcile failed; it will be retried", e);
            return new Lockers.ReconcileReport(0, 0);
        }
    }
}
