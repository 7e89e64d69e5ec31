package org.locker.core.locker;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.locker.core.audit.AuditTrail;
import org.locker.core.directory.Profile;
import org.locker.core.notification.Notifications;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.UserId;
import org.locker.core.platform.Version;

/**
 * The entry point of lockers: it wires one class per use case and hands each call to the one that owns it. A
 * deposit is one versioned document node, whatever the number of recipients; recipients are platform grants
 * (to users, or to groups: a profile, a class's team, a class's guardians) and the names of those principals in
 * {@link LockerModel#RECIPIENTS}, which lockers query. The platform filters every read by its permissions.
 * Guardians see a deposit only inside its publication window ({@link PublicationWindows}).
 *
 * <p>Where to read on: {@link LockerSettings}, {@link DepositDocument} (with {@link RecipientResolver} and
 * {@link PublicationWindows}), {@link LockerListing}, {@link LockerDocuments}, {@link Distributions},
 * writing to the {@link AuditTrail}; every stored name is read and written by {@link DepositStore} and {@link WindowStore}. The
 * types of this API stay nested here so that callers keep one import.
 */
public final class Lockers {

    private final LockerSettings settings;
    private final DepositDocument deposits;
    private final DepositFromCloud fromCloud;
    private final DepositFamilyParts familyParts;
    private final PublicationWindows windows;
    private final LockerListing listing;
    private final NotOpenedCount notOpened;
    private final LockerPages pages;
    private final LockerDocuments documents;
    private final Distributions distributions;
    private final Reminders reminders;
    private final DepositMonthsMigration monthsMigration;

    public Lockers(ContentPlatform platform, Clock clock) {
        this(platform, clock, new Notifications());
    }

    /**
     * @param notifications records the notifications of deposits, versions and reminders with their cause
     *     ({@link Notifications#off()} only for the benchmark that measures what they add)
     */
    public Lockers(ContentPlatform platform, Clock clock, Notifications notifications) {
        DepositStore store = new DepositStore();
        AuditTrail audit = new AuditTrail(platform, clock);
        DepositNotices notices = new DepositNotices(notifications);
        this.settings = new LockerSettings(platform, store, audit);
        this.windows = new PublicationWindows(platform, clock, new WindowStore(), store, notices);
        this.deposits = new DepositDocument(platform, clock, store, new RecipientResolver(), windows, audit, notices);
        this.fromCloud = new DepositFromCloud(platform, clock, deposits);
        this.familyParts = new DepositFamilyParts(platform, clock, store, windows, audit, notices);
        this.listing = new LockerListing(platform, clock, store);
        this.notOpened = new NotOpenedCount(platform, clock, store);
        this.pages = new LockerPages(platform, clock, store);
        this.documents = new LockerDocuments(platform, clock, store, audit, notices, notifications);
        this.distributions = new Distributions(platform, clock, store, audit, notices);
        this.reminders = new Reminders(platform, clock, store, distributions, notices);
        this.monthsMigration = new DepositMonthsMigration(platform, store);
    }

    // ------------------------------------------------------------------ settings

    /**
     * The administrator's settings: document types, whether guardians may deposit and whether macro-enabled
     * Office documents are accepted.
     */
    public record Settings(List<String> documentTypes, boolean guardianExchange, boolean macroEnabledDocuments) {
        public Settings {
            documentTypes = List.copyOf(documentTypes);
        }
    }

    public Settings settings() {
        return settings.settings();
    }

    public Settings updateSettings(
            UserId admin,
            Optional<List<String>> documentTypes,
            Optional<Boolean> guardianExchange,
            Optional<Boolean> macroEnabledDocuments) {
        return settings.update(
                admin, documentTypes.map(LockerSettings::fromTexts), guardianExchange, macroEnabledDocuments);
    }

    /**
     * {@link #updateSettings} with document types given with their labels (a type without a code gets one derived
     * from its label).
     */
    public Settings updateSettingsWithLabels(
            UserId admin,
            Optional<List<DocumentType>> documentTypes,
            Optional<Boolean> guardianExchange,
            Optional<Boolean> macroEnabledDocuments) {
        return settings.update(admin, documentTypes, guardianExchange, macroEnabledDocuments);
    }

    /** The document types with their labels (codes only for settings stored before labels). */
    public List<DocumentType> documentTypes() {
        return settings.documentTypes();
    }

    // ------------------------------------------------------------------ depositing

    /** Whether someone of {@code profile} may deposit: not students; guardians when the settings allow it. */
    public boolean mayDeposit(Profile profile) {
        return DepositDocument.mayDeposit(profile, settings.settings());
    }

