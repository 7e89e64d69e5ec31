package org.locker.core.collect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.locker.core.collect.CollectRequests.FileView;
import org.locker.core.collect.CollectRequests.LatePolicy;
import org.locker.core.collect.CollectRequests.Mode;
import org.locker.core.collect.CollectRequests.RequestView;
import org.locker.core.collect.CollectRequests.SlotState;
import org.locker.core.collect.CollectRequests.SlotView;
import org.locker.core.collect.CollectRequests.State;
import org.locker.core.platform.Access;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NodeQuery;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * How collect requests are stored: a folder per request under {@code /collect/<year>}, readable by its requester and
 * staff (and, once published, its targets), and below it a folder per slot whose permissions are not inherited: its
 * target, the requester and the staff only. Every stored name is in {@link CollectModel}. The caller saves.
 */
final class CollectStore {

    private CollectStore() {}

    /** The request's folder, its permissions its own: the requester and the staff read it. */
    static Node createRequest(
            PlatformSession system, UserId requester, CollectRequests.NewRequest request, State state, Instant now) {
        Node year = system.ensureFolder(
                CollectModel.REQUESTS_FOLDER + "/" + now.toString().substring(0, 4));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(CollectModel.TITLE, request.title().strip());
        properties.put(CollectModel.INSTRUCTIONS, request.instructions().strip());
        properties.put(CollectModel.DOCUMENT_TYPE, request.documentType());
        properties.put(CollectModel.TARGETS, String.join("\n", request.targets()));
        properties.put(CollectModel.MODE, request.mode().name());
        properties.put(CollectModel.DEADLINE, request.deadline());
        properties.put(CollectModel.LATE_POLICY, request.latePolicy().name());
        properties.put(
                CollectModel.STAFF, request.staff().stream().map(UserId::value).toList());
        properties.put(CollectModel.REQUESTER, requester.value());
        properties.put(CollectModel.STATE, state.name());
        request.publishAt().ifPresent(at -> properties.put(CollectModel.PUBLISH_AT, at));
        properties.put(CollectModel.CREATED_AT, now);
        properties.put(CollectModel.REMIND_DAYS_BEFORE, (long) Math.max(0, request.remindDaysBefore()));
        Node node = system.createFolder(year.id(), UUID.randomUUID().toString(), CollectModel.REQUEST, properties);
        system.setInheritance(node.id(), false);
        system.grant(node.id(), requester, Access.READ);
        for (UserId staff : request.staff()) {
            system.grant(node.id(), staff, Access.READ);
        }
        return node;
    }

