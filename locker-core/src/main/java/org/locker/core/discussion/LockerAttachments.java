package org.locker.core.discussion;

import org.locker.core.discussion.DiscussionInputException.Problem;
import org.locker.core.discussion.Discussions.Message;
import org.locker.core.locker.LockerDocuments;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * The one place where discussions reach lockers, through the locker documents use case: a message's attachment is
 * a document of its author's locker, read with the author's own rights and copied into the discussion.
 */
final class LockerAttachments {

    private final ContentPlatform platform;
    private final DiscussionStore store;

    LockerAttachments(DiscussionContext context) {
        this.platform = context.platform();
        this.store = context.store();
    }

    /** Checks, as the author, that the attachment is a locker document they may read. */
    void requireReadable(UserId author, NodeId document) {
        if (!LockerDocuments.isReadableDocument(platform, author, document)) {
            throw new DiscussionInputException(Problem.UNKNOWN_ATTACHMENT, document.value());
        }
    }

    /** Copies the author's document under the message, reading it with the author's own rights. */
    Message attach(PlatformSession system, Message message, UserId author, NodeId document) {
        try (Content content = LockerDocuments.readAsReader(platform, author, document)) {
            return store.attach(system, message, content);
        }
    }
}