    /**
     * What a depositor of a profile may choose in a deposit, so that an interface offers only that: nothing when
     * they may not deposit; a guardian chooses personnel of their children's classes and those classes' teams,
     * without the standing option nor the recipients' right to modify.
     *
     * @param recipientProfiles the categories of people they may choose, whole or one by one
     * @param wholeCategories whether a whole category may be chosen (the establishment's)
     * @param classTeams whether a class's pedagogical team may be chosen (a guardian: their children's classes)
     * @param familyClassesOnly whether the people and teams offered are only those of the depositor's children's
     *                          classes
     * @param standing whether the standing option applies (whole categories follow people created later)
     * @param allowModify whether the depositor may let personnel recipients add versions
     */
    public record DepositOptions(
            boolean mayDeposit,
            List<Profile> recipientProfiles,
            boolean wholeCategories,
            boolean classTeams,
            boolean familyClassesOnly,
            boolean standing,
            boolean allowModify) {
        public DepositOptions {
            recipientProfiles = List.copyOf(recipientProfiles);
        }
    }

    /** What someone of {@code profile} may choose when depositing (under the current settings). */
    public DepositOptions depositOptions(Profile profile) {
        return DepositDocument.options(profile, settings.settings());
    }

    /** Whether {@code depositor} may deposit to someone of profile {@code recipient}: guardians to personnel only. */
    public boolean mayDepositTo(Profile depositor, Profile recipient) {
        return RecipientResolver.mayDepositTo(depositor, recipient);
    }

    /** A validated deposit, ready to store one or several files with the same settings. */
    public record PreparedDeposit(
            UserId depositor, DepositRequest request, Set<PrincipalId> immediate, Set<PrincipalId> guardians) {}

    /**
     * A file to deposit: its checked name, its detected type and its content stream, and its own document type
     * when the files of one deposit have different types (else the request's).
     */
    public record DepositFile(String name, ContentSource content, Optional<String> documentType) {
        public DepositFile {
            java.util.Objects.requireNonNull(documentType, "documentType");
        }

        /** A file of the request's document type. */
        public DepositFile(String name, ContentSource content) {
            this(name, content, Optional.empty());
        }

        /** The same file, of its own document type. */
        public DepositFile ofType(String type) {
            return new DepositFile(name, content, Optional.of(type));
        }
    }

    /** A stored deposit. */
    public record Deposited(NodeId id, String depositId, String name, String version) {}

    /**
     * Judges content to deposit: checks the name and the type detected on the content, and returns the final
     * name and type (its {@link DepositFile#content()} stream is not used).
     * @throws LockerRefusal when the name or the type is not accepted
     */
    @FunctionalInterface
    public interface ContentJudge {
        DepositFile judge(String name, ContentSource.Opener content);
    }

    /** Validates a request (profile, type, memo, recipients, window); stores nothing. */
    public PreparedDeposit prepare(UserId depositor, Profile profile, DepositRequest request) {
        return deposits.prepare(depositor, profile, request);
    }

    /** Stores each file as its own deposit with the same settings, all in one platform save. */
    public List<Deposited> deposit(PreparedDeposit prepared, List<DepositFile> files) {
        return deposits.deposit(prepared, files);
    }

    /**
     * One family's part of a document cut per family: its name, its guardians (the only ones who read it), its pages,
     * and the student it is about (named to the guardians in the deposit's notification; none when empty).
     */
    public record FamilyPart(String name, Set<PrincipalId> guardians, ContentSource content, Optional<UserId> student) {
        public FamilyPart {
            java.util.Objects.requireNonNull(name, "name");
            guardians = Set.copyOf(guardians);
            java.util.Objects.requireNonNull(content, "content");
            java.util.Objects.requireNonNull(student, "student");
        }

        /** A part about no one student in particular. */
        public FamilyPart(String name, Set<PrincipalId> guardians, ContentSource content) {
            this(name, guardians, content, Optional.empty());
        }
    }

    /** A document cut per family, deposited: the one deposit, and its parts' ids in the order given. */
    public record PartsDeposited(Deposited deposit, List<NodeId> parts) {}

    /**
     * Deposits a document cut into one part per family (a split, decision 0025): one deposit of the whole file to
     * every family's guardians, whose guardians each read only their own family's part, granted while the window is
     * open; all in one platform save, into which {@code alsoSave} writes what records that it was made (so that a
     * retry does not deposit twice).
     *
     * @param prepared prepared for every family's guardians, and nobody else
     */
    public PartsDeposited depositParts(
            PreparedDeposit prepared,
            DepositFile whole,
            List<FamilyPart> parts,
            BiConsumer<org.locker.core.platform.PlatformSession, PartsDeposited> alsoSave) {
        return familyParts.deposit(prepared, whole, parts, alsoSave);
    }

