package org.locker.core.locker;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locker.core.audit.AuditAction;
import org.locker.core.audit.AuditTrail;
import org.locker.core.directory.Person;
import org.locker.core.directory.PersonMapping;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.locker.Lockers.Audience;
import org.locker.core.locker.Lockers.Distribution;
import org.locker.core.locker.Lockers.DistributionPage;
import org.locker.core.locker.Lockers.Receipt;
import org.locker.core.locker.Lockers.ReceiptLine;
import org.locker.core.platform.AccessEntry;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/** The depositor's side: what I deposited, page by page, who opened it, and withdrawing it. */
final class Distributions {

    private final ContentPlatform platform;
    private final Clock clock;
    private final DepositStore store;
    private final AuditTrail audit;
    private final DepositNotices notices;
    private final ReminderStore reminders = new ReminderStore();

    Distributions(ContentPlatform platform, Clock clock, DepositStore store, AuditTrail audit, DepositNotices notices) {
        this.platform = platform;
        this.clock = clock;
        this.store = store;
        this.audit = audit;
        this.notices = notices;
    }

    /** The first page of the deposits made by {@code depositor}. */
    List<Distribution> distributions(UserId depositor) {
        return page(depositor, Optional.empty(), Lockers.PAGE_SIZE, Optional.empty())
                .items();
    }

    /**
     * A page of the deposits made by {@code depositor}, newest first, with read receipts of the current recipients:
     * those with recipients of {@code audience} when given. Only the page's deposits are read in full (receipts,
     * recipients, versions); the query stops where the page does.
     *
     * @throws LockerRefusal {@link Reason#INVALID_CURSOR}, {@link Reason#INVALID_PAGE_SIZE}
     */
    DistributionPage page(UserId depositor, Optional<String> cursor, int limit, Optional<Audience> audience) {
        if (limit < 1 || limit > Lockers.PAGE_SIZE) {
            throw new LockerRefusal(Reason.INVALID_PAGE_SIZE, Lockers.PAGE_SIZE);
        }
        DistributionCursor position = cursor.map(DistributionCursor::parse).orElse(null);
        List<Distribution> items = new ArrayList<>();
        boolean more = false;
        try (PlatformSession system = platform.systemSession()) {
            Optional<DepositMonths.Range> months = store.months(system);
            // more than once only when deposits of another audience were skipped
            while (true) {
                int asked = (position == null ? 0 : position.seen().size()) + limit + 1;
                List<StoredDeposit> found = store.depositedBy(
                        system,
                        depositor,
                        Optional.ofNullable(position).map(DistributionCursor::before),
                        asked,
                        months);
                for (StoredDeposit deposit : found) {
                    if (position != null && position.gave(deposit)) {
                        continue;
                    }
                    if (items.size() == limit) {
                        more = true;
                        break;
                    }
                    position = position == null ? DistributionCursor.first(deposit) : position.after(deposit);
                    // a guardians' edition is its deposit's copy, not a distribution of its own (decision 0014)
                    if (!deposit.edition() && (audience.isEmpty() || hasAudience(deposit, audience.get()))) {
                        items.add(distribution(system, deposit));
                    }
                }
                boolean older = found.size() == asked; // the platform may hold older ones
                if (more || !older) {
                    break;
                }
                if (items.size() == limit) {
                    more = true;
                    break;
                }
            }
        }
        return new DistributionPage(items, more ? Optional.of(position.encode()) : Optional.empty());
    }

    /**
     * Whether the deposit is for that audience: guardians when it has guardian recipients, personnel when it has
     * others (a deposit to both is in both views).
     */
    private static boolean hasAudience(StoredDeposit deposit, Audience audience) {
        List<String> guardians = deposit.node().strings(LockerModel.GUARDIAN_RECIPIENTS);
        return audience == Audience.GUARDIANS
                ? !guardians.isEmpty()
                : deposit.recipients().stream().anyMatch(r -> !guardians.contains(r));
    }

    private Distribution distribution(PlatformSession system, StoredDeposit deposit) {
        Map<String, Instant> opened = store.openings(system, deposit.depositId());
        List<Receipt> receipts = Readers.of(system, deposit, opened.keySet()).entrySet().stream()
                .map(e -> new Receipt(e.getKey(), Optional.ofNullable(opened.get(e.getKey())), e.getValue()))
                .toList();
        return new Distribution(
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
                receipts);
    }

