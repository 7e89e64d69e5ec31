package org.locker.core.collect;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locker.core.collect.CollectRefusal.Reason;
import org.locker.core.collect.CollectRequests.RequestView;
import org.locker.core.collect.CollectRequests.RequestWithSlots;
import org.locker.core.collect.CollectRequests.SlotView;
import org.locker.core.collect.CollectRequests.State;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.SessionClosingStream;
import org.locker.core.platform.UserId;

/**
 * What people see of collect requests, each read in their own session so that the platform's grants decide: the
 * requester's and staff's requests and tables, a target's requests to hand in with their own slots, a slot, a file.
 */
final class CollectViews {

    private final ContentPlatform platform;
    private final Clock clock;

    CollectViews(ContentPlatform platform, Clock clock) {
        this.platform = platform;
        this.clock = clock;
    }

    List<RequestView> mine(UserId user) {
        Instant now = clock.instant();
        try (PlatformSession session = platform.sessionAs(user)) {
            Map<String, Node> requests = new LinkedHashMap<>();
            for (Node n : CollectStore.requestsWhere(session, CollectModel.REQUESTER, user)) {
                requests.put(n.id().value(), n);
            }
            for (Node n : CollectStore.requestsWhere(session, CollectModel.STAFF, user)) {
                requests.putIfAbsent(n.id().value(), n);
            }
            return requests.values().stream()
                    .map(n -> CollectStore.view(n, now))
                    .sorted(Comparator.comparing((RequestView r) -> r.deadline())
                            .reversed())
                    .toList();
        }
    }

    List<RequestWithSlots> toHandIn(UserId user) {
        Instant now = clock.instant();
        try (PlatformSession session = platform.sessionAs(user)) {
            Map<String, List<SlotView>> slots = new LinkedHashMap<>();
            Map<String, Node> requests = new LinkedHashMap<>();
            for (Node slot : CollectStore.slotsOf(session, user)) {
                String requestId = slot.string(CollectModel.REQUEST_ID).orElse("");
                Node request = requests.computeIfAbsent(
                        requestId, id -> session.findNode(NodeId.of(id)).orElse(null));
                if (request == null || CollectStore.state(request) != State.PUBLISHED) {
                    continue;
                }
                slots.computeIfAbsent(requestId, id -> new ArrayList<>())
                        .add(CollectStore.slotView(slot, CollectStore.files(session, slot)));
            }
            return slots.entrySet().stream()
                    .map(e -> new RequestWithSlots(CollectStore.view(requests.get(e.getKey()), now), e.getValue()))
                    .sorted(Comparator.comparing(r -> r.request().deadline()))
                    .toList();
        }
    }

    RequestWithSlots table(UserId user, NodeId id) {
        Instant now = clock.instant();
        try (PlatformSession session = platform.sessionAs(user)) {
            Node request = CollectStore.request(session, id);
            if (!CollectStore.readers(request).contains(user)) {
                // a target reads the request, not the others' slots: they see their own in "to hand in"
                throw new CollectRefusal(Reason.NOT_THE_REQUESTER);
            }
            List<SlotView> slots = new ArrayList<>();
            for (Node slot : CollectStore.slots(session, request)) {
                slots.add(CollectStore.slotView(slot, CollectStore.files(session, slot)));
            }
            return new RequestWithSlots(CollectStore.view(request, now), slots);
        }
    }

    SlotView slot(UserId user, NodeId slotId) {
        try (PlatformSession session = platform.sessionAs(user)) {
            Node slot = CollectStore.slot(session, slotId);
            return CollectStore.slotView(slot, CollectStore.files(session, slot));
        }
    }

    /** The file's current content, read as the user: absent for whoever may not read its slot. */
    Content open(UserId user, NodeId fileId) {
        PlatformSession session = platform.sessionAs(user);
        try {
            Node file = session.findNode(fileId)
                    .filter(n -> n.type().equals(CollectModel.FILE))
                    .orElseThrow(() -> new CollectRefusal(Reason.UNKNOWN_SLOT));
            Content content = session.readContent(file.id());
            return SessionClosingStream.of(content, session);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }
}