    /**
     * A document of the depositor's cloud to deposit: its node, an optional new name, and its own document type when
     * the documents of one deposit have different types (else the request's).
     */
    public record CloudSource(NodeId node, Optional<String> rename, Optional<String> documentType) {
        public CloudSource {
            java.util.Objects.requireNonNull(node, "node");
            java.util.Objects.requireNonNull(rename, "rename");
            java.util.Objects.requireNonNull(documentType, "documentType");
        }
    }

    /**
     * "From my cloud": copies one or several platform documents the depositor can read, all or nothing: each is read as the depositor and judged before
     * any is stored; each becomes its own deposit with the prepared settings.
     *
     * @throws SourceRefusal naming the document refused; nothing is stored
     */
    public List<Deposited> depositCopies(PreparedDeposit prepared, List<CloudSource> sources, ContentJudge judge) {
        return fromCloud.copy(prepared, sources, judge);
    }

    // ------------------------------------------------------------------ windows

    /**
     * What a reconcile changed: the number of windows it opened and closed (each holds one or more deposits), and
     * the next instant at which a window opens or closes, when one will.
     */
    public record ReconcileReport(int opened, int closed, Optional<Instant> nextBoundary) {
        public ReconcileReport(int opened, int closed) {
            this(opened, closed, Optional.empty());
        }
    }

    /**
     * Registers who applies windows at their boundaries (one listener: the service's reconciler). It is called with
     * the next opening or closing of every window a deposit joins.
     */
    public void onWindowBoundary(Consumer<Instant> listener) {
        windows.onBoundary(listener);
    }

    /** Opens the windows whose start has come and closes those whose end has passed, idempotently. */
    public ReconcileReport reconcileWindows() {
        return windows.reconcile();
    }

    /**
     * Gives every deposit stored before deposits were indexed by month its months, in batches; until it has run
     * once to the end, lockers and distributions are read without them (slower first pages). Idempotent; the
     * service runs it at start-up.
     *
     * @return how many deposits were updated
     */
    public int migrateDepositMonths() {
        return monthsMigration.run();
    }

    // ------------------------------------------------------------------ my locker

