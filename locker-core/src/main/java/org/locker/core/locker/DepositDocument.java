package org.locker.core.locker;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.locker.core.audit.AuditAction;
import org.locker.core.audit.AuditTrail;
import org.locker.core.directory.Profile;
import org.locker.core.locker.DepositStore.NewDeposit;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.locker.Lockers.DepositFile;
import org.locker.core.locker.Lockers.Deposited;
import org.locker.core.locker.Lockers.PreparedDeposit;
import org.locker.core.locker.Lockers.Settings;
import org.locker.core.locker.PublicationWindows.Window;
import org.locker.core.locker.RecipientResolver.Recipients;
import org.locker.core.platform.Access;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.Node;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.UserId;

/**
 * Depositing: a request is checked (profile, type, memo, recipients, window), then each file is stored as one
 * versioned document granted to its recipients, whatever their number (a document of the depositor's own is
 * copied in by {@link DepositFromCloud}).
 */
final class DepositDocument {

    private final ContentPlatform platform;
    private final Clock clock;
    private final DepositStore store;
    private final RecipientResolver recipients;
    private final PublicationWindows windows;
    private final AuditTrail audit;
    private final DepositNotices notices;

    DepositDocument(
            ContentPlatform platform,
            Clock clock,
            DepositStore store,
            RecipientResolver recipients,
            PublicationWindows windows,
            AuditTrail audit,
            DepositNotices notices) {
        this.platform = platform;
        this.clock = clock;
        this.store = store;
        this.recipients = recipients;
        this.windows = windows;
        this.audit = audit;
        this.notices = notices;
    }

    /** Whether someone of {@code profile} may deposit: not students; guardians when the settings allow it. */
    static boolean mayDeposit(Profile profile, Settings settings) {
        return profile != Profile.STUDENT && (profile != Profile.GUARDIAN || settings.guardianExchange());
    }

    /** What someone of {@code profile} may choose when depositing; the checks of {@link #prepare} say the same. */
    static Lockers.DepositOptions options(Profile profile, Settings settings) {
        if (!mayDeposit(profile, settings)) {
            return new Lockers.DepositOptions(false, List.of(), false, false, false, false, false);
        }
        boolean guardian = profile == Profile.GUARDIAN;
        List<Profile> recipients = java.util.Arrays.stream(Profile.values())
                .filter(p -> p.isPersonnel() || p == Profile.GUARDIAN)
                .filter(p -> RecipientResolver.mayDepositTo(profile, p))
                .toList();
        return new Lockers.DepositOptions(true, recipients, !guardian, true, guardian, !guardian, !guardian);
    }

    /** Validates a request; stores nothing. */
    PreparedDeposit prepare(UserId depositor, Profile profile, DepositRequest request) {
        if (profile == Profile.STUDENT) {
            throw new LockerRefusal(Reason.STUDENTS_CANNOT_DEPOSIT);
        }
        try (PlatformSession session = platform.systemSession()) {
            Settings settings = store.settings(session);
            if (!mayDeposit(profile, settings)) {
                throw new LockerRefusal(Reason.GUARDIAN_EXCHANGE_DISABLED);
            }
            if (request.documentType() == null || !settings.documentTypes().contains(request.documentType())) {
                throw new LockerRefusal(Reason.UNKNOWN_DOCUMENT_TYPE, String.valueOf(request.documentType()));
            }
            if (request.memo().length() > LockerModel.MEMO_LIMIT) {
                throw new LockerRefusal(Reason.MEMO_TOO_LONG, LockerModel.MEMO_LIMIT);
            }
            if (request.selection().isEmpty()) {
                throw new LockerRefusal(Reason.NO_RECIPIENT);
            }
            if (profile == Profile.GUARDIAN && request.standing()) {
                // a family writes to people it knows, never to whoever joins the establishment later
                throw new LockerRefusal(Reason.STANDING_NOT_ALLOWED);
            }
            if (profile == Profile.GUARDIAN && request.allowModify()) {
                // what a family deposits stays as they sent it: the personnel reply with documents of their own
                throw new LockerRefusal(Reason.MODIFY_NOT_ALLOWED);
            }
            Recipients resolved =
                    recipients.resolve(session, depositor, profile, request.selection(), request.standing());
            if (resolved.immediate().isEmpty() && resolved.guardians().isEmpty()) {
                throw new LockerRefusal(Reason.NO_RECIPIENT);
            }
            checkWindow(request, !resolved.guardians().isEmpty());
            return new PreparedDeposit(depositor, request, resolved.immediate(), resolved.guardians());
        }
    }

