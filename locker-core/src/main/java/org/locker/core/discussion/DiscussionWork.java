package org.locker.core.discussion;

import java.util.Objects;
import java.util.function.Function;
import org.locker.core.platform.AccessDeniedException;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.PlatformException;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * How the use cases touch the platform: reads as the user, so that the platform decides what they see; writes as
 * the service account once the rules allowed them, saved as one unit and retried on a concurrent save.
 */
final class DiscussionWork {

    private static final int ATTEMPTS = 5;

    private static final Object[] DISCUSSION_LOCKS = new Object[64];

    static {
        for (int i = 0; i < DISCUSSION_LOCKS.length; i++) {
            DISCUSSION_LOCKS[i] = new Object();
        }
    }

    private final ContentPlatform platform;
    private final DiscussionStore store;

    DiscussionWork(ContentPlatform platform, DiscussionStore store) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Throws the refusal of a refused decision. */
    static void require(Decision decision) {
        if (decision.isRefused()) {
            throw new DiscussionRefusedException(decision);
        }
    }

    /** Checks, as the user, that the platform lets them read the discussion. */
    void requireVisibleDiscussion(UserId me, NodeId id) {
        try (PlatformSession session = platform.sessionAs(me)) {
            store.visibleDiscussion(session, id);
        }
    }

    /**
     * Work on an existing discussion (a post, a read marker, leaving, an invitation): serialized per discussion
     * in this process, so that concurrent posts to one discussion do not conflict on its counter and markers
     * (with many writers in one discussion the retries alone ran out); the retries of {@link #inSystem} still
     * cover conflicts with other writers.
     */
    <T> T inDiscussion(NodeId discussionId, Function<PlatformSession, T> work) {
        synchronized (DISCUSSION_LOCKS[Math.floorMod(discussionId.hashCode(), DISCUSSION_LOCKS.length)]) {
            return inSystem(work);
        }
    }

    /** Runs a unit of work as the service account, saves it, and retries when a concurrent save conflicted. */
    <T> T inSystem(Function<PlatformSession, T> work) {
        PlatformException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (PlatformSession session = platform.systemSession()) {
                T result = work.apply(session);
                session.save();
                return result;
            } catch (NotFoundException | AccessDeniedException e) {
                throw e;
            } catch (PlatformException e) {
                last = e;
            }
        }
        throw last;
    }
}
