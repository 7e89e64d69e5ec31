package org.locker.service.locker;

import org.locker.core.locker.Lockers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives the deposits stored before deposits were indexed by month their months, once, at start-up
 * (docs/decisions/0020). Lockers are served meanwhile, as before; a failure is retried at the next start.
 */
@Component
class DepositMonthsAtStartUp {

    private static final Logger LOG = LoggerFactory.getLogger(DepositMonthsAtStartUp.class);

    private final Lockers lockers;

    DepositMonthsAtStartUp(Lockers lockers) {
        this.lockers = lockers;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        try {
            int updated = lockers.migrateDepositMonths();
            if (updated > 0) {
                LOG.info("deposits indexed by month: {} stored deposits updated", updated);
            }
        } catch (RuntimeException e) {
            LOG.warn(
                    "indexing stored deposits by month failed; lockers are read without months until the next start",
                    e);
        }
    }
}
