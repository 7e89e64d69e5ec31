package org.locker.service.locker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.PlatformSession;
import org.springframework.beans.factory.annotation.Autowired;

/** The service gives stored deposits their months at start-up (decision 0020), once. */
class DepositMonthsIT extends LockerTestBase {

    @Autowired
    Lockers lockers;

    @Test
    void theStartUpShouldHaveIndexedStoredDepositsByMonthOnce() {
        try (PlatformSession system = platform.systemSession()) {
            assertThat(system.nodeAt("/settings/deposit-months-v1"))
                    .as("the migration's marker, written at start-up")
                    .isPresent();
        }
        assertThat(lockers.migrateDepositMonths()).as("nothing left to do").isZero();
    }
}
