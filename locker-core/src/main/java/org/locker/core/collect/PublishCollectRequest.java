package org.locker.core.collect;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.locker.core.collect.CollectRefusal.Reason;
import org.locker.core.collect.CollectRequests.Published;
import org.locker.core.collect.CollectRequests.RequestView;
import org.locker.core.collect.CollectRequests.State;
import org.locker.core.notification.NotificationKind;
import org.locker.core.notification.Notifications;
import org.locker.core.platform.Access;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * Publishes a request: its targets are resolved from the directory now, each slot gets its folder and grants, the
 * targets may read the request. At creation, when a draft is published, or when its date comes (the scheduled run).
 */
final class PublishCollectRequest {

    private final ContentPlatform platform;
    private final Clock clock;
    private final CollectTargets targets;
    private final Notifications notifications;
    private final CollectAudit audit;

    PublishCollectRequest(
            ContentPlatform platform,
            Clock clock,
            CollectTargets targets,
            Notifications notifications,
            CollectAudit audit) {
        this.platform = platform;
        this.clock = clock;
        this.targets = targets;
        this.notifications = notifications;
        this.audit = audit;
    }

    /**
     * Creates the slots of a request in the caller's system session (which saves) and marks it published. This is
     * where a request reaches its targets: they are notified, and the publication audited, in the same save.
     *
     * @param scheduled published by the scheduled run at its date (else by its requester)
     */
    Published publish(PlatformSession system, Node request, Instant now, boolean scheduled) {
        RequestView view = CollectStore.view(request, now);
        List<CollectTargets.Slot> slots = targets.resolve(view.mode(), view.targets());
        Set<UserId> users = new LinkedHashSet<>();
        for (CollectTargets.Slot slot : slots) {
            CollectStore.createSlot(system, request, slot);
            users.add(slot.target());
        }
        if (!users.isEmpty()) {
            system.grantAll(request.id(), new ArrayList<>(users), Access.READ);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(CollectModel.STATE, State.PUBLISHED.name());
        properties.put(CollectModel.PUBLISHED_AT, now);
        system.updateProperties(request.id(), properties);
        notifications.record(
                system,
                CollectNotices.of(
                        system,
                        NotificationKind.COLLECT_REQUEST,
                        view,
                        users,
                        slots.stream()
                                .flatMap(slot -> slot.child().stream())
                                .map(UserId::value)
                                .collect(Collectors.toSet()),
                        now));
        audit.published(system, view, users.size(), scheduled);
        return new Published(request.id().value(), Set.copyOf(users), now);
    }

    RequestView publishDraft(UserId requester, NodeId id, Optional<Instant> at) {
        Instant now = clock.instant();
        Node node;
        try (PlatformSession system = platform.systemSession()) {
            node = ownRequest(requester, id, system);
            if (CollectStore.state(node) == State.PUBLISHED || CollectStore.state(node) == State.WITHDRAWN) {
                throw new CollectRefusal(Reason.ALREADY_PUBLISHED);
            }
            Instant deadline = CollectStore.deadline(node);
            if (!deadline.isAfter(now)) {
                throw new CollectRefusal(Reason.DEADLINE_PASSED);
            }
            if (at.filter(a -> !a.isBefore(deadline)).isPresent()) {
                throw new CollectRefusal(Reason.PUBLICATION_AFTER_DEADLINE);
            }
            if (at.isPresent() && at.get().isAfter(now)) {
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put(CollectModel.STATE, State.SCHEDULED.name());
                properties.put(CollectModel.PUBLISH_AT, at.get());
                system.updateProperties(id, properties);
                audit.scheduled(system, requester, CollectStore.view(node, now), at.get());
            } else {
                publish(system, node, now, false);
            }
            system.save();
            node = system.node(id);
        }
        return CollectStore.view(node, now);
    }

    /** The requests whose publication date came, published one by one (each its own save). */
    List<Published> publishDue() {
        Instant now = clock.instant();
        List<Published> done = new ArrayList<>();
        try (PlatformSession system = platform.systemSession()) {
            for (Node request : CollectStore.requestsIn(system, State.SCHEDULED)) {
                if (request.instant(CollectModel.PUBLISH_AT)
                        .map(at -> !at.isAfter(now))
                        .orElse(true)) {
                    Published published = publish(system, request, now, true);
                    system.save();
                    done.add(published);
                }
            }
        }
        return done;
    }

    /** The request, if {@code requester} may read it and made it. */
    static Node ownRequest(UserId requester, NodeId id, PlatformSession system) {
        Node node = CollectStore.request(system, id);
        if (!node.string(CollectModel.REQUESTER).orElse("").equals(requester.value())) {
            if (CollectStore.readers(node).contains(requester)) {
                throw new CollectRefusal(Reason.NOT_THE_REQUESTER);
            }
            throw new CollectRefusal(Reason.UNKNOWN_REQUEST);
        }
        return node;
    }
}
