package org.locker.core.locker;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.locker.core.audit.AuditAction;
import org.locker.core.audit.AuditTrail;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.locker.Lockers.Distribution;
import org.locker.core.locker.Lockers.Receipt;
import org.locker.core.platform.AccessEntry;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/** The depositor's side: what I deposited, who opened it, and withdrawing it. */
final class Distributions {

    private static final int LIMIT = 10_000;

    private final ContentPlatform platform;
    private final Clock clock;
    private final DepositStore store;
    private final AuditTrail audit;

    Distributions(ContentPlatform platform, Clock clock, DepositStore store, AuditTrail audit) {
        this.platform = platform;
        this.clock = clock;
        this.store = store;
        this.audit = audit;
    }

    /** The deposits made by {@code depositor}, newest first, with read receipts of the current recipients. */
    List<Distribution> distributions(UserId depositor) {
        List<Distribution> result = new ArrayList<>();
        try (PlatformSession system = platform.systemSession()) {
            for (StoredDeposit deposit : store.depositedBy(system, depositor, LIMIT)) {
                Map<String, Instant> opened = store.openings(system, deposit.depositId());
                Set<String> readers = new TreeSet<>();
                for (String name : deposit.recipients()) {
                    Principals.expand(system, Principals.principal(system, name), readers, new HashSet<>());
                }
                readers.addAll(opened.keySet());
                readers.remove(depositor.value());
                List<Receipt> receipts = readers.stream()
                        .map(u -> new Receipt(u, Optional.ofNullable(opened.get(u))))
                        .toList();
                result.add(new Distribution(
                        deposit.id(),
                        deposit.depositId(),
                        deposit.name(),
                        deposit.documentType(),
                        deposit.memo(),
                        deposit.depositedAt(),
                        deposit.selection(),
                        deposit.recipients(),
                        deposit.standing(),
                        deposit.allowModify(),
                        deposit.publishFrom(),
                        deposit.publishTo(),
                        windowState(deposit, clock.instant()),
                        system.versions(deposit.id()).size(),
                        deposit.withdrawn(),
                        receipts));
            }
        }
        return result;
    }

    /** A deposit's window state as its depositor sees it ("" without a window): withdrawn deposits are closed. */
    private static String windowState(StoredDeposit deposit, Instant now) {
        if (deposit.publishFrom().isEmpty()) {
            return "";
        }
        return deposit.withdrawn()
                ? WindowState.CLOSED.name()
                : deposit.windowState(now).orElseThrow().name();
    }

    /** Withdraws a deposit: every grant is revoked, so it leaves every locker; the node and the audit stay. */
    void withdraw(UserId user, NodeId id) {
        try (PlatformSession own = platform.sessionAs(user)) {
            store.current(own, id); // what the user may not read does not exist for them
        }
        try (PlatformSession system = platform.systemSession()) {
            StoredDeposit deposit = store.current(system, id);
            if (!deposit.depositedBy(user.value())) {
                throw new LockerRefusal(Reason.NOT_THE_DEPOSITOR, id.value());
            }
            for (AccessEntry entry : system.accessEntries(id)) {
                system.revoke(id, entry.principal());
            }
            store.markWithdrawn(system, id, clock.instant());
            // its guardians' edition leaves their lockers with it
            store.edition(system, deposit).ifPresent(edition -> {
                for (AccessEntry entry : system.accessEntries(edition.id())) {
                    system.revoke(edition.id(), entry.principal());
                }
                store.markWithdrawn(system, edition.id(), clock.instant());
            });
            audit.record(system, AuditAction.WITHDRAWN, user, deposit.depositId(), deposit.name(), "");
            system.save();
        }
    }
}
