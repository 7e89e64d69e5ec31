package org.locker.core.split;

import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;
import org.locker.core.split.SplitRefusal.Reason;
import org.locker.core.split.SplitStore.StoredSplit;

/**
 * The depositor gives up a draft: the draft and its uploaded PDF leave the platform. A validated draft stays (it is
 * the record of what went to which family; its documents are withdrawn one by one from the distributions). Under the
 * draft's lock, so that a validation and a deletion of the same draft never both succeed: whichever comes second
 * finds the draft validated (deletion refused) or gone (validation answers "not found").
 */
final class DeleteSplit {

    private final ContentPlatform platform;
    private final SplitStore store;
    private final SplitViews views;
    private final DraftLocks locks;

    DeleteSplit(ContentPlatform platform, SplitStore store, SplitViews views, DraftLocks locks) {
        this.platform = platform;
        this.store = store;
        this.views = views;
        this.locks = locks;
    }

    void delete(UserId owner, NodeId id) {
        locks.locked(id, () -> {
            // read as the owner: someone else's draft is "not found", as for every other action on a draft
            StoredSplit split = views.stored(owner, id);
            if (split.validated()) {
                throw new SplitRefusal(Reason.SPLIT_VALIDATED_NOT_DELETABLE);
            }
            try (PlatformSession system = platform.systemSession()) {
                store.delete(system, split.id());
                system.save();
            }
            return null;
        });
    }
}
