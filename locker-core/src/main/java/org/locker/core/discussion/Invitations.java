package org.locker.core.discussion;

import static org.locker.core.discussion.DiscussionWork.require;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import org.locker.core.discussion.DiscussionInputException.Problem;
import org.locker.core.discussion.Discussions.Summary;
import org.locker.core.platform.Access;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.UserId;

/** The establishment's side brings someone into a discussion; a participant leaves one. */
final class Invitations {

    private final DiscussionStore store;
    private final DiscussionWork work;
    private final Participants participants;
    private final EstablishmentSettings settings;
    private final Clock clock;

    Invitations(DiscussionStore store, DiscussionWork work, Participants participants,
                EstablishmentSettings settings, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.work = Objects.requireNonNull(work, "work");
        this.participants = Objects.requireNonNull(participants, "participants");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code me} (a teacher or staff member in the discussion) brings {@code invitee} in. */
    Summary invite(UserId me, NodeId discussionId, UserId invitee) {
        DiscussionRules rules = settings.rules();
        Instant now = clock.instant();
        work.requireVisibleDiscussion(me, discussionId);
        return work.inDiscussion(discussionId, session -> {
            Node discussion = session.node(discussionId);
            DiscussionState state = participants.state(session, discussion);
            Participant inviter = participants.require(session, me);
            // only those who may invite (the establishment's side, who read the directory) learn whether the
            // invitee exists
            require(rules.mayInviteAnyone(inviter, state));
            Participant guest = participants.require(session, invitee);
            if (state.contains(invitee)) {
                throw new DiscussionInputException(Problem.ALREADY_PARTICIPANT, invitee.value());
            }
            require(rules.mayInvite(inviter, guest, state, now));
            store.saveMembers(session, discussionId, state.withInvited(inviter, guest), now);
            session.grant(discussionId, invitee, Access.READ);
            return store.summary(session.node(discussionId), me);
        });
    }

    /** {@code me} leaves the discussion: they can no longer read it (the platform grant is revoked). */
    void leave(UserId me, NodeId discussionId) {
        DiscussionRules rules = settings.rules();
        work.requireVisibleDiscussion(me, discussionId);
        work.inDiscussion(discussionId, session -> {
            Node discussion = session.node(discussionId);
            DiscussionState state = participants.state(session, discussion);
            require(rules.mayLeave(participants.require(session, me), state));
            store.saveMembers(session, discussionId, state.without(me), null);
            session.revoke(discussionId, me);
            return null;
        });
    }
}
