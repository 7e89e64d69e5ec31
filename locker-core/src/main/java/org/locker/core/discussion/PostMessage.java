package org.locker.core.discussion;

import static org.locker.core.discussion.DiscussionWork.require;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import org.locker.core.discussion.Discussions.Message;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.UserId;

/**
 * A participant posts a message, optionally with a document of their locker attached. The attachment is copied
 * into the discussion, so that exactly its participants can read it, whatever happens to the original.
 */
final class PostMessage {

    private final DiscussionStore store;
    private final DiscussionWork work;
    private final Participants participants;
    private final EstablishmentSettings settings;
    private final LockerAttachments attachments;
    private final Clock clock;

    PostMessage(DiscussionStore store, DiscussionWork work, Participants participants,
                EstablishmentSettings settings, LockerAttachments attachments, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.work = Objects.requireNonNull(work, "work");
        this.participants = Objects.requireNonNull(participants, "participants");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.attachments = Objects.requireNonNull(attachments, "attachments");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @param attachment a locker document {@code me} may read, or null */
    Message post(UserId me, NodeId discussionId, String text, NodeId attachment) {
        DiscussionLimits.checkText(text);
        DiscussionRules rules = settings.rules();
        Instant now = clock.instant();
        work.requireVisibleDiscussion(me, discussionId);
        if (attachment != null) {
            attachments.requireReadable(me, attachment);
        }
        return work.inDiscussion(discussionId, session -> {
            Node discussion = session.node(discussionId);
            DiscussionState state = participants.state(session, discussion);
            require(rules.mayPost(participants.require(session, me), state, now));
            long sequence = store.messageCount(discussion) + 1;
            Message message = store.createMessage(session, discussionId, sequence, me, text, now);
            if (attachment != null) {
                message = attachments.attach(session, message, me, attachment);
            }
            store.countPost(session, discussion, me, sequence, now);
            return message;
        });
    }
}