    /** Guardians need a window that has not ended; any window given must end after it starts. */
    private void checkWindow(DepositRequest request, boolean forGuardians) {
        if (forGuardians) {
            Instant from = request.publishFrom().orElseThrow(() -> new LockerRefusal(Reason.WINDOW_REQUIRED));
            Instant to = request.publishTo().orElseThrow(() -> new LockerRefusal(Reason.WINDOW_REQUIRED));
            if (!to.isAfter(from)) {
                throw new LockerRefusal(Reason.WINDOW_INVALID);
            }
            if (!to.isAfter(clock.instant())) {
                throw new LockerRefusal(Reason.WINDOW_ENDED);
            }
        } else if (request.publishFrom().isPresent()
                && request.publishTo().isPresent()
                && !request.publishTo().get().isAfter(request.publishFrom().get())) {
            throw new LockerRefusal(Reason.WINDOW_INVALID);
        }
    }

    /**
     * Stores each file as its own deposit with the same settings, all in one platform save: when this returns,
     * every current recipient's locker lists them (guardians once their window has started). The guardians' window
     * is joined (and saved) first: a window without deposits gives nobody anything.
     */
    List<Deposited> deposit(PreparedDeposit prepared, List<DepositFile> files) {
        if (files.isEmpty()) {
            throw new LockerRefusal(Reason.NO_FILE);
        }
        Instant now = clock.instant();
        DepositRequest request = prepared.request();
        // guardians see a deposit through its window's group, a member of which they are only while it is open
        Optional<Window> window = prepared.guardians().isEmpty()
                ? Optional.empty()
                : Optional.of(windows.join(
                        request.publishFrom().orElseThrow(),
                        request.publishTo().orElseThrow(),
                        prepared.guardians(),
                        false));
        List<Deposited> deposited = new ArrayList<>();
        try (PlatformSession session = platform.systemSession()) {
            // a file of its own type: checked, all of them before anything is stored (the settings are read only
            // then: a deposit costs the same calls on Alfresco as before when no file has a type of its own)
            if (files.stream().anyMatch(file -> file.documentType().isPresent())) {
                List<String> types = store.settings(session).documentTypes();
                for (DepositFile file : files) {
                    file.documentType().filter(type -> !types.contains(type)).ifPresent(type -> {
                        throw new LockerRefusal(Reason.UNKNOWN_DOCUMENT_TYPE, type);
                    });
                }
            }
            store(session, now, prepared, window, files, deposited);
            session.save();
        }
        return deposited;
    }

    private void store(
            PlatformSession session,
            Instant now,
            PreparedDeposit prepared,
            Optional<Window> window,
            List<DepositFile> files,
            List<Deposited> deposited) {
        DepositRequest request = prepared.request();
        // many users may be granted through one principal of the platform's own: lockers query that one
        List<PrincipalId> grantees = session.grantees(prepared.immediate());
        List<String> names = new ArrayList<>();
        grantees.forEach(p -> names.add(p.value()));
        List<String> guardians =
                prepared.guardians().stream().map(PrincipalId::value).toList();
        names.addAll(guardians);
        for (DepositFile file : files) {
            String depositId = UUID.randomUUID().toString();
            NewDeposit stored = new NewDeposit(
                    depositId,
                    prepared.depositor(),
                    request,
                    now,
                    names,
                    guardians,
                    window.map(Window::key),
                    file.name(),
                    file.documentType().orElse(request.documentType()),
                    file.content());
            Node document = store.create(session, stored);
            session.grant(document.id(), prepared.depositor(), Access.WRITE);
            session.grantAll(document.id(), grantees, request.allowModify() ? Access.WRITE : Access.READ);
            if (window.isPresent()) {
                // guardians read the edition, never the deposit: its later versions (a co-recipient's, with
                // comments) are personnel's until the depositor publishes one (decision 0014)
                Node edition;
                try (Content first = session.readContent(document.id())) {
                    edition = store.createEdition(
                            session,
                            document,
                            stored,
                            new ContentSource(first.stream(), first.info().mimeType()));
                }
                session.grant(edition.id(), window.get().group(), Access.READ);
            }
            // notified in the deposit's own save: a deposit exists with its notifications or not at all
            notices.arrived(
                    session,
                    prepared.depositor(),
                    depositId,
                    document.id().value(),
                    file.name(),
                    prepared.immediate(),
                    now);
            if (window.isPresent()) {
                notices.arrivedForGuardians(
                        session,
                        prepared.depositor(),
                        depositId,
                        document.id().value(),
                        file.name(),
                        prepared.guardians(),
                        window.get().group(),
                        window.get().open() ? now : request.publishFrom().orElseThrow(),
                        Set.of());
            }
            audit.record(
                    session,
                    AuditAction.DEPOSITED,
                    prepared.depositor(),
                    depositId,
                    file.name(),
                    "recipients=" + abridged(request.selection()));
            deposited.add(new Deposited(document.id(), depositId, file.name(), "1.0"));
        }
    }

    /** The selection for an audit line: a long list of users is cut after 20 (the deposit keeps it whole). */
    private static String abridged(List<String> selection) {
        if (selection.size() <= 20) {
            return selection.toString();
        }
        return selection.subList(0, 20).toString().replace("]", ", ... (" + selection.size() + " in all)]");
    }
}
