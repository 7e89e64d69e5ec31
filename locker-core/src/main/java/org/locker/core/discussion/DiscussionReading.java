package org.locker.core.discussion;

import static org.locker.core.discussion.DiscussionWork.require;

import java.util.List;
import java.util.Objects;
import org.locker.core.discussion.DiscussionInputException.Problem;
import org.locker.core.discussion.Discussions.Message;
import org.locker.core.discussion.Discussions.Page;
import org.locker.core.discussion.Discussions.Summary;
import org.locker.core.notification.Notifications;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.SessionClosingStream;
import org.locker.core.platform.UserId;

/** A participant lists their discussions, reads one, downloads an attachment and marks the discussion read. */
final class DiscussionReading {

    private final DiscussionContext context;
    private final ContentPlatform platform;
    private final DiscussionStore store;
    private final DiscussionNotices notices;

    DiscussionReading(DiscussionContext context) {
        this(context, new DiscussionNotices(new Notifications()));
    }

    DiscussionReading(DiscussionContext context, DiscussionNotices notices) {
        this.context = Objects.requireNonNull(context, "context");
        this.platform = context.platform();
        this.store = context.store();
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    /** The discussions {@code me} takes part in, newest activity first, with their unread counts. */
    List<Summary> list(UserId me, int offset, int limit) {
        DiscussionRules rules = context.rules();
        try (PlatformSession system = platform.systemSession()) {
            require(rules.maySeeDiscussions(context.participants().require(system, me)));
        }
        try (PlatformSession session = platform.sessionAs(me)) {
            return session.query(store.discussionsOf(me, offset, limit)).stream()
                    .map(node -> store.summary(node, me))
                    .toList();
        }
    }

    /** One discussion with a page of its messages, oldest first. */
    Page read(UserId me, NodeId discussionId, int offset, int limit) {
        DiscussionRules rules = context.rules();
        try (PlatformSession session = platform.sessionAs(me)) {
            Node discussion = store.visibleDiscussion(session, discussionId);
            try (PlatformSession system = platform.systemSession()) {
                Participant reader = context.participants().require(system, me);
                require(rules.maySeeDiscussions(reader));
                require(rules.mayRead(reader, context.participants().state(system, discussion)));
            }
            List<Message> messages = session.query(store.messagesOf(discussionId, offset, limit)).stream()
                    .map(store::message)
                    .toList();
            return new Page(store.summary(discussion, me), messages, offset, limit);
        }
    }

    /** Marks every message of the discussion as read by {@code me}. */
    Summary markRead(UserId me, NodeId discussionId) {
        DiscussionRules rules = context.rules();
        context.work().requireVisibleDiscussion(me, discussionId);
        return context.work().inDiscussion(discussionId, session -> {
            Node discussion = session.node(discussionId);
            Participant reader = context.participants().require(session, me);
            require(rules.maySeeDiscussions(reader));
            require(rules.mayRead(reader, context.participants().state(session, discussion)));
            store.markRead(session, discussion, me);
            notices.read(session, me, discussionId);
            return store.summary(session.node(discussionId), me);
        });
    }

    /** The attachment of a message, streamed, if {@code me} may read the discussion (the platform decides). */
    Content attachment(UserId me, NodeId discussionId, NodeId messageId) {
        // the stream outlives this method: the session closes with it
        PlatformSession session = platform.sessionAs(me);
        try {
            store.visibleDiscussion(session, discussionId);
            NodeId file = store.attachmentFile(session, discussionId, messageId)
                    .orElseThrow(() -> new DiscussionInputException(Problem.UNKNOWN_ATTACHMENT, messageId.value()));
            Content content = session.readContent(file);
            return SessionClosingStream.of(content, session);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }
}