    /** Filters of a locker listing; empty means no filter. */
    public record LockerFilter(
            Optional<String> documentType, Optional<String> depositor, Optional<Instant> from, Optional<Instant> to) {
        public static LockerFilter none() {
            return new LockerFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** A document in a locker, as its owner sees it. */
    public record LockerEntry(
            NodeId id,
            String depositId,
            String name,
            String documentType,
            String memo,
            String depositor,
            Instant depositedAt,
            String version,
            boolean opened,
            boolean canModify,
            String mimeType,
            long size,
            Optional<Instant> publishFrom,
            Optional<Instant> publishTo) {}

    /** The deposits for {@code user} that the platform lets them read, unread first, then newest first. */
    public List<LockerEntry> locker(UserId user, LockerFilter filter) {
        return listing.locker(user, filter);
    }

    /** How many documents of {@code user}'s locker they have not opened yet (what the listing marks unread). */
    public int notOpened(UserId user) {
        return notOpened.count(user);
    }

    /** The most entries one page of a locker holds. */
    public static final int MAX_PAGE_SIZE = LockerPages.MAX_PAGE;

    /**
     * One page of a locker.
     *
     * @param next the cursor of the following page, when there is one (opaque)
     */
    public record LockerPage(List<LockerEntry> entries, Optional<String> next) {
        public LockerPage {
            entries = List.copyOf(entries);
        }
    }

    /**
     * A page of {@code user}'s locker: newest first (ties by deposit id), {@code size} entries at most, starting
     * after {@code cursor} (a previous page's {@link LockerPage#next}), or at the newest when empty.
     *
     * @throws LockerRefusal INVALID_CURSOR for a cursor no page gave, INVALID_PAGE_SIZE outside 1 to
     *     {@link #MAX_PAGE_SIZE}
     */
    public LockerPage lockerPage(UserId user, LockerFilter filter, Optional<String> cursor, int size) {
        return pages.page(user, filter, cursor, size);
    }

    /** Opens a deposit's current content as {@code user}, recording the opening; the caller closes it. */
    public Content open(UserId user, NodeId id) {
        return documents.open(user, id);
    }

    /** Version history of a deposit the user may read, oldest first. */
    public List<Version> versions(UserId user, NodeId id) {
        return documents.versions(user, id);
    }

    /**
     * A new version, made as {@code user} through their own platform session: the depositor, or a recipient
     * the deposit allows to modify. The platform refuses read-only recipients.
     */
    public Version addVersion(UserId user, NodeId id, ContentSource content, String comment) {
        return documents.addVersion(user, id, documentName -> content, comment);
    }

    /**
     * The depositor gives the deposit's version {@code label} to its guardians (a co-recipient's version: their
     * own are given at once). Guardians see only the versions published to them, never a comment (decision 0014).
     * @throws LockerRefusal NOT_THE_DEPOSITOR, NOT_FOR_GUARDIANS, UNKNOWN_VERSION, UNKNOWN_DOCUMENT
     */
    public void publishVersion(UserId user, NodeId id, String label) {
        documents.publish(user, id, label);
    }

    /**
     * For the deposit's depositor: the labels of its versions its guardians were given; empty for anyone else or
     * for a deposit to no guardian.
     */
    public Optional<Set<String>> publishedVersions(UserId user, NodeId id) {
        return documents.published(user, id);
    }

    /** A new version whose content is judged knowing the document's name ({@link VersionJudge}). */
    public Version addVersion(UserId user, NodeId id, VersionJudge judge, String comment) {
        return documents.addVersion(user, id, judge, comment);
    }

    /**
     * Judges a new version's content knowing the document's current name; returns it with its detected type.
     * @throws LockerRefusal when the content is not accepted
     */
    @FunctionalInterface
    public interface VersionJudge {
        ContentSource judge(String documentName);
    }

    // ------------------------------------------------------------------ the depositor's side

    /** How many deposits a page of "my distributions" holds at most. */
    public static final int PAGE_SIZE = 50;

    /** The two views of distributions (the seed's "Teachers, Staff and Counselor" and "Guardians"). */
    public enum Audience {
        PERSONNEL,
        GUARDIANS;

        /** {@code personnel} or {@code guardians}, any case. @throws LockerRefusal UNKNOWN_AUDIENCE */
        public static Audience fromCode(String code) {
            for (Audience audience : values()) {
                if (audience.name().equalsIgnoreCase(code)) {
                    return audience;
                }
            }
            throw new LockerRefusal(LockerRefusal.Reason.UNKNOWN_AUDIENCE, code);
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Someone a deposit is for, whether and when they opened it, and in which view they are. */
    public record Receipt(String user, Optional<Instant> openedAt, Audience audience) {}

    /** A deposit as its depositor sees it. */
    public record Distribution(
            NodeId id,
            String depositId,
            String name,
            String documentType,
            String memo,
            Instant depositedAt,
            List<String> selection,
            List<String> recipients,
            boolean standing,
            boolean allowModify,
            Optional<Instant> publishFrom,
            Optional<Instant> publishTo,
            String windowState,
            int versions,
            boolean withdrawn,
            List<Receipt> receipts) {}

    /** A page of my distributions, and the cursor of the next one when there may be more. */
    public record DistributionPage(List<Distribution> items, Optional<String> next) {}

    /**
     * A receipt with the person's context, for the depositor's table.
     *
     * @param classes a student's class, a teacher's or staff member's teams, a guardian's children's classes
     * @param remindedAt when the depositor last reminded them, if ever
     */
    public record ReceiptLine(
            String user,
            String name,
            Optional<Profile> profile,
            List<String> classes,
            Audience audience,
            Optional<Instant> openedAt,
            Optional<Instant> remindedAt) {}

    /** A reminder made: how many people it reached, and when. */
    public record Reminded(int reminded, Instant at) {}

    /** A reminder as its recipient sees it in their locker. */
    public record Reminder(String depositId, String remindedBy, Instant at) {}

    /** The first page of the deposits made by {@code depositor}, newest first, with read receipts. */
    public List<Distribution> distributions(UserId depositor) {
        return distributions.distributions(depositor);
    }

    /**
     * A page of at most {@code limit} (1 to {@link #PAGE_SIZE}) of the deposits made by {@code depositor}, newest
     * first, after {@code cursor} (a previous page's {@link DistributionPage#next}), of {@code audience} if given.
     */
    public DistributionPage distributions(
            UserId depositor, Optional<String> cursor, int limit, Optional<Audience> audience) {
        return distributions.page(depositor, cursor, limit, audience);
    }

    /** The receipts of one of my deposits with each person's context, filtered by audience and class. */
    public List<ReceiptLine> receipts(
            UserId depositor, NodeId id, Optional<Audience> audience, Optional<String> schoolClass) {
        return distributions.receipts(depositor, id, audience, schoolClass);
    }

    /** Reminds those who have not opened my deposit yet (of {@code audience} if given). */
    public Reminded remind(UserId depositor, NodeId id, Optional<Audience> audience) {
        return reminders.remind(depositor, id, audience);
    }

    /** The reminders {@code recipient} has for documents they have not opened yet. */
    public List<Reminder> reminders(UserId recipient) {
        return reminders.remindersFor(recipient);
    }

    /** Withdraws a deposit: every grant is revoked, so it leaves every locker; the node and the audit stay. */
    public void withdraw(UserId user, NodeId id) {
        distributions.withdraw(user, id);
    }
}
