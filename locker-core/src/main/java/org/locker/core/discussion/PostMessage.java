package org.locker.core.discussion;

import static org.locker.core.discussion.DiscussionWork.require;

import java.time.Instant;
import java.util.Objects;
import org.locker.core.discussion.Discussions.Message;
import org.locker.core.notification.Notifications;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.UserId;

/**
 * A participant posts a message, optionally with a document of their locker attached. The attachment is copied
 * into the discussion, so that exactly its participants can read it, whatever happens to the original.
 */
final class PostMessage {

    private final DiscussionContext context;
    private final LockerAttachments attachments;
    private final DiscussionNotices notices;

    PostMessage(DiscussionContext context, LockerAttachments attachments) {
        this(context, attachments, new DiscussionNotices(new Notifications()));
    }

    PostMessage(DiscussionContext context, LockerAttachments attachments, DiscussionNotices notices) {
        this.context = Objects.requireNonNull(context, "context");
        this.attachments = Objects.requireNonNull(attachments, "attachments");
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    /** @param attachment a locker document {@code me} may read, or null */
    Message post(UserId me, NodeId discussionId, String text, NodeId attachment) {
        DiscussionLimits.checkText(text);
        DiscussionRules rules = context.rules();
        Instant now = context.now();
        context.work().requireVisibleDiscussion(me, discussionId);
        if (attachment != null) {
            attachments.requireReadable(me, attachment);
        }
        return context.work().inDiscussion(discussionId, session -> {
            Node discussion = session.node(discussionId);
            DiscussionState state = context.participants().state(session, discussion);
            require(rules.mayPost(context.participants().require(session, me), state, now));
            long sequence = context.store().messageCount(discussion) + 1;
            Message message = context.store().createMessage(session, discussionId, sequence, me, text, now);
            if (attachment != null) {
                message = attachments.attach(session, message, me, attachment);
            }
            context.store().countPost(session, discussion, me, sequence, now);
            notices.replied(session, discussionId, context.store().subject(discussion), state, me, now);
            return message;
        });
    }
}
