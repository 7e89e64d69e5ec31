package org.locker.core.discussion;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.locker.core.directory.Profile;
import org.locker.core.notification.Notifications;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.UserId;

/**
 * The entry point of discussions, over the platform port: conversations, the administrator's settings, the users'
 * preferences, and the delegates' broadcasts (information and surveys). Each method hands over to the class of its
 * use case ({@link StartDiscussion}, {@link PostMessage}, {@link DiscussionReading}, {@link Invitations},
 * {@link SendBroadcast}, {@link Broadcasts}, {@link Contacts}, {@link ContactPreferences},
 * {@link EstablishmentSettings}, {@link Drafts}). Every action asks {@link DiscussionRules} first; a refusal throws
 * {@link DiscussionRefusedException}, bad input throws {@link DiscussionInputException}, and nothing is stored in
 * either case.
 *
 * <h2>Storage</h2> ({@link DiscussionStore}, names in {@link DiscussionModel})
 * <ul>
 * <li>A discussion is a folder {@code /discussions/<yyyy>/<uuid>} of type {@value DiscussionModel#DISCUSSION},
 * inheritance off, with a READ grant to each current participant: only participants read it, enforced by the
 * platform. Its properties hold the members in joining order with who brought each
 * ({@value DiscussionModel#MEMBERS}), the participant ids ({@value DiscussionModel#PARTICIPANTS}, queried), the
 * message count, the last activity and one read marker per user (the number of messages they had read).</li>
 * <li>A message is a child node of type {@value DiscussionModel#MESSAGE}, named by its sequence number, with its
 * author, its text (stored as given: markup is never interpreted) and the time it was posted.</li>
 * <li>A broadcast is a folder {@code /broadcasts/<yyyy>/<uuid>} of type {@value DiscussionModel#BROADCAST},
 * readable by its delegate, the guardians it reached and the class's guardian groups; the engine narrows the class
 * to the broadcast's audience, which guardians join while it is open ({@link BroadcastAudience}, decision 0013). Its
 * {@code responses} folder (read confirmations and survey answers,
 * one node per guardian, so that a second answer cannot be stored) is readable by the delegate only.</li>
 * <li>A draft (written while discussions are closed) is a node of type {@value DiscussionModel#DRAFT} under
 * {@code /drafts/<user>}, a folder readable by that user only ({@link DraftStore}).</li>
 * <li>The settings are the properties of {@code /settings/discussions}; the preferences are user properties
 * {@value DiscussionModel#CONTACT_PREFERENCES} and {@value DiscussionModel#GUARDIAN_MESSAGING}.</li>
 * </ul>
 * Reads go through a session as the user, so the platform decides what they see; writes are made by the service
 * account once the rules allowed them.
 */
public final class Discussions {

    // Storage names that other modules use (the bindings' model, the benchmarks); all of them are in DiscussionModel.
    public static final String DISCUSSION = DiscussionModel.DISCUSSION;
    public static final String MESSAGE = DiscussionModel.MESSAGE;
    public static final String BROADCAST = DiscussionModel.BROADCAST;
    public static final String RESPONSE = DiscussionModel.RESPONSE;
    public static final String ATTACHMENT_TYPE = DiscussionModel.ATTACHMENT_TYPE;
    public static final String PARTICIPANTS = DiscussionModel.PARTICIPANTS;
    public static final String MESSAGE_COUNT = DiscussionModel.MESSAGE_COUNT;

    public static final int MAX_TEXT = DiscussionLimits.MAX_TEXT;
    public static final int MAX_SUBJECT = DiscussionLimits.MAX_SUBJECT;
    public static final int MAX_OPTION = DiscussionLimits.MAX_OPTION;
    public static final int MIN_OPTIONS = DiscussionLimits.MIN_OPTIONS;
    public static final int MAX_OPTIONS = DiscussionLimits.MAX_OPTIONS;

    private final EstablishmentSettings settings;
    private final ContactPreferences preferences;
    private final Contacts contacts;
    private final StartDiscussion starting;
    private final PostMessage posting;
    private final DiscussionReading reading;
    private final Invitations invitations;
    private final SendBroadcast sending;
    private final Broadcasts broadcasts;
    private final Drafts drafts;
    private final Clock clock;

    public Discussions(ContentPlatform platform, Clock clock, ZoneId defaultZone) {
        this(platform, clock, defaultZone, new Notifications());
    }