    /**
     * A slot's folder below its request: not inheriting, readable by the target, the requester and the staff only,
     * so that another family cannot read it even through the platform.
     */
    static Node createSlot(PlatformSession system, Node request, CollectTargets.Slot slot) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(CollectModel.REQUEST_ID, request.id().value());
        properties.put(CollectModel.SLOT_TARGET, slot.target().value());
        slot.child().ifPresent(child -> properties.put(CollectModel.SLOT_CHILD, child.value()));
        properties.put(CollectModel.SLOT_CLASS, slot.classCode());
        properties.put(CollectModel.SLOT_STATE, SlotState.MISSING.name());
        String name =
                slot.target().value() + slot.child().map(c -> "__" + c.value()).orElse("");
        Node node = system.createFolder(request.id(), name, CollectModel.SLOT, properties);
        system.setInheritance(node.id(), false);
        system.grant(node.id(), slot.target(), Access.READ);
        for (UserId reader : readers(request)) {
            system.grant(node.id(), reader, Access.READ);
        }
        return node;
    }

    /** The requester and the staff named. */
    static List<UserId> readers(Node request) {
        List<UserId> readers = new ArrayList<>();
        readers.add(UserId.of(request.string(CollectModel.REQUESTER).orElseThrow()));
        request.strings(CollectModel.STAFF).stream().map(UserId::of).forEach(readers::add);
        return readers;
    }

    /** The request node of that id, read by {@code session}; refused as unknown when absent, unreadable or another. */
    static Node request(PlatformSession session, NodeId id) {
        return session.findNode(id)
                .filter(n -> n.type().equals(CollectModel.REQUEST))
                .orElseThrow(() -> new CollectRefusal(CollectRefusal.Reason.UNKNOWN_REQUEST));
    }

    static Node slot(PlatformSession session, NodeId id) {
        return session.findNode(id)
                .filter(n -> n.type().equals(CollectModel.SLOT))
                .orElseThrow(() -> new CollectRefusal(CollectRefusal.Reason.UNKNOWN_SLOT));
    }

    static List<Node> slots(PlatformSession session, Node request) {
        return session.children(request.id()).stream()
                .filter(n -> n.type().equals(CollectModel.SLOT))
                .toList();
    }

    static List<Node> files(PlatformSession session, Node slot) {
        return session.children(slot.id()).stream()
                .filter(n -> n.type().equals(CollectModel.FILE))
                .toList();
    }

    /** The slots of {@code target} that {@code session} may read. */
    static List<Node> slotsOf(PlatformSession session, UserId target) {
        return session.query(NodeQuery.ofType(CollectModel.SLOT)
                .whereEquals(CollectModel.SLOT_TARGET, target.value())
                .page(0, 10_000)
                .build());
    }

    /** Requests in a given state ({@code session}: the service account's). */
    static List<Node> requestsIn(PlatformSession session, State state) {
        return session.query(NodeQuery.ofType(CollectModel.REQUEST)
                .whereEquals(CollectModel.STATE, state.name())
                .page(0, 10_000)
                .build());
    }

    static List<Node> requestsWhere(PlatformSession session, String property, UserId user) {
        return session.query(NodeQuery.ofType(CollectModel.REQUEST)
                .whereEquals(property, user.value())
                .page(0, 10_000)
                .build());
    }

    static State state(Node request) {
        return State.valueOf(request.string(CollectModel.STATE).orElse(State.DRAFT.name()));
    }

    static Instant deadline(Node request) {
        return request.instant(CollectModel.DEADLINE).orElseThrow();
    }

    static LatePolicy latePolicy(Node request) {
        return LatePolicy.valueOf(request.string(CollectModel.LATE_POLICY).orElse(LatePolicy.REFUSE.name()));
    }

    static Mode mode(Node request) {
        return Mode.valueOf(request.string(CollectModel.MODE).orElseThrow());
    }

    /** Whether the request takes hand-ins at {@code now}. */
    static boolean open(Node request, Instant now) {
        return state(request) == State.PUBLISHED
                && (now.isBefore(deadline(request)) || latePolicy(request) == LatePolicy.ACCEPT_MARKED_LATE);
    }

    static RequestView view(Node request, Instant now) {
        return new RequestView(
                request.id().value(),
                request.string(CollectModel.TITLE).orElse(""),
                request.string(CollectModel.INSTRUCTIONS).orElse(""),
                request.string(CollectModel.DOCUMENT_TYPE).orElse(""),
                request.string(CollectModel.TARGETS)
                        .map(t -> Arrays.stream(t.split("\n"))
                                .filter(s -> !s.isBlank())
                                .toList())
                        .orElse(List.of()),
                mode(request),
                deadline(request),
                latePolicy(request),
                request.strings(CollectModel.STAFF),
                request.string(CollectModel.REQUESTER).orElse(""),
                state(request),
                request.instant(CollectModel.PUBLISH_AT),
                request.instant(CollectModel.PUBLISHED_AT),
                request.number(CollectModel.REMIND_DAYS_BEFORE).orElse(0L).intValue(),
                request.instant(CollectModel.REMINDED_AT),
                request.instant(CollectModel.AUTO_REMINDED_AT),
                open(request, now));
    }

    static SlotView slotView(Node slot, List<Node> files) {
        return new SlotView(
                slot.id().value(),
                slot.string(CollectModel.REQUEST_ID).orElse(""),
                slot.string(CollectModel.SLOT_TARGET).orElse(""),
                slot.string(CollectModel.SLOT_CHILD),
                slot.string(CollectModel.SLOT_CLASS).orElse(""),
                SlotState.valueOf(slot.string(CollectModel.SLOT_STATE).orElse(SlotState.MISSING.name())),
                slot.instant(CollectModel.HANDED_IN_AT),
                slot.instant(CollectModel.SLOT_REMINDED_AT),
                files.stream().map(CollectStore::fileView).toList());
    }

    static FileView fileView(Node file) {
        return new FileView(
                file.id().value(),
                file.name(),
                file.content().map(c -> c.mimeType()).orElse("application/octet-stream"),
                file.content().map(c -> c.size()).orElse(0L),
                file.modified(),
                file.versionLabel().orElse("1.0"));
    }

    static Optional<UserId> child(Node slot) {
        return slot.string(CollectModel.SLOT_CHILD).map(UserId::of);
    }
}
