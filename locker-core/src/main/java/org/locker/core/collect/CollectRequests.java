package org.locker.core.collect;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.locker.core.audit.AuditTrail;
import org.locker.core.directory.Profile;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.notification.Notifications;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.UserId;

/**
 * Collect requests ("documents à fournir"), the feature's entry point: the personnel ask families or students for a
 * document by a deadline; each expected hand-in (a slot) is a folder of its own, readable only by its target, the
 * requester and the staff named, by the platform's grants (decision 0023).
 *
 * <p>A publication and each reminder record their notifications ({@code COLLECT_REQUEST}, {@code COLLECT_REMINDER})
 * in their own save, as every cause does (decision 0021). Every action writes its line in the audit trail in the
 * same save ({@link CollectAudit}); the zip and the CSV export in a save of their own, before they are served.
 */
public final class CollectRequests {

    /** How many documents are expected from whom. */
    public enum Mode {
        /** One hand-in per guardian targeted. */
        ONE_PER_GUARDIAN,
        /** One hand-in per guardian for each of their children concerned. */
        ONE_PER_GUARDIAN_PER_CHILD,
        /** One hand-in per student targeted. */
        ONE_PER_STUDENT;

        boolean forStudents() {
            return this == ONE_PER_STUDENT;
        }
    }

    /** What happens to a hand-in after the deadline. */
    public enum LatePolicy {
        REFUSE,
        ACCEPT_MARKED_LATE
    }

    public enum State {
        DRAFT,
        SCHEDULED,
        PUBLISHED,
        WITHDRAWN
    }

    public enum SlotState {
        MISSING,
        HANDED_IN,
        LATE
    }

    /**
     * A request as the requester makes it.
     *
     * @param targets selectors: {@code guardians:<class>}, {@code students:<class>}, {@code user:<guardian id>}
     * @param publishAt when it is published (empty: at once, unless a draft)
     * @param remindDaysBefore days before the deadline at which those missing are reminded (0: never)
     */
    public record NewRequest(
            String title,
            String instructions,
            String documentType,
            List<String> targets,
            Mode mode,
            Instant deadline,
            LatePolicy latePolicy,
            List<UserId> staff,
            boolean draft,
            Optional<Instant> publishAt,
            int remindDaysBefore) {

        public NewRequest {
            instructions = instructions == null ? "" : instructions;
            targets = targets == null ? List.of() : List.copyOf(targets);
            staff = staff == null ? List.of() : List.copyOf(staff);
            publishAt = publishAt == null ? Optional.empty() : publishAt;
            latePolicy = latePolicy == null ? LatePolicy.REFUSE : latePolicy;
        }
    }

    /**
     * A request as stored.
     *
     * @param open whether it accepts hand-ins now
     */
    public record RequestView(
            String id,
            String title,
            String instructions,
            String documentType,
            List<String> targets,
            Mode mode,
            Instant deadline,
            LatePolicy latePolicy,
            List<String> staff,
            String requester,
            State state,
            Optional<Instant> publishAt,
            Optional<Instant> publishedAt,
            int remindDaysBefore,
            Optional<Instant> remindedAt,
            Optional<Instant> autoRemindedAt,
            boolean open) {}

    /** A file handed in. */
    public record FileView(String id, String name, String mimeType, long size, Instant at, String version) {}

    /**
     * One expected hand-in.
     *
     * @param child the child it is for (per-child mode)
     * @param classCode the class it belongs to (empty when unknown)
     */
    public record SlotView(
            String id,
            String requestId,
            String target,
            Optional<String> child,
            String classCode,
            SlotState state,
            Optional<Instant> handedInAt,
            Optional<Instant> remindedAt,
            List<FileView> files) {}

    /** A request with its slots (all of them for the requester and staff; the target's own for a target). */
    public record RequestWithSlots(RequestView request, List<SlotView> slots) {}

    /** A file to hand in, judged by the caller as a deposit's; {@code documentType} as declared, if declared. */
    public record HandInFile(String name, ContentSource content, Optional<String> documentType) {}

    /** A request was published to these users (one per target, whatever their number of slots). */
    public record Published(String requestId, Set<UserId> users, Instant at) {}

