package org.locker.core.collect;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locker.core.collect.CollectRefusal.Reason;
import org.locker.core.collect.CollectRequests.HandInFile;
import org.locker.core.collect.CollectRequests.LatePolicy;
import org.locker.core.collect.CollectRequests.SlotState;
import org.locker.core.collect.CollectRequests.SlotView;
import org.locker.core.collect.CollectRequests.State;
import org.locker.core.notification.Notifications;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * A target hands in one or several files (judged by the caller as a deposit's files are): added to their slot, the
 * same name making a new version, or replacing what they handed in. Until the deadline; after it refused, or
 * accepted and marked late, as the request says. Everything is checked before anything is stored.
 */
final class HandIn {

    private final ContentPlatform platform;
    private final Clock clock;
    private final Notifications notifications;
    private final CollectAudit audit;

    HandIn(ContentPlatform platform, Clock clock, Notifications notifications, CollectAudit audit) {
        this.platform = platform;
        this.clock = clock;
        this.notifications = notifications;
        this.audit = audit;
    }

    SlotView handIn(UserId user, NodeId requestId, Optional<UserId> child, List<HandInFile> files, boolean replace) {
        Instant now = clock.instant();
        try (PlatformSession system = platform.systemSession()) {
            Node request = CollectStore.request(system, requestId);
            State state = CollectStore.state(request);
            if (state == State.DRAFT || state == State.SCHEDULED) {
                throw new CollectRefusal(Reason.REQUEST_NOT_PUBLISHED);
            }
            Node slot = slotOf(user, child, request);
            if (state == State.WITHDRAWN) {
                throw new CollectRefusal(Reason.REQUEST_CLOSED);
            }
            boolean late = !now.isBefore(CollectStore.deadline(request));
            if (late && CollectStore.latePolicy(request) == LatePolicy.REFUSE) {
                throw new CollectRefusal(Reason.REQUEST_CLOSED);
            }
            if (files.isEmpty()) {
                throw new CollectRefusal(Reason.NO_FILE);
            }
            String expected = request.string(CollectModel.DOCUMENT_TYPE).orElse("");
            for (HandInFile file : files) {
                if (file.documentType().filter(t -> !t.equals(expected)).isPresent()) {
                    throw new CollectRefusal(
                            Reason.WRONG_DOCUMENT_TYPE, file.documentType().get(), expected);
                }
            }
            List<Node> before = CollectStore.files(system, slot);
            Set<String> kept = new HashSet<>();
            for (HandInFile file : files) {
                Optional<Node> same = before.stream()
                        .filter(n -> n.name().equals(file.name()))
                        .findFirst();
                if (same.isPresent()) {
                    system.updateContent(same.get().id(), file.content(), "");
                    kept.add(file.name());
                } else if (kept.add(file.name())) {
                    system.createDocument(
                            slot.id(),
                            file.name(),
                            CollectModel.FILE,
                            Map.of(CollectModel.HANDED_IN_BY, user.value()),
                            file.content());
                }
            }
            if (replace) {
                for (Node old : before) {
                    if (!kept.contains(old.name())) {
                        system.delete(old.id());
                    }
                }
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put(CollectModel.SLOT_STATE, (late ? SlotState.LATE : SlotState.HANDED_IN).name());
            properties.put(CollectModel.HANDED_IN_AT, now);
            system.updateProperties(slot.id(), properties);
            // handing in answers the request: its notifications to this person are read, in the same save
            notifications.opened(system, user, requestId.value());
            audit.handedIn(
                    system,
                    user,
                    CollectStore.view(request, now),
                    CollectStore.child(slot),
                    replace,
                    late,
                    files.stream().map(HandInFile::name).distinct().toList());
            system.save();
        }
        // read back as the target: what they may read of their own slot
        try (PlatformSession session = platform.sessionAs(user)) {
            Node slot = slotOf(user, child, CollectStore.request(session, requestId));
            return CollectStore.slotView(slot, CollectStore.files(session, slot));
        }
    }

    /** The user's slot of the request (for the child, when per child); refused when they are no target of it. */
    private Node slotOf(UserId user, Optional<UserId> child, Node request) {
        try (PlatformSession session = platform.sessionAs(user)) {
            List<Node> mine = CollectStore.slotsOf(session, user).stream()
                    .filter(s -> s.string(CollectModel.REQUEST_ID)
                            .orElse("")
                            .equals(request.id().value()))
                    .toList();
            if (mine.isEmpty()) {
                throw new CollectRefusal(Reason.NOT_A_TARGET);
            }
            if (child.isPresent()) {
                return mine.stream()
                        .filter(s -> CollectStore.child(s).equals(child))
                        .findFirst()
                        .orElseThrow(() -> new CollectRefusal(Reason.NOT_A_TARGET));
            }
            if (mine.size() > 1) {
                // per child, the child must be said
                throw new CollectRefusal(Reason.NOT_A_TARGET);
            }
            return mine.get(0);
        }
    }
}
