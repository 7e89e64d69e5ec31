package org.locker.core.locker;

import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.PlatformSession;

/** Gives deposits stored before months existed their months, as the service account (docs/decisions/0020). */
final class DepositMonthsMigration {

    private final ContentPlatform platform;
    private final DepositStore store;

    DepositMonthsMigration(ContentPlatform platform, DepositStore store) {
        this.platform = platform;
        this.store = store;
    }

    /** How many deposits were given their months (0 once done: idempotent). */
    int run() {
        try (PlatformSession system = platform.systemSession()) {
            return store.migrateMonths(system);
        }
    }
}
