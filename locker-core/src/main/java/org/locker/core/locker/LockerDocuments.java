package org.locker.core.locker;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.locker.core.audit.AuditAction;
import org.locker.core.audit.AuditTrail;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.locker.Lockers.VersionJudge;
import org.locker.core.notification.Notifications;
import org.locker.core.platform.AccessDeniedException;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformException;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.SessionClosingStream;
import org.locker.core.platform.UserId;
import org.locker.core.platform.Version;

/**
 * A document in a locker: opening it (a recipient's first opening is their read receipt), its versions, and a
 * new version by its depositor or a recipient the deposit lets modify it.
 */
public final class LockerDocuments {

    private final ContentPlatform platform;
    private final Clock clock;
    private final DepositStore store;
    private final AuditTrail audit;
    private final PublishVersion publishing;
    private final DepositNotices notices;
    private final Notifications notifications;
    /** One opening recorded at a time, so that a reader's first opening is recorded once. */
    private final Object receipts = new Object();

    LockerDocuments(
            ContentPlatform platform,
            Clock clock,
            DepositStore store,
            AuditTrail audit,
            DepositNotices notices,
            Notifications notifications) {
        this.platform = platform;
        this.clock = clock;
        this.store = store;
        this.audit = audit;
        this.notices = notices;
        this.notifications = notifications;
        this.publishing = new PublishVersion(platform, store, audit, notices, clock);
    }

