package org.locker.core.locker;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.locker.Lockers.LockerEntry;
import org.locker.core.locker.Lockers.LockerFilter;
import org.locker.core.locker.Lockers.LockerPage;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * My locker a page at a time: newest first, ties by deposit id, each page starting strictly after the previous
 * page's {@link LockerCursor} (docs/decisions/0016). The platform is asked for the newest deposits at or before a
 * date (at first the cursor's), a few more than the page holds. It orders by date alone, so of a full batch only
 * the deposits newer than its oldest date are known to be complete: they are listed, and the next batch starts at
 * that oldest date (a batch of one date only is read again as a whole group). Deposits the person may not see
 * (withdrawn, or outside a guardian's window) are skipped, until the page is full.
 */
final class LockerPages {

    /** The most entries a page holds. */
    static final int MAX_PAGE = 200;
    /** More than the page asks for, so that a few hidden deposits rarely cost a second batch. */
    private static final int SLACK = 10;
    /** The most deposits sharing one date that a page reads together. */
    private static final int SAME_DATE_LIMIT = 100_000;

    private final ContentPlatform platform;
    private final Clock clock;
    private final DepositStore store;

    LockerPages(ContentPlatform platform, Clock clock, DepositStore store) {
        this.platform = platform;
        this.clock = clock;
        this.store = store;
    }

    LockerPage page(UserId user, LockerFilter filter, Optional<String> cursor, int size) {
        if (size < 1 || size > MAX_PAGE) {
            throw new LockerRefusal(Reason.INVALID_PAGE_SIZE, MAX_PAGE);
        }
        Optional<LockerCursor> after = LockerCursor.decode(cursor);
        LockerReader reader = LockerReader.of(platform, store, user);
        List<String> principals = reader.principals();
        Set<String> opened = reader.opened();
        boolean guardian = reader.guardian();
        Optional<DepositMonths.Range> months;
        try (PlatformSession system = platform.systemSession()) {
            months = store.months(system);
        }
        Instant now = clock.instant();
        List<LockerEntry> entries = new ArrayList<>();
        try (PlatformSession session = platform.sessionAs(user)) {
            Optional<LockerCursor> seek = after;
            Optional<Instant> upTo = after.map(LockerCursor::depositedAt);
            while (true) {
                int asked = size + 1 + SLACK;
                List<StoredDeposit> batch =
                        store.newestForRecipients(session, principals, filter, upTo, Optional.empty(), asked, months);
                boolean full = batch.size() == asked;
                List<StoredDeposit> listed = new ArrayList<>(batch);
                if (full) {
                    Instant oldest = batch.stream()
                            .map(StoredDeposit::depositedAt)
                            .min(Instant::compareTo)
                            .orElseThrow();
                    listed.removeIf(d -> !d.depositedAt().isAfter(oldest));
                    Optional<LockerCursor> from = seek;
                    if (listed.stream().anyMatch(d -> after(from, d))) {
                        upTo = Optional.of(oldest);
                    } else {
                        // nothing newer than the batch's one date: that date's deposits, all of them
                        listed = new ArrayList<>(store.newestForRecipients(
                                session,
                                principals,
                                filter,
                                Optional.of(oldest),
                                Optional.of(oldest),
                                SAME_DATE_LIMIT,
                                months));
                        upTo = Optional.of(oldest.minusMillis(1));
                    }
                }
                listed.sort(LockerCursor.ORDER);
                for (StoredDeposit deposit : listed) {
                    if (!after(seek, deposit)) {
                        continue; // on or before the cursor: a previous page's
                    }
                    if (deposit.withdrawn() || guardian && !deposit.visibleToGuardiansAt(now)) {
                        continue;
                    }
                    if (entries.size() == size) {
                        // one more visible entry exists: the page ends at its last entry
                        return new LockerPage(entries, seek.map(LockerCursor::encode));
                    }
                    seek = Optional.of(LockerCursor.of(deposit));
                    boolean mayWrite = deposit.allowModify() || deposit.depositedBy(user.value());
                    entries.add(LockerListing.entry(
                            deposit, opened.contains(deposit.depositId()), mayWrite && session.canWrite(deposit.id())));
                }
                if (!full) {
                    return new LockerPage(entries, Optional.empty());
                }
            }
        }
    }

    private static boolean after(Optional<LockerCursor> seek, StoredDeposit deposit) {
        return seek.isEmpty() || seek.get().precedes(deposit);
    }
}
