package org.locker.core.discussion;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.locker.core.directory.Profile;
import org.locker.core.platform.UserId;

/**
 * Over 400 lines on purpose, half of them the rules' own text: every discussion decision stays in one class, read
 * and tested as one. The one place where discussion actions are decided, from the establishment's
 * {@link DiscussionSettings}, the facts about the users ({@link Participant}) and the discussion
 * ({@link DiscussionState}). Pure and immutable: build a new instance when the settings change. Thread-safe.
 *
 * <h2>Rules (PRONOTE, "Paramétrer l'usage des discussions")</h2>
 * <ol>
 * <li>Discussions off for the establishment: every action is refused ({@code DISCUSSIONS_DISABLED}), reading too.</li>
 * <li>Daily window {@code [start, end)} in the establishment's zone, when "Uniquement entre" is checked: starting,
 * posting, inviting, broadcasting and answering a survey are refused outside it ({@code OUTSIDE_HOURS}, with the
 * next opening). Reading and leaving are always allowed.</li>
 * <li>A profile with discussions disabled sees none and cannot take part ({@code PROFILE_DISABLED}): it can neither
 * act nor be a recipient or an invitee (the initiator is refused).</li>
 * <li>A user barred from initiating cannot start a discussion ({@code INITIATION_BLOCKED}); they still post in the
 * discussions they are in.</li>
 * <li>A teacher's contact preferences refuse discussions <em>started</em> with them by a category of users
 * ({@code CONTACT_REFUSED}); the teacher can still start one with those users.</li>
 * <li>Students and non-delegate guardians cannot communicate among themselves unless a teacher or staff member who
 * brought them together is present ({@code NOT_INVITED}).</li>
 * <li>With guardian messaging on, a delegate guardian discusses with the guardians of the class they represent and
 * broadcasts to them; any guardian may start a discussion with a delegate of a class of their children; both
 * guardians must have "communication entre responsables" on ({@code GUARDIAN_MESSAGING_DISABLED},
 * {@code NOT_A_DELEGATE}).</li>
 * <li>Teachers and staff start discussions with anyone whose profile is enabled (subject to the recipient teacher's
 * preferences) and invite participants into discussions they are in; nobody else invites
 * ({@code NOT_ALLOWED_TO_INVITE}).</li>
 * </ol>
 *
 * <h2>Decisions where the source is silent</h2>
 * <ul>
 * <li><b>Who is "staff".</b> Teachers, staff, counselors (CPE) and administrators are the establishment's side
 * ({@link Profile#isEstablishment()}): they may start discussions with anyone, invite, and supervise families.
 * Students and guardians are "families" ({@link Profile#isFamily()}).</li>
 * <li><b>Contact preferences</b> exist for teachers only (the source names teachers only). Their categories are
 * students, guardians, staff (staff, counselors, administrators) and teachers; all are accepted by default. They
 * apply when a discussion is started with the teacher and when the teacher is invited into one (being invited is
 * being contacted by the inviter).</li>
 * <li><b>Families among themselves.</b> "Entre eux" is read as any pair of family members: two students, a student
 * and a guardian (even their own: the directory does not link students to guardians for this purpose), and two
 * guardians unless one is a delegate of a class of the other's children (rule 7). Such a pair may share a
 * discussion only when <em>the later of the two to join was brought in by a teacher or staff member who is still
 * present</em> (and whose profile is enabled): that member put them together and is there to supervise. The
 * recipients of a first message are brought in by the starter. <b>When that member leaves</b>, the pair can no
 * longer post ({@code NOT_INVITED}); the establishment's side can still post, everybody can still read, and a
 * teacher can open a new discussion with them. A family member may therefore not start a discussion with two
 * families who could not talk to each other directly (a delegate cannot open a group discussion among the
 * guardians of a class: that is what broadcasts are for).</li>
 * <li><b>Guardian to guardian</b>, checked in this order: guardian messaging off for the establishment
 * ({@code GUARDIAN_MESSAGING_DISABLED}); neither is a delegate of a class of the other's children
 * ({@code NOT_A_DELEGATE}); either preference off ({@code GUARDIAN_MESSAGING_DISABLED}). A delegate "belongs" to the
 * class they represent, so two delegates of the same class may talk. When posting, the rule is checked again with the
 * current settings: turning guardian messaging off freezes existing guardian discussions.</li>
 * <li><b>Broadcasts and surveys</b> (delegates to the guardians of their class) follow the same settings: guardian
 * messaging on, the delegate's preference on; the audience is the guardians of the class whose preference is on.
 * Answering a survey needs the same, for a guardian of that class ({@code NOT_A_PARTICIPANT} otherwise).</li>
 * <li><b>Initiation bar</b> applies to any user in the set (the administrator sets it on student records), and only
 * to starting: a barred student cannot invite anyway, and keeps posting in discussions they are in.</li>
 * <li><b>Input errors are exceptions, not refusals</b>: no recipients, oneself among the recipients, a duplicate
 * recipient, inviting a current participant throw {@link IllegalArgumentException} (the service answers 400).</li>
 * <li><b>Order of checks</b>: input, establishment switch, the actor's profile, the actor's bar or participation,
 * the other users, and the time window last, so that a lasting refusal is never hidden behind "come back at
 * 07:00".</li>
 * </ul>
 */
