package org.locker.core.discussion;

import static org.locker.core.discussion.DiscussionWork.require;

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

    private final DiscussionContext context;

    Invitations(DiscussionContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** {@code me} (a teacher or staff member in the discussion) brings {@code invitee} in. */
    Summary invite(UserId me, NodeId discussionId, UserId invitee) {
        DiscussionRules rules = context.rules();
        Instant now = context.now();
        context.work().requireVisibleDiscussion(me, discussionId);
        return context.work().inDiscussion(discussionId, session -> {
            Node discussion = session.node(discussionId);
            DiscussionState state = context.participants().state(session, discussion);
            Participant inviter = context.participants().require(session, me);
            // only those who may invite (the establishment's side, who read the directory) learn whether the
            // invitee exists
            require(rules.mayInviteAnyone(inviter, state));
            Participant guest = context.participants().require(session, invitee);
            if (state.contains(invitee)) {
                throw new DiscussionInputException(Problem.ALREADY_PARTICIPANT, invitee.value());
            }
            require(rules.mayInvite(inviter, guest, state, now));
            context.store().saveMembers(session, discussionId, state.withInvited(inviter, guest), now);
            session.grant(discussionId, invitee, Access.READ);
            return context.store().summary(session.node(discussionId), me);
        });
    }

    /** {@code me} leaves the discussion: they can no longer read it (the platform grant is revoked). */
    void leave(UserId me, NodeId discussionId) {
        DiscussionRules rules = context.rules();
        context.work().requireVisibleDiscussion(me, discussionId);
        context.work().inDiscussion(discussionId, session -> {
            Node discussion = session.node(discussionId);
            DiscussionState state = context.participants().state(session, discussion);
            require(rules.mayLeave(context.participants().require(session, me), state));
            context.store().saveMembers(session, discussionId, state.without(me), null);
            session.revoke(discussionId, me);
            return null;
        });
    }
}
