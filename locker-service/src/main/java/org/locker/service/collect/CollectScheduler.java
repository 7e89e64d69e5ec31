package org.locker.service.collect;

import org.locker.core.collect.CollectRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes collect requests whose date came and sends the automatic reminders due: at start-up (catching what was
 * due while the service was down) and periodically. Idempotent: a request is published once, reminded automatically
 * once (the platform records both).
 */
@Component
class CollectScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(CollectScheduler.class);

    private final CollectRequests collect;

    CollectScheduler(CollectRequests collect) {
        this.collect = collect;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        run();
    }

    @Scheduled(
            fixedDelayString = "${locker.collect.run-interval:5m}",
            initialDelayString = "${locker.collect.run-interval:5m}")
    void periodically() {
        run();
    }

    CollectRequests.DueWork run() {
        try {
            CollectRequests.DueWork work = collect.runDue();
            if (!work.published().isEmpty() || !work.reminded().isEmpty()) {
                LOG.info(
                        "collect requests: {} published, {} reminded automatically",
                        work.published().size(),
                        work.reminded().size());
            }
            return work;
        } catch (RuntimeException e) {
            LOG.warn("collect requests' scheduled run failed; it will be retried", e);
            return new CollectRequests.DueWork(java.util.List.of(), java.util.List.of());
        }
    }
}
