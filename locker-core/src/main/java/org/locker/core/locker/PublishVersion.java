package org.locker.core.locker;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.locker.core.audit.AuditAction;
import org.locker.core.audit.AuditTrail;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;
import org.locker.core.platform.Version;

/**
 * Publishing a version of a deposit to its guardians (decision 0014): guardians are granted the deposit's
 * guardians' edition, never the deposit, so they see only the versions its depositor publishes there, each
 * without its comment. The depositor's own new versions are published at once; a co-recipient's version only
 * when the depositor chooses to publish it.
 */
final class PublishVersion {

    private final ContentPlatform platform;
    private final DepositStore store;
    private final AuditTrail audit;
    private final DepositNotices notices;
    private final Clock clock;

    PublishVersion(
            ContentPlatform platform, DepositStore store, AuditTrail audit, DepositNotices notices, Clock clock) {
        this.platform = platform;
        this.store = store;
        this.audit = audit;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * The depositor publishes the deposit's version {@code label} to its guardians; nothing changes when the
     * guardians already have that version.
     *
     * @throws LockerRefusal UNKNOWN_DOCUMENT (the user may not read it), NOT_THE_DEPOSITOR, NOT_FOR_GUARDIANS
     *     (deposited to no guardian), UNKNOWN_VERSION
     */
    void publish(UserId user, NodeId id, String label) {
        try (PlatformSession own = platform.sessionAs(user)) {
            store.current(own, id); // what the user may not read does not exist for them
        }
        try (PlatformSession system = platform.systemSession()) {
            StoredDeposit deposit = store.current(system, id);
            if (!deposit.depositedBy(user.value())) {
                throw new LockerRefusal(Reason.NOT_THE_DEPOSITOR, id.value());
            }
            if (deposit.cutIntoParts()) {
                throw new LockerRefusal(Reason.PARTS_FIXED, id.value());
            }
            StoredDeposit edition = store.edition(system, deposit)
                    .orElseThrow(() -> new LockerRefusal(Reason.NOT_FOR_GUARDIANS, id.value()));
            if (system.versions(id).stream().noneMatch(v -> v.label().equals(label))) {
                throw new LockerRefusal(Reason.UNKNOWN_VERSION, label);
            }
            if (edition.versionLabel().equals(label)) {
                return;
            }
            publish(system, deposit, edition, label, user);
            if (deposit.visibleToGuardiansAt(clock.instant())) {
                // a co-recipient's version reaches the guardians now: they are told now, in the same save
                notices.published(system, deposit, user, label, clock.instant());
            }
            system.save();
        }
    }

    /**
     * After the depositor's own new version, in the system session the caller saves: the guardians get it at
     * once (without its comment), when the deposit has guardians. Returns whether it has.
     */
    boolean publishOwn(PlatformSession system, StoredDeposit deposit, String label) {
        Optional<StoredDeposit> edition = store.edition(system, deposit);
        if (edition.isPresent()) {
            publish(system, deposit, edition.get(), label, UserId.of(deposit.depositor()));
        }
        return edition.isPresent();
    }

    /**
     * The labels of the deposit's versions its guardians were given, for its depositor; empty when the user is
     * not its depositor or it was deposited to no guardian.
     */
    Optional<Set<String>> published(UserId user, NodeId id) {
        try (PlatformSession system = platform.systemSession()) {
            Optional<StoredDeposit> deposit = store.find(system, id).filter(d -> d.depositedBy(user.value()));
            Optional<StoredDeposit> edition = deposit.flatMap(d -> store.edition(system, d));
            if (edition.isEmpty()) {
                return Optional.empty();
            }
            Set<String> labels = new LinkedHashSet<>();
            system.versions(edition.get().id()).forEach(v -> labels.add(depositLabel(v)));
            return Optional.of(labels);
        }
    }

    /** The deposit's label of an edition's version: kept as its comment, the first version's is its own. */
    static String depositLabel(Version editionVersion) {
        return editionVersion.comment().isBlank() ? editionVersion.label() : editionVersion.comment();
    }

    private void publish(
            PlatformSession system, StoredDeposit deposit, StoredDeposit edition, String label, UserId user) {
        try (Content content = system.readContent(deposit.id(), label)) {
            store.publish(
                    system,
                    edition,
                    label,
                    new ContentSource(content.stream(), content.info().mimeType()));
        }
        audit.record(
                system, AuditAction.VERSION_PUBLISHED, user, deposit.depositId(), deposit.name(), "version=" + label);
    }
}