    /** @param notifications records replies, broadcasts and surveys with their cause */
    public Discussions(ContentPlatform platform, Clock clock, ZoneId defaultZone, Notifications notifications) {
        DiscussionContext context = DiscussionContext.of(platform, clock, defaultZone);
        DiscussionNotices notices = new DiscussionNotices(notifications);
        this.settings = context.settings();
        this.preferences = new ContactPreferences(context);
        this.contacts = new Contacts(context);
        this.starting = new StartDiscussion(context);
        this.posting = new PostMessage(context, new LockerAttachments(context), notices);
        this.reading = new DiscussionReading(context, notices);
        this.invitations = new Invitations(context);
        this.sending = new SendBroadcast(context, notices);
        this.broadcasts = new Broadcasts(context);
        this.drafts = new Drafts(context, new DraftStore(), starting, posting);
        this.clock = clock;
    }

    // ================================================================ views

    public record Summary(
            NodeId id,
            String subject,
            UserId startedBy,
            List<UserId> participants,
            Instant created,
            Instant lastActivity,
            long messages,
            long unread) {}

    /** A document of the author's locker attached to a message: a copy kept in the discussion. */
    public record Attachment(NodeId id, String name, String mimeType, long size) {}

    public record Message(NodeId id, UserId author, String text, Instant postedAt, Optional<Attachment> attachment) {}

    /**
     * What a user wrote while discussions were closed, kept for them alone. {@code discussion}: the discussion a
     * reply answers (then no subject nor recipients), empty for a new discussion.
     */
    public record Draft(
            Optional<NodeId> discussion, String subject, List<UserId> recipients, String text, Instant savedAt) {}

    public record Page(Summary discussion, List<Message> messages, int offset, int limit) {}

    /** @param acceptedContacts for a teacher, else null; @param guardianMessaging for a guardian, else null */
    public record Preferences(Set<ContactCategory> acceptedContacts, Boolean guardianMessaging) {}

    /** @param classes a student's class, or the classes whose team a teacher or staff member is in */
    public record Contact(UserId id, Profile profile, String displayName, List<String> classes) {}

    public enum BroadcastKind {
        INFORMATION,
        SURVEY
    }

    /**
     * A broadcast as its reader sees it. {@code confirmedBy} and {@code results} (answer count per option) are
     * filled for its delegate only; {@code confirmedByMe} and {@code myAnswer} for a guardian of its audience.
     */
    public record Broadcast(
            NodeId id,
            BroadcastKind kind,
            String classCode,
            UserId author,
            String text,
            List<String> options,
            Instant sentAt,
            int audience,
            List<UserId> confirmedBy,
            List<Long> results,
            long answers,
            boolean confirmedByMe,
            Integer myAnswer) {}

    // ================================================================ settings and preferences

    public DiscussionSettings settings() {
        return settings.settings();
    }

    public DiscussionSettings updateSettings(DiscussionSettings settings) {
        return this.settings.update(settings);
    }

    /** Saves the settings; what {@code admin} changed goes to the audit trail. */
    public DiscussionSettings updateSettings(UserId admin, DiscussionSettings settings) {
        return this.settings.update(Optional.of(admin), settings);
    }

    public DiscussionRules rules() {
        return settings.rules();
    }

    /**
     * Whether {@code me} may write now, by the service's clock: refused while discussions are off (for the
     * establishment or {@code me}'s profile) or outside the window, then with the next opening in the
     * establishment's zone. What the composer shows while it keeps a draft.
     */
    public Decision mayWriteNow(UserId me) {
        return drafts.mayWriteNow(me);
    }

    /** The service's clock: what "now" is for the rules. */
    public Instant now() {
        return clock.instant();
    }

    // ================================================================ drafts

    /** My draft of a reply to {@code discussion}, or of a new discussion when empty. */
    public Optional<Draft> draft(UserId me, Optional<NodeId> discussion) {
        return drafts.draft(me, discussion);
    }

    /** Keeps my draft (at any hour); an empty one discards it. */
    public Optional<Draft> saveDraft(
            UserId me, Optional<NodeId> discussion, String subject, List<UserId> recipients, String text) {
        return drafts.save(me, discussion, subject, recipients, text);
    }

    public void discardDraft(UserId me, Optional<NodeId> discussion) {
        drafts.discard(me, discussion);
    }

    /** Starts the discussion of my draft now (refused like any start while closed), then empties the draft. */
    public Summary sendNewDiscussionDraft(UserId me) {
        return drafts.sendNewDiscussion(me);
    }

