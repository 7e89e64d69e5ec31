package org.locker.core.locker;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.locker.core.locker.Lockers.LockerEntry;
import org.locker.core.locker.Lockers.LockerFilter;
import org.locker.core.platform.ContentInfo;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/** My locker: the deposits for me that the platform lets me read, unread first, then newest first. */
final class LockerListing {

    /** The most deposits a locker lists (the newest, if there are more). */
    static final int LOCKER_LIMIT = 10_000;

    private final ContentPlatform platform;
    private final Clock clock;
    private final DepositStore store;

    LockerListing(ContentPlatform platform, Clock clock, DepositStore store) {
        this.platform = platform;
        this.clock = clock;
        this.store = store;
    }

    List<LockerEntry> locker(UserId user, LockerFilter filter) {
        LockerReader reader = LockerReader.of(platform, store, user);
        List<String> principals = reader.principals();
        Set<String> opened = reader.opened();
        List<LockerEntry> entries = new ArrayList<>();
        boolean guardian = reader.guardian();
        Instant now = clock.instant();
        try (PlatformSession session = platform.sessionAs(user)) {
            // unsorted (sorted below, unread first), unless there are more than the listing shows: then the newest
            List<StoredDeposit> deposits = store.forRecipients(session, principals, filter, LOCKER_LIMIT + 1, false);
            if (deposits.size() > LOCKER_LIMIT) {
                deposits = store.forRecipients(session, principals, filter, LOCKER_LIMIT, true);
            }
            for (StoredDeposit deposit : deposits) {
                if (deposit.withdrawn() || guardian && !deposit.visibleToGuardiansAt(now)) {
                    continue;
                }
                // write is granted only to the depositor and, when the deposit allows it, to recipients: ask the
                // platform (a costly permission check per node) only then
                boolean mayWrite = deposit.allowModify() || deposit.depositedBy(user.value());
                entries.add(entry(
                        deposit, opened.contains(deposit.depositId()), mayWrite && session.canWrite(deposit.id())));
            }
        }
        entries.sort(Comparator.comparing(LockerEntry::opened)
                .thenComparing(LockerEntry::depositedAt, Comparator.reverseOrder())
                .thenComparing(LockerEntry::name));
        return entries;
    }

    static LockerEntry entry(StoredDeposit deposit, boolean opened, boolean canModify) {
        var node = deposit.node();
        return new LockerEntry(
                // one id per deposit for everyone: a guardian's edition is listed as its deposit (decision 0014); a
                // family's part of a split by its own id, so that a guardian of two pupils opens each one's pages
                deposit.familyPart()
                        ? deposit.id()
                        : deposit.editionOf().map(NodeId::of).orElse(deposit.id()),
                deposit.depositId(),
                deposit.name(),
                deposit.documentType(),
                deposit.memo(),
                deposit.depositor(),
                deposit.depositedAt(),
                deposit.versionLabel(),
                opened,
                canModify,
                node.content().map(ContentInfo::mimeType).orElse("application/octet-stream"),
                node.content().map(ContentInfo::size).orElse(0L),
                deposit.publishFrom(),
                deposit.publishTo());
    }
}
