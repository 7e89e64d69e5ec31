package org.locker.core.split;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;
import org.locker.core.split.SplitDistribution.Adjustment;
import org.locker.core.split.SplitDistribution.Draft;
import org.locker.core.split.SplitRefusal.Reason;
import org.locker.core.split.SplitStore.StoredSplit;

/**
 * The depositor's corrections before validating: the whole assignment is given (each student's pages and the
 * discarded ones), so that assigning an unmatched page, moving a page or discarding one is one request; a page named
 * nowhere is unmatched. Only the draft's students and the PDF's pages, each page once.
 */
final class AdjustSplit {

    private final ContentPlatform platform;
    private final SplitStore store;
    private final SplitViews views;
    private final DraftLocks locks;

    AdjustSplit(ContentPlatform platform, SplitStore store, SplitViews views, DraftLocks locks) {
        this.platform = platform;
        this.store = store;
        this.views = views;
        this.locks = locks;
    }

    Draft adjust(UserId owner, NodeId id, Adjustment adjustment) {
        return locks.locked(id, () -> adjustLocked(owner, id, adjustment));
    }

    private Draft adjustLocked(UserId owner, NodeId id, Adjustment adjustment) {
        StoredSplit split = views.stored(owner, id);
        if (split.validated()) {
            throw new SplitRefusal(Reason.SPLIT_ALREADY_VALIDATED);
        }
        for (UserId student : adjustment.pages().keySet()) {
            if (!split.assignments().containsKey(student)) {
                throw new SplitRefusal(Reason.SPLIT_UNKNOWN_STUDENT, student.value());
            }
        }
        Set<Integer> seen = new HashSet<>();
        List<Integer> all = new ArrayList<>(adjustment.discarded());
        adjustment.pages().values().forEach(all::addAll);
        for (Integer page : all) {
            if (page == null || page < 1 || page > split.pageCount() || !seen.add(page)) {
                throw new SplitRefusal(Reason.SPLIT_INVALID_PAGE, String.valueOf(page), split.pageCount());
            }
        }
        Map<UserId, List<Integer>> assignments = new LinkedHashMap<>();
        for (UserId student : split.assignments().keySet()) {
            assignments.put(
                    student,
                    adjustment.pages().getOrDefault(student, List.of()).stream()
                            .sorted()
                            .toList());
        }
        try (PlatformSession system = platform.systemSession()) {
            store.adjust(
                    system,
                    id,
                    assignments,
                    adjustment.discarded().stream().sorted().toList());
            system.save();
        }
        return views.draft(owner, id);
    }
}