    /** Posts my reply draft now (refused like any post while closed), then empties the draft. */
    public Message sendReplyDraft(UserId me, NodeId discussion) {
        return drafts.sendReply(me, discussion);
    }

    public Preferences preferences(UserId user) {
        return preferences.preferences(user);
    }

    /**
     * Changes the user's own preferences: accepted contacts apply to teachers, guardian messaging to guardians;
     * a value that does not apply to the user's profile, or a null one, is left unchanged.
     */
    public Preferences updatePreferences(
            UserId user, Set<ContactCategory> acceptedContacts, Boolean guardianMessaging) {
        return preferences.update(user, acceptedContacts, guardianMessaging);
    }

    // ================================================================ contacts

    /** Whom {@code me} may start a discussion with, by profile then name (empty when they may start none). */
    public List<Contact> allowedContacts(UserId me) {
        return contacts.allowed(me);
    }

    /**
     * {@link #allowedContacts} as {@code me} may see them: a family (student, guardian) sees only the classes it
     * shares with each contact; the establishment's side sees all of them.
     */
    public List<Contact> allowedContactsAsSeenBy(UserId me) {
        return contacts.allowedAsSeenBy(me);
    }

    // ================================================================ conversations

    /** Starts a discussion of {@code me} with {@code recipients}, with a first message. */
    public Summary start(UserId me, String subject, List<UserId> recipients, String text) {
        return starting.start(me, subject, recipients, text);
    }

    /** Posts a message in a discussion {@code me} is in. */
    public Message post(UserId me, NodeId discussionId, String text) {
        return post(me, discussionId, text, null);
    }

    /**
     * Posts a message with, optionally, a document of the author's locker attached. The attachment is copied
     * into the discussion, so that exactly its participants can read it, whatever happens to the original.
     *
     * @param attachment a locker document {@code me} may read, or null
     */
    public Message post(UserId me, NodeId discussionId, String text, NodeId attachment) {
        return posting.post(me, discussionId, text, attachment);
    }

    /** The attachment of a message, streamed, if {@code me} may read the discussion (the platform decides). */
    public Content attachment(UserId me, NodeId discussionId, NodeId messageId) {
        return reading.attachment(me, discussionId, messageId);
    }

    /** The discussions {@code me} takes part in, newest activity first, with their unread counts. */
    public List<Summary> list(UserId me, int offset, int limit) {
        return reading.list(me, offset, limit);
    }

    /** One discussion with a page of its messages, oldest first. */
    public Page read(UserId me, NodeId discussionId, int offset, int limit) {
        return reading.read(me, discussionId, offset, limit);
    }

    /** Marks every message of the discussion as read by {@code me}. */
    public Summary markRead(UserId me, NodeId discussionId) {
        return reading.markRead(me, discussionId);
    }

    /** {@code me} leaves the discussion: they can no longer read it (the platform grant is revoked). */
    public void leave(UserId me, NodeId discussionId) {
        invitations.leave(me, discussionId);
    }

    /** {@code me} (a teacher or staff member in the discussion) brings {@code invitee} in. */
    public Summary invite(UserId me, NodeId discussionId, UserId invitee) {
        return invitations.invite(me, discussionId, invitee);
    }

    // ================================================================ broadcasts

    /** A delegate sends an information to the guardians of a class they represent. */
    public Broadcast broadcastInformation(UserId me, String classCode, String text) {
        return sending.information(me, classCode, text);
    }

    /** A delegate asks the guardians of a class they represent a question with 2 to 10 options. */
    public Broadcast broadcastSurvey(UserId me, String classCode, String question, List<String> options) {
        return sending.survey(me, classCode, question, options);
    }

    /**
     * How many guardians a broadcast of {@code me} to the class would reach if sent now (at any hour), by the rules
     * of the send itself: the count the composer shows before sending. Sending to nobody is refused.
     */
    public int broadcastAudience(UserId me, String classCode) {
        return sending.audience(me, classCode).size();
    }

    /** The broadcasts {@code me} sent or received, newest first. */
    public List<Broadcast> broadcasts(UserId me) {
        return broadcasts.list(me);
    }

    public Broadcast broadcast(UserId me, NodeId id) {
        return broadcasts.get(me, id);
    }

    /** A guardian of the audience confirms they read the broadcast (idempotent). */
    public Broadcast confirmRead(UserId me, NodeId id) {
        return broadcasts.confirmRead(me, id);
    }

    /** A guardian of the audience answers a survey, once. */
    public Broadcast answer(UserId me, NodeId id, int option) {
        return broadcasts.answer(me, id, option);
    }
}
