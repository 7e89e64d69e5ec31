package org.locker.core.locker;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.locker.core.audit.AuditAction;
import org.locker.core.audit.AuditTrail;
import org.locker.core.locker.DepositStore.NewDeposit;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.locker.Lockers.DepositFile;
import org.locker.core.locker.Lockers.Deposited;
import org.locker.core.locker.Lockers.FamilyPart;
import org.locker.core.locker.Lockers.PartsDeposited;
import org.locker.core.locker.Lockers.PreparedDeposit;
import org.locker.core.locker.PublicationWindows.Window;
import org.locker.core.platform.Access;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.PrincipalId;

/**
 * Depositing a document cut into one part per family (a split, decision 0025): ONE deposit, the depositor's, holding
 * the whole file, with every family's guardians as its recipients, its publication window, its notification and its
 * audit line; and one part per family in the deposit's guardians' folder, holding that family's pages, which only
 * that family's guardians are granted, themselves, while the window is open ({@link PublicationWindows} grants and
 * revokes them at its boundaries). The depositor reads the parts through one grant on that folder. Everything is one
 * platform save, into which {@code alsoSave} writes what records that it was made.
 */
final class DepositFamilyParts {

    private final ContentPlatform platform;
    private final Clock clock;
    private final DepositStore store;
    private final PublicationWindows windows;
    private final AuditTrail audit;
    private final DepositNotices notices;

    DepositFamilyParts(
            ContentPlatform platform,
            Clock clock,
            DepositStore store,
            PublicationWindows windows,
            AuditTrail audit,
            DepositNotices notices) {
        this.platform = platform;
        this.clock = clock;
        this.store = store;
        this.windows = windows;
        this.audit = audit;
        this.notices = notices;
    }

    /**
     * @param prepared a deposit prepared for every family's guardians (and nobody else), with its window
     * @param whole the whole file, the depositor's
     * @param parts each family's part; every part's guardians are among the prepared guardians
     */
    PartsDeposited deposit(
            PreparedDeposit prepared,
            DepositFile whole,
            List<FamilyPart> parts,
            BiConsumer<PlatformSession, PartsDeposited> alsoSave) {
        if (parts.isEmpty()) {
            throw new LockerRefusal(Reason.NO_FILE);
        }
        if (!prepared.immediate().isEmpty() || prepared.guardians().isEmpty()) {
            throw new IllegalArgumentException("family parts go to guardians only");
        }
        for (FamilyPart part : parts) {
            if (part.guardians().isEmpty() || !prepared.guardians().containsAll(part.guardians())) {
                throw new IllegalArgumentException("a part's guardians are not the deposit's: " + part.name());
            }
        }
        DepositRequest request = prepared.request();
        Instant now = clock.instant();
        // the window's group grants no part (each is granted to its own family), but the notification, and the
        // window keeps the dates its reconciliation opens and closes the parts at
        Window window = windows.join(
                request.publishFrom().orElseThrow(), request.publishTo().orElseThrow(), prepared.guardians(), true);
        List<String> guardians =
                prepared.guardians().stream().map(PrincipalId::value).sorted().toList();
        String depositId = UUID.randomUUID().toString();
        try (PlatformSession session = platform.systemSession()) {
            NewDeposit stored = new NewDeposit(
                    depositId,
                    prepared.depositor(),
                    request,
                    now,
                    guardians,
                    guardians,
                    java.util.Optional.of(window.key()),
                    whole.name(),
                    whole.documentType().orElse(request.documentType()),
                    whole.content());
            List<String> students = parts.stream()
                    .flatMap(part -> part.student().stream())
                    .map(org.locker.core.platform.UserId::value)
                    .distinct()
                    .toList();
            Node deposit = store.create(
                    session,
                    stored,
                    java.util.Map.of(
                            LockerModel.FAMILY_PARTS, (long) parts.size(), LockerModel.FAMILY_STUDENTS, students));
            session.grant(deposit.id(), prepared.depositor(), Access.WRITE);
            List<NodeId> made = new ArrayList<>();
            Node partsFolder = null;
            for (FamilyPart part : parts) {
                List<String> theirs = part.guardians().stream()
                        .map(PrincipalId::value)
                        .sorted()
                        .toList();
                Node node = store.createPart(session, deposit, stored, part.name(), theirs, part.content());
                if (window.open()) {
                    for (PrincipalId guardian : part.guardians()) {
                        session.grant(node.id(), guardian, Access.READ);
                    }
                }
                made.add(node.id());
                partsFolder = partsFolder == null ? session.node(node.parentId().orElseThrow()) : partsFolder;
            }
            // the depositor checks what each family received: one grant on the parts' folder, inherited
            session.grant(partsFolder.id(), prepared.depositor(), Access.READ);
            // each family is told which of their children it is about
            notices.arrivedForGuardians(
                    session,
                    prepared.depositor(),
                    depositId,
                    deposit.id().value(),
                    whole.name(),
                    prepared.guardians(),
                    window.group(),
                    window.open() ? now : request.publishFrom().orElseThrow(),
                    java.util.Set.copyOf(students));
            audit.record(
                    session,
                    AuditAction.DEPOSITED,
                    prepared.depositor(),
                    depositId,
                    whole.name(),
                    "recipients=" + guardians.size() + " guardians; families=" + parts.size());
            PartsDeposited result =
                    new PartsDeposited(new Deposited(deposit.id(), depositId, whole.name(), "1.0"), List.copyOf(made));
            alsoSave.accept(session, result);
            session.save();
            return result;
        }
    }

    /** Grants (open) or revokes (closed) the family parts among a window's deposits to their families. Not saved. */
    static void applyWindow(PlatformSession session, List<StoredDeposit> deposits, boolean open) {
        for (StoredDeposit part : deposits) {
            if (!part.familyPart() || part.withdrawn()) {
                continue;
            }
            for (String guardian : part.recipients()) {
                PrincipalId principal = Principals.principal(session, guardian);
                if (open) {
                    session.grant(part.id(), principal, Access.READ);
                } else {
                    session.revoke(part.id(), principal);
                }
            }
        }
    }
}