    /**
     * For another feature (a discussion message's attachment): whether {@code id} is a locker document with content
     * that {@code reader} may read with their own rights.
     */
    public static boolean isReadableDocument(ContentPlatform platform, UserId reader, NodeId id) {
        try (PlatformSession session = platform.sessionAs(reader)) {
            return session.findNode(GuardianEditions.readable(platform, session, id))
                    .filter(n ->
                            n.type().equals(LockerModel.DEPOSIT) && n.content().isPresent())
                    .isPresent();
        } catch (PlatformException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * For another feature: a locker document's current content read with {@code reader}'s own rights, without a
     * read receipt (reading it to copy it is not opening it). The caller closes it.
     */
    public static Content readAsReader(ContentPlatform platform, UserId reader, NodeId id) {
        PlatformSession session = platform.sessionAs(reader);
        try {
            return SessionClosingStream.of(
                    session.readContent(GuardianEditions.readable(platform, session, id)), session);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /**
     * Opens a deposit's current content as {@code user} (the platform refuses what they may not read) and
     * records the opening (read receipt, audit) when they are not its depositor. The caller closes it.
     */
    Content open(UserId user, NodeId id) {
        boolean guardian = Principals.isGuardian(platform, user);
        PlatformSession session = platform.sessionAs(user);
        try {
            StoredDeposit deposit = readable(session, id, guardian);
            Content content = session.readContent(deposit.id());
            if (!deposit.depositedBy(user.value())) {
                recordOpening(user, deposit);
            }
            return SessionClosingStream.of(content, session);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private void recordOpening(UserId user, StoredDeposit deposit) {
        synchronized (receipts) {
            try (PlatformSession system = platform.systemSession()) {
                boolean first = store.recordOpening(system, deposit.depositId(), user, clock.instant());
                audit.record(
                        system,
                        AuditAction.OPENED,
                        user,
                        deposit.depositId(),
                        deposit.name(),
                        first ? "first opening" : "");
                // its notifications (arrival, versions, reminders) are read with the opening
                notifications.opened(system, user, deposit.depositId());
                system.save();
            }
        }
    }

    /**
     * A deposit as its reader may see it now: a guardian reads its guardians' edition, and outside its window is
     * told it does not exist.
     */
    private StoredDeposit readable(PlatformSession session, NodeId id, boolean guardian) {
        StoredDeposit deposit =
                store.current(session, guardian ? GuardianEditions.readable(platform, session, id) : id);
        if (guardian
                && !deposit.depositedBy(session.user().value())
                && !deposit.visibleToGuardiansAt(clock.instant())) {
            throw new LockerRefusal(Reason.UNKNOWN_DOCUMENT, id.value());
        }
        return deposit;
    }

    /**
     * Version history of a deposit the user may read, oldest first. A guardian reads the guardians' edition: the
     * versions its depositor published, with the deposit's labels, and never a comment (personnel's only).
     */
    List<Version> versions(UserId user, NodeId id) {
        String system;
        try (PlatformSession session = platform.systemSession()) {
            system = session.user().value();
        }
        boolean guardian = Principals.isGuardian(platform, user);
        try (PlatformSession session = platform.sessionAs(user)) {
            StoredDeposit deposit = readable(session, id, guardian);
            String depositor = deposit.depositor().isEmpty() ? system : deposit.depositor();
            // the service account stores the first version on the depositor's behalf
            return session.versions(deposit.id()).stream()
                    .map(v -> deposit.edition()
                            ? new Version(PublishVersion.depositLabel(v), v.created(), depositor, "", v.content())
                            : v.author().equals(system)
                                    ? new Version(v.label(), v.created(), depositor, comment(v, guardian), v.content())
                                    : new Version(
                                            v.label(), v.created(), v.author(), comment(v, guardian), v.content()))
                    .toList();
        }
    }

    /** Version comments are for personnel: a guardian never reads one, whatever node they were granted. */
    private static String comment(Version version, boolean guardian) {
        return guardian ? "" : version.comment();
    }

    /** Publishes the deposit's version {@code label} to its guardians, as its depositor ({@link PublishVersion}). */
    void publish(UserId user, NodeId id, String label) {
        publishing.publish(user, id, label);
    }

    /** The labels of the versions the deposit's guardians were given, for its depositor; else empty. */
    Optional<Set<String>> published(UserId user, NodeId id) {
        return publishing.published(user, id);
    }

    /**
     * A new version whose content is judged knowing the document's name; refused ({@code VERSION_TYPE_MISMATCH})
     * when its type is not the document's, so that a name's extension always matches what is served.
     */
    Version addVersion(UserId user, NodeId id, VersionJudge judge, String comment) {
        Version version;
        StoredDeposit deposit;
        try (PlatformSession session = platform.sessionAs(user)) {
            deposit = store.current(session, id);
            if (deposit.cutIntoParts()) {
                throw new LockerRefusal(Reason.PARTS_FIXED, id.value());
            }
            ContentSource content = judge.judge(deposit.name());
            String current =
                    deposit.node().content().map(c -> baseType(c.mimeType())).orElse("");
            if (!current.equals(baseType(content.mimeType()))) {
                throw new LockerRefusal(Reason.VERSION_TYPE_MISMATCH, content.mimeType(), current);
            }
            try {
                version = session.updateContent(id, content, comment == null ? "" : comment);
                session.save();
            } catch (AccessDeniedException e) {
                throw new LockerRefusal(Reason.DOCUMENT_READ_ONLY, id.value());
            }
        }
        try (PlatformSession system = platform.systemSession()) {
            boolean toGuardians = false;
            if (deposit.depositedBy(user.value())) {
                // the depositor's own version goes to the guardians as it is, without its comment
                toGuardians = publishing.publishOwn(system, deposit, version.label());
            }
            notices.newVersion(
                    system,
                    deposit,
                    user,
                    version.label(),
                    toGuardians && deposit.visibleToGuardiansAt(clock.instant()),
                    clock.instant());
            audit.record(
                    system,
                    AuditAction.NEW_VERSION,
                    user,
                    deposit.depositId(),
                    deposit.name(),
                    "version=" + version.label() + (comment == null || comment.isBlank() ? "" : " " + comment));
            system.save();
        }
        return version;
    }

    /** A media type without its parameters, in lower case ({@code text/plain; charset=UTF-8} → text/plain). */
    private static String baseType(String mimeType) {
        int semicolon = mimeType.indexOf(';');
        return (semicolon < 0 ? mimeType : mimeType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }
}