public final class DiscussionRules {

    private final DiscussionSettings settings;

    public DiscussionRules(DiscussionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public DiscussionSettings settings() {
        return settings;
    }

    // ---------------------------------------------------------------- conversations

    /**
     * May {@code initiator} start a discussion with {@code recipients} now?
     *
     * @throws IllegalArgumentException if there is no recipient, the initiator is among them, or one is repeated
     */
    public Decision mayStart(Participant initiator, List<Participant> recipients, Instant now) {
        requireRecipients(initiator, recipients);
        Objects.requireNonNull(now, "now");
        Decision own = mayInitiate(initiator);
        if (own.isRefused()) {
            return own;
        }
        for (int i = 0; i < recipients.size(); i++) {
            if (settings.isProfileDisabled(recipients.get(i).profile())) {
                return Decision.refused(RefusalReason.PROFILE_DISABLED);
            }
        }
        for (int i = 0; i < recipients.size(); i++) {
            RefusalReason refusal = contactRefusal(initiator, recipients.get(i));
            if (refusal != null) {
                return Decision.refused(refusal);
            }
        }
        if (!initiator.profile().isEstablishment()) {
            // The recipients are brought together by a family member, who cannot supervise them.
            for (int i = 0; i < recipients.size(); i++) {
                for (int j = i + 1; j < recipients.size(); j++) {
                    RefusalReason refusal = unsupervisedPairRefusal(recipients.get(i), recipients.get(j));
                    if (refusal != null) {
                        return Decision.refused(refusal);
                    }
                }
            }
        }
        return window(now);
    }

    /**
     * May {@code initiator} start discussions at all, whoever with: the establishment's switch, their profile, their
     * bar (the checks of {@link #mayStart} that concern the initiator alone, in the same order).
     */
    public Decision mayInitiate(Participant initiator) {
        Objects.requireNonNull(initiator, "initiator");
        if (!settings.enabled()) {
            return Decision.refused(RefusalReason.DISCUSSIONS_DISABLED);
        }
        if (settings.isProfileDisabled(initiator.profile())) {
            return Decision.refused(RefusalReason.PROFILE_DISABLED);
        }
        if (settings.isInitiationBlocked(initiator.id())) {
            return Decision.refused(RefusalReason.INITIATION_BLOCKED);
        }
        return Decision.allowed();
    }

    /** May {@code author} post a message in the discussion now? */
    public Decision mayPost(Participant author, DiscussionState discussion, Instant now) {
        Objects.requireNonNull(now, "now");
        Decision membership = participation(author, discussion);
        if (membership.isRefused()) {
            return membership;
        }
        if (!author.profile().isEstablishment()) {
            List<DiscussionState.Member> members = discussion.members();
            int self = discussion.indexOf(author.id());
            for (int other = 0; other < members.size(); other++) {
                Participant peer = members.get(other).participant();
                if (other == self || peer.profile().isEstablishment() || supervised(discussion, self, other)) {
                    continue;
                }
                RefusalReason refusal = unsupervisedPairRefusal(author, peer);
                if (refusal != null) {
                    return Decision.refused(refusal);
                }
            }
        }
        return window(now);
    }

    /**
     * May {@code inviter} bring {@code invitee} into the discussion now?
     *
     * @throws IllegalArgumentException if the invitee is already a participant
     */
    public Decision mayInvite(Participant inviter, Participant invitee, DiscussionState discussion, Instant now) {
        Objects.requireNonNull(invitee, "invitee");
        Objects.requireNonNull(now, "now");
        if (discussion.contains(invitee.id())) {
            throw new IllegalArgumentException(invitee.id() + " is already a participant of this discussion");
        }
        Decision inviting = mayInviteAnyone(inviter, discussion);
        if (inviting.isRefused()) {
            return inviting;
        }
        if (settings.isProfileDisabled(invitee.profile())) {
            return Decision.refused(RefusalReason.PROFILE_DISABLED);
        }
        RefusalReason refusal = contactRefusal(inviter, invitee);
        if (refusal != null) {
            return Decision.refused(refusal);
        }
        // The invitee joins last, brought by the inviter, who is present: every new pair is supervised.
        return window(now);
    }

    /**
     * May {@code inviter} invite into the discussion at all, whoever the invitee: the checks of {@link #mayInvite}
     * that concern the inviter alone, so that the invitee is looked up only for those who may invite.
     */
    public Decision mayInviteAnyone(Participant inviter, DiscussionState discussion) {
        Decision membership = participation(inviter, discussion);
        if (membership.isRefused()) {
            return membership;
        }
        if (!inviter.profile().isEstablishment()) {
            return Decision.refused(RefusalReason.NOT_ALLOWED_TO_INVITE);
        }
        return Decision.allowed();
    }

    /** May {@code reader} read the discussion (at any hour)? */
    public Decision mayRead(Participant reader, DiscussionState discussion) {
        return participation(reader, discussion);
    }

    /** May {@code participant} leave the discussion (at any hour)? */
    public Decision mayLeave(Participant participant, DiscussionState discussion) {
        return participation(participant, discussion);
    }

    /** Does {@code user} see discussions at all (the discussions menu, their list)? */
    public Decision maySeeDiscussions(Participant user) {
        if (!settings.enabled()) {
            return Decision.refused(RefusalReason.DISCUSSIONS_DISABLED);
        }
        if (settings.isProfileDisabled(user.profile())) {
            return Decision.refused(RefusalReason.PROFILE_DISABLED);
        }
        return Decision.allowed();
    }

    /**
     * The candidates {@code me} may start a discussion with, one to one, whatever the hour (the window is shown
     * separately), in the candidates' order. Empty when {@code me} may not start discussions at all.
     */
    public Set<UserId> allowedContacts(Participant me, Collection<Participant> candidates) {
        if (!settings.enabled() || settings.isProfileDisabled(me.profile()) || settings.isInitiationBlocked(me.id())) {
            return Set.of();
        }
        Set<UserId> allowed = new LinkedHashSet<>();
        for (Participant candidate : candidates) {
            if (!candidate.id().equals(me.id())
                    && !settings.isProfileDisabled(candidate.profile())
                    && contactRefusal(me, candidate) == null) {
                allowed.add(candidate.id());
            }
        }
        return Collections.unmodifiableSet(allowed);
    }

    // ---------------------------------------------------------------- broadcasts and surveys

    /** May {@code delegate} broadcast an information or a survey to the guardians of {@code classCode} now? */
    public Decision mayBroadcast(Participant delegate, String classCode, Instant now) {
        Objects.requireNonNull(now, "now");
        RefusalReason refusal = broadcastRefusal(delegate, classCode);
        return refusal == null ? window(now) : Decision.refused(refusal);
    }

    /**
     * Who receives a broadcast of {@code delegate} to {@code classCode}: the guardians of the class, other than the
     * delegate, who turned guardian messaging on. Empty when the delegate may not broadcast (whatever the hour).
     */
    public Set<UserId> broadcastAudience(Participant delegate, String classCode, Collection<Participant> candidates) {
        if (broadcastRefusal(delegate, classCode) != null) {
            return Set.of();
        }
        Set<UserId> audience = new LinkedHashSet<>();
        for (Participant candidate : candidates) {
            if (reachedByBroadcast(delegate.id(), classCode, candidate)) {
                audience.add(candidate.id());
            }
        }
        return Collections.unmodifiableSet(audience);
    }

    /**
     * May {@code delegate} prepare a broadcast to {@code classCode} (see who it would reach), whatever the hour? The
     * checks of {@link #mayBroadcast} but the window.
     */
    public Decision mayPrepareBroadcast(Participant delegate, String classCode) {
        RefusalReason refusal = broadcastRefusal(delegate, classCode);
        return refusal == null ? Decision.allowed() : Decision.refused(refusal);
    }

    /**
     * Whether a broadcast of {@code author} to {@code classCode} reaches {@code candidate} now: a guardian of the
     * class, other than the author, who turned guardian messaging on, while the establishment allows it. The one
     * statement of the audience, used when sending, when counting before sending, and for those who join the
     * audience while the broadcast is open.
     */
    public boolean reachedByBroadcast(UserId author, String classCode, Participant candidate) {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(classCode, "classCode");
        return settings.enabled()
                && settings.guardianMessagingEnabled()
                && !settings.isProfileDisabled(candidate.profile())
                && candidate.isGuardianOf(classCode)
                && candidate.guardianMessaging()
                && !candidate.id().equals(author);
    }

    /**
     * Until when a broadcast sent at {@code sentAt} stays open to guardians who join its audience later: a survey
     * for {@value DiscussionLimits#SURVEY_OPEN_DAYS} days, an information until the end of its school year (the next
     * {@link DiscussionLimits#SCHOOL_YEAR_START} in the establishment's zone).
     */
    public Instant broadcastOpenUntil(Discussions.BroadcastKind kind, Instant sentAt) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sentAt, "sentAt");
        if (kind == Discussions.BroadcastKind.SURVEY) {
            return sentAt.plus(java.time.Duration.ofDays(DiscussionLimits.SURVEY_OPEN_DAYS));
        }
        ZonedDateTime sent = sentAt.atZone(settings.zone());
        ZonedDateTime yearEnd =
                DiscussionLimits.SCHOOL_YEAR_START.atYear(sent.getYear()).atStartOfDay(settings.zone());
        if (!yearEnd.isAfter(sent)) {
            yearEnd = DiscussionLimits.SCHOOL_YEAR_START
                    .atYear(sent.getYear() + 1)
                    .atStartOfDay(settings.zone());
        }
        return yearEnd.toInstant();
    }

    /** Whether a broadcast sent at {@code sentAt} is still open to late joiners at {@code now}. */
    public boolean isBroadcastOpen(Discussions.BroadcastKind kind, Instant sentAt, Instant now) {
        return now.isBefore(broadcastOpenUntil(kind, sentAt));
    }

    /** May {@code guardian} answer a survey sent to the guardians of {@code classCode} now? */
    public Decision mayAnswerSurvey(Participant guardian, String classCode, Instant now) {
        Objects.requireNonNull(classCode, "classCode");
        Objects.requireNonNull(now, "now");
        if (!settings.enabled()) {
            return Decision.refused(RefusalReason.DISCUSSIONS_DISABLED);
        }
        if (settings.isProfileDisabled(guardian.profile())) {
            return Decision.refused(RefusalReason.PROFILE_DISABLED);
        }
        if (!guardian.isGuardianOf(classCode)) {
            return Decision.refused(RefusalReason.NOT_A_PARTICIPANT);
        }
        if (!settings.guardianMessagingEnabled() || !guardian.guardianMessaging()) {
            return Decision.refused(RefusalReason.GUARDIAN_MESSAGING_DISABLED);
        }
        return window(now);
    }

    // ---------------------------------------------------------------- the daily window

    /** Whether discussions are open at {@code now} (always, when the window is not enforced). */
    public boolean isOpen(Instant now) {
        if (!settings.windowEnforced()) {
            return true;
        }
        LocalTime time = now.atZone(settings.zone()).toLocalTime();
        return !time.isBefore(settings.windowStart()) && time.isBefore(settings.windowEnd());
    }

    /**
     * The next opening of the window after {@code now}, in the establishment's zone; empty when open now. On a day
     * whose opening time falls in a daylight-saving gap, the opening moves forward by the gap's length.
     */
    public Optional<ZonedDateTime> nextOpening(Instant now) {
        if (isOpen(now)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(settings.zone());
        ZonedDateTime today = ZonedDateTime.of(local.toLocalDate(), settings.windowStart(), settings.zone());
        if (local.toLocalTime().isBefore(settings.windowStart())) {
            if (today.toInstant().isAfter(now)) {
                return Optional.of(today);
            }
            // In the hour repeated when clocks go back, the opening's second occurrence may still be ahead.
            ZonedDateTime repeated = today.withLaterOffsetAtOverlap();
            if (repeated.toInstant().isAfter(now)) {
                return Optional.of(repeated);
            }
        }
        return Optional.of(ZonedDateTime.of(local.toLocalDate().plusDays(1), settings.windowStart(), settings.zone()));
    }

    // ---------------------------------------------------------------- the rules themselves

    private Decision window(Instant now) {
        if (isOpen(now)) {
            return Decision.allowed();
        }
        return Decision.outsideHours(nextOpening(now).orElseThrow());
    }

    /** Establishment switch, the actor's profile, and membership of the discussion. */
    private Decision participation(Participant actor, DiscussionState discussion) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(discussion, "discussion");
        if (!settings.enabled()) {
            return Decision.refused(RefusalReason.DISCUSSIONS_DISABLED);
        }
        if (settings.isProfileDisabled(actor.profile())) {
            return Decision.refused(RefusalReason.PROFILE_DISABLED);
        }
        if (!discussion.contains(actor.id())) {
            return Decision.refused(RefusalReason.NOT_A_PARTICIPANT);
        }
        return Decision.allowed();
    }

    /** Why {@code from} may not contact {@code to} directly (start, invite); null when they may. */
    private RefusalReason contactRefusal(Participant from, Participant to) {
        if (!from.profile().isEstablishment() && !to.profile().isEstablishment()) {
            if (from.profile() == Profile.GUARDIAN && to.profile() == Profile.GUARDIAN) {
                return guardianRefusal(from, to);
            }
            return RefusalReason.NOT_INVITED;
        }
        if (to.profile() == Profile.TEACHER && !to.acceptedContacts().contains(ContactCategory.of(from.profile()))) {
            return RefusalReason.CONTACT_REFUSED;
        }
        return null;
    }

    /** Why two family members may not talk without supervision; null when they may (delegate and guardian). */
    private RefusalReason unsupervisedPairRefusal(Participant a, Participant b) {
        if (a.profile().isEstablishment() || b.profile().isEstablishment()) {
            return null;
        }
        if (a.profile() == Profile.GUARDIAN && b.profile() == Profile.GUARDIAN && delegateLink(a, b)) {
            return guardianRefusal(a, b);
        }
        return RefusalReason.NOT_INVITED;
    }

    /** Guardian to guardian, in either direction. */
    private RefusalReason guardianRefusal(Participant a, Participant b) {
        if (!settings.guardianMessagingEnabled()) {
            return RefusalReason.GUARDIAN_MESSAGING_DISABLED;
        }
        if (!delegateLink(a, b)) {
            return RefusalReason.NOT_A_DELEGATE;
        }
        if (!a.guardianMessaging() || !b.guardianMessaging()) {
            return RefusalReason.GUARDIAN_MESSAGING_DISABLED;
        }
        return null;
    }

    private RefusalReason broadcastRefusal(Participant delegate, String classCode) {
        Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(classCode, "classCode");
        if (!settings.enabled()) {
            return RefusalReason.DISCUSSIONS_DISABLED;
        }
        if (settings.isProfileDisabled(delegate.profile())) {
            return RefusalReason.PROFILE_DISABLED;
        }
        if (!settings.guardianMessagingEnabled()) {
            return RefusalReason.GUARDIAN_MESSAGING_DISABLED;
        }
        if (delegate.profile() != Profile.GUARDIAN
                || !delegate.delegateClasses().contains(classCode)) {
            return RefusalReason.NOT_A_DELEGATE;
        }
        if (!delegate.guardianMessaging()) {
            return RefusalReason.GUARDIAN_MESSAGING_DISABLED;
        }
        return null;
    }

    /**
     * Whether the members at positions {@code i} and {@code j} were put together by the establishment's side, still
     * present: the later of the two was brought in by a teacher or staff member who is a member with an enabled
     * profile.
     */
    private boolean supervised(DiscussionState discussion, int i, int j) {
        UserId broughtBy = discussion.members().get(Math.max(i, j)).broughtBy();
        if (broughtBy == null) {
            return false;
        }
        int sponsor = discussion.indexOf(broughtBy);
        if (sponsor < 0) {
            return false;
        }
        Profile profile = discussion.members().get(sponsor).participant().profile();
        return profile.isEstablishment() && !settings.isProfileDisabled(profile);
    }

    /** One of them is a delegate of a class the other is a guardian of. */
    static boolean delegateLink(Participant a, Participant b) {
        return delegates(a, b) || delegates(b, a);
    }

    private static boolean delegates(Participant delegate, Participant guardian) {
        for (String classCode : delegate.delegateClasses()) {
            if (guardian.isGuardianOf(classCode)) {
                return true;
            }
        }
        return false;
    }

    private static void requireRecipients(Participant initiator, List<Participant> recipients) {
        Objects.requireNonNull(initiator, "initiator");
        Objects.requireNonNull(recipients, "recipients");
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a discussion needs at least one recipient");
        }
        Set<UserId> seen = recipients.size() > 8 ? new HashSet<>() : null;
        for (int i = 0; i < recipients.size(); i++) {
            UserId id = Objects.requireNonNull(recipients.get(i), "recipient").id();
            if (id.equals(initiator.id())) {
                throw new IllegalArgumentException("a discussion with oneself is not a discussion: " + id);
            }
            boolean repeated = seen != null ? !seen.add(id) : repeatedBefore(recipients, i, id);
            if (repeated) {
                throw new IllegalArgumentException("recipient listed twice: " + id);
            }
        }
    }

    private static boolean repeatedBefore(List<Participant> recipients, int end, UserId id) {
        for (int i = 0; i < end; i++) {
            if (recipients.get(i).id().equals(id)) {
                return true;
            }
        }
        return false;
    }
}