    /** These users were reminded of a request (automatically or on demand). */
    public record Reminded(String requestId, Set<UserId> users, Instant at, boolean automatic) {}

    /** What the scheduled run did. */
    public record DueWork(List<Published> published, List<Reminded> reminded) {}

    private final CreateCollectRequest create;
    private final PublishCollectRequest publish;
    private final HandIn handIn;
    private final CollectViews views;
    private final RemindMissing remind;
    private final WithdrawCollectRequest withdraw;
    private final ReadHandedIn readHandedIn;

    /**
     * @param documentTypes the codes of the establishment's document types, asked at each creation
     * @param notifications records the notifications of publications and reminders in their saves
     */
    public CollectRequests(
            ContentPlatform platform, Clock clock, Supplier<Set<String>> documentTypes, Notifications notifications) {
        CollectTargets targets = new CollectTargets(new SchoolDirectory(platform));
        CollectAudit audit = new CollectAudit(new AuditTrail(platform, clock));
        this.publish = new PublishCollectRequest(platform, clock, targets, notifications, audit);
        this.create = new CreateCollectRequest(platform, clock, documentTypes, targets, publish, audit);
        this.handIn = new HandIn(platform, clock, notifications, audit);
        this.views = new CollectViews(platform, clock);
        this.remind = new RemindMissing(platform, clock, notifications, audit);
        this.withdraw = new WithdrawCollectRequest(platform, clock, audit);
        this.readHandedIn = new ReadHandedIn(platform, views, audit);
    }

    public CollectRequests(ContentPlatform platform, Clock clock, Supplier<Set<String>> documentTypes) {
        this(platform, clock, documentTypes, new Notifications());
    }

    /** Creates a request: a draft, published at once, or published at its date. */
    public RequestView create(UserId requester, Profile profile, NewRequest request) {
        return create.create(requester, profile, request);
    }

    /** Publishes a draft, now or at {@code at}. */
    public RequestView publish(UserId requester, NodeId id, Optional<Instant> at) {
        return publish.publishDraft(requester, id, at);
    }

    /** Withdraws a request: nothing more is handed in; what was stays readable. */
    public RequestView withdraw(UserId requester, NodeId id) {
        return withdraw.withdraw(requester, id);
    }

    /** The requests {@code user} made or was named staff of, newest first. */
    public List<RequestView> mine(UserId user) {
        return views.mine(user);
    }

    /** The published requests {@code user} is a target of, with their own slots, nearest deadline first. */
    public List<RequestWithSlots> toHandIn(UserId user) {
        return views.toHandIn(user);
    }

    /** A request with every slot, for its requester or staff. */
    public RequestWithSlots table(UserId user, NodeId id) {
        return views.table(user, id);
    }

    /**
     * The table, to download everything handed in as one zip: read as {@code user}, and the download audited before
     * the caller serves a file.
     */
    public RequestWithSlots downloadHandedIn(UserId user, NodeId id) {
        return readHandedIn.download(user, id);
    }

    /** The table, to export the states (of one class, when given): read as {@code user}, and the export audited. */
    public RequestWithSlots exportStates(UserId user, NodeId id, Optional<String> classCode) {
        return readHandedIn.exportStates(user, id, classCode);
    }

    /** One slot, as {@code user} may read it. */
    public SlotView slot(UserId user, NodeId slotId) {
        return views.slot(user, slotId);
    }

    /** A file handed in, read as {@code user}. */
    public Content open(UserId user, NodeId fileId) {
        return views.open(user, fileId);
    }

    /**
     * Hands in files for {@code user}'s slot of the request (the one for {@code child} in per-child mode): added to
     * what was handed in (the same name makes a new version), or replacing it all when {@code replace}.
     */
    public SlotView handIn(
            UserId user, NodeId requestId, Optional<UserId> child, List<HandInFile> files, boolean replace) {
        return handIn.handIn(user, requestId, child, files, replace);
    }

    /** Reminds those missing, on the requester's demand: once a day at most. */
    public Reminded remind(UserId requester, NodeId id) {
        return remind.remind(requester, id);
    }

    /** Publishes the requests whose date came and sends the automatic reminders due. Idempotent. */
    public DueWork runDue() {
        return new DueWork(publish.publishDue(), remind.remindDue());
    }
}