    /**
     * The receipts of one of my deposits with each person's name, profile and classes (a guardian's: their
     * children's), of {@code audience} and {@code schoolClass} when given, in name order.
     *
     * @throws LockerRefusal {@link Reason#UNKNOWN_DOCUMENT}, {@link Reason#NOT_THE_DEPOSITOR}
     */
    List<ReceiptLine> receipts(UserId depositor, NodeId id, Optional<Audience> audience, Optional<String> schoolClass) {
        try (PlatformSession system = platform.systemSession()) {
            StoredDeposit deposit = ownDeposit(system, depositor, id);
            Map<String, Instant> opened = store.openings(system, deposit.depositId());
            Map<String, ReminderStore.StoredReminder> reminded = reminders.ofDeposit(system, deposit.depositId());
            List<ReceiptLine> lines = new ArrayList<>();
            Map<String, List<String>> classesOf = new HashMap<>();
            for (Map.Entry<String, Audience> reader :
                    Readers.of(system, deposit, opened.keySet()).entrySet()) {
                if (audience.isPresent() && reader.getValue() != audience.get()) {
                    continue;
                }
                Optional<Person> person = UserId.isValid(reader.getKey())
                        ? system.findUser(UserId.of(reader.getKey())).flatMap(PersonMapping::toPerson)
                        : Optional.empty();
                List<String> classes = classesOf.computeIfAbsent(
                        reader.getKey(),
                        u -> person.map(p -> classes(system, p)).orElse(List.of()));
                if (schoolClass.isPresent() && !classes.contains(schoolClass.get())) {
                    continue;
                }
                lines.add(new ReceiptLine(
                        reader.getKey(),
                        person.map(Person::displayName).orElse(reader.getKey()),
                        person.map(Person::profile),
                        classes,
                        reader.getValue(),
                        Optional.ofNullable(opened.get(reader.getKey())),
                        Optional.ofNullable(reminded.get(reader.getKey())).map(ReminderStore.StoredReminder::at)));
            }
            lines.sort(java.util.Comparator.comparing(ReceiptLine::name, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(ReceiptLine::user));
            return lines;
        }
    }

    /** A person's classes as a depositor sorts receipts: a student's, a team's, a guardian's children's. */
    private static List<String> classes(PlatformSession system, Person person) {
        return switch (person.profile()) {
            case GUARDIAN, STUDENT ->
                SchoolDirectory.familyClasses(system, person).stream()
                        .map(c -> c.value())
                        .sorted()
                        .toList();
            case ADMINISTRATOR -> List.of();
            default -> person.classes().stream().map(c -> c.value()).sorted().toList();
        };
    }

    /**
     * The deposit {@code id} if {@code user} made it. Someone else's deposit is refused as not theirs when they may
     * read it (a recipient), and as unknown when they may not, so that its existence does not leak.
     */
    StoredDeposit ownDeposit(PlatformSession system, UserId user, NodeId id) {
        StoredDeposit deposit =
                store.find(system, id).orElseThrow(() -> new LockerRefusal(Reason.UNKNOWN_DOCUMENT, id.value()));
        if (!deposit.depositedBy(user.value())) {
            try (PlatformSession own = platform.sessionAs(user)) {
                if (store.find(own, id).isPresent()) {
                    throw new LockerRefusal(Reason.NOT_THE_DEPOSITOR, id.value());
                }
            }
            throw new LockerRefusal(Reason.UNKNOWN_DOCUMENT, id.value());
        }
        return deposit;
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
            // its guardians' edition (or each family's part) leaves their lockers with it
            for (StoredDeposit edition : store.editions(system, deposit)) {
                for (AccessEntry entry : system.accessEntries(edition.id())) {
                    system.revoke(edition.id(), entry.principal());
                }
                store.markWithdrawn(system, edition.id(), clock.instant());
            }
            // guardians whose window has not opened yet are never told of it
            notices.withdrawn(system, deposit, clock.instant());
            audit.record(system, AuditAction.WITHDRAWN, user, deposit.depositId(), deposit.name(), "");
            system.save();
        }
    }
}
