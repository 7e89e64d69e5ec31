package org.locker.core.locker;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.locker.core.locker.Lockers.LockerFilter;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * How many documents of my locker I have not opened yet: the "new" count a menu shows on every screen. It reads
 * what the listing reads (the same deposits, withdrawn ones and guardians' closed windows left out) but builds no
 * entry and asks the platform no write permission, so it stays cheap next to a listing.
 */
final class NotOpenedCount {

    private final ContentPlatform platform;
    private final Clock clock;
    private final DepositStore store;

    NotOpenedCount(ContentPlatform platform, Clock clock, DepositStore store) {
        this.platform = platform;
        this.clock = clock;
        this.store = store;
    }

    int count(UserId user) {
        LockerReader reader = LockerReader.of(platform, store, user);
        List<String> principals = reader.principals();
        Set<String> opened = reader.opened();
        boolean guardian = reader.guardian();
        Instant now = clock.instant();
        try (PlatformSession session = platform.sessionAs(user)) {
            // the platform filters by read permission; the same deposits as the listing (its newest, past its limit)
            List<StoredDeposit> deposits = store.forRecipients(
                    session, principals, LockerFilter.none(), LockerListing.LOCKER_LIMIT + 1, false);
            if (deposits.size() > LockerListing.LOCKER_LIMIT) {
                deposits =
                        store.forRecipients(session, principals, LockerFilter.none(), LockerListing.LOCKER_LIMIT, true);
            }
            return (int) deposits.stream()
                    .filter(d -> !d.withdrawn() && (!guardian || d.visibleToGuardiansAt(now)))
                    .filter(d -> !opened.contains(d.depositId()))
                    .count();
        }
    }
}
