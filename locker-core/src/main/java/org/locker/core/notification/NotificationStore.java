package org.locker.core.notification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.locker.core.platform.Access;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeQuery;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.UserId;

/**
 * Every stored name of notifications: one node per cause under {@code /notifications/yyyy/MM/dd}, named by its id
 * (the instant in milliseconds, a sequence, then a random part, so that names sort as records were made), granted
 * READ to the groups that hold its users or to the principals that stand for them; and one read state per person.
 */
final class NotificationStore {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    /** The most ids read one by one that a read state keeps (the oldest are dropped beyond). */
    static final int READ_IDS_KEPT = 2_000;

    private static final java.util.concurrent.atomic.AtomicInteger SEQUENCE =
            new java.util.concurrent.atomic.AtomicInteger();

    /** A person's read state. */
    record ReadState(Instant upTo, Set<String> ids) {
        boolean read(Notification notification) {
            return !notification.at().isAfter(upTo) || ids.contains(notification.id());
        }
    }

    /** Writes the notification in the caller's session (not saved), granted to its people; returns its id. */
    String write(PlatformSession session, NewNotification notification) {
        // the instant, then a sequence (records of one millisecond keep the order they were made in), then a random
        // part (two instances of the service never make the same id)
        String id = String.format(
                "%013d-%04x-%s",
                notification.at().toEpochMilli(),
                SEQUENCE.getAndIncrement() & 0xffff,
                UUID.randomUUID().toString().substring(0, 8));
        Node folder = session.ensureFolder(dayFolder(notification.at()));
        // many users stand behind one principal of the platform's own: one index entry and one grant
        List<PrincipalId> principals =
                session.grantees(notification.via().isEmpty() ? notification.users() : notification.via());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(NotificationModel.KIND, notification.kind().name());
        properties.put(NotificationModel.AT, notification.at());
        properties.put(
                NotificationModel.USERS,
                String.join(
                        "\n", notification.users().stream().map(UserId::value).toList()));
        properties.put(
                NotificationModel.PRINCIPALS,
                principals.stream().map(PrincipalId::value).toList());
        properties.put(NotificationModel.ITEM, notification.item());
        properties.put(NotificationModel.TITLE, notification.title());
        properties.put(NotificationModel.ACTOR, notification.actor());
        properties.put(NotificationModel.LINK, notification.link());
        properties.put(NotificationModel.STUDENTS, List.copyOf(notification.students()));
        properties.put(NotificationModel.CLASSES, List.copyOf(notification.classes()));
        Node node = session.createFolder(folder.id(), id, NotificationModel.NOTIFICATION, properties);
        for (PrincipalId principal : principals) {
            session.grant(node.id(), principal, Access.READ);
        }
        return id;
    }

    static String dayFolder(Instant at) {
        return NotificationModel.FOLDER + "/" + DAY.format(at);
    }

    /** The path of a notification of that id; empty when the id is not one. */
    static Optional<String> path(String id) {
        int dash = id.indexOf('-');
        if (dash != 13 || !id.matches("[0-9]{13}-[0-9a-f-]{13}")) {
            return Optional.empty();
        }
        return Optional.of(dayFolder(Instant.ofEpochMilli(Long.parseLong(id.substring(0, dash)))) + "/" + id);
    }

    /**
     * The notification nodes found by any of {@code principals} dated before {@code before} and not before
     * {@code notBefore} (when given), newest first (oldest first when {@code oldestFirst}), at most {@code limit}, as
     * the session may read them.
     */
    List<Node> find(
            PlatformSession session,
            List<String> principals,
            Optional<Instant> before,
            Optional<Instant> notBefore,
            boolean oldestFirst,
            int limit) {
        NodeQuery.Builder query = NodeQuery.ofType(NotificationModel.NOTIFICATION)
                .whereAnyOf(NotificationModel.PRINCIPALS, principals)
                .orderBy(NotificationModel.AT, !oldestFirst)
                .page(0, limit);
        before.ifPresent(b -> query.where(new NodeQuery.Before(NotificationModel.AT, b)));
        notBefore.ifPresent(b -> query.where(new NodeQuery.NotBefore(NotificationModel.AT, b)));
        return session.query(query.build());
    }

    /** The notifications about {@code item} found by any of {@code principals}. */
    List<Node> about(PlatformSession session, List<String> principals, String item) {
        return session.query(NodeQuery.ofType(NotificationModel.NOTIFICATION)
                .whereEquals(NotificationModel.ITEM, item)
                .whereAnyOf(NotificationModel.PRINCIPALS, principals)
                .page(0, 1_000)
                .build());
    }

    /** The record now notifies {@code users} only (not saved). */
    void setUsers(PlatformSession session, Node node, List<UserId> users) {
        session.updateProperties(
                node.id(),
                Map.of(
                        NotificationModel.USERS,
                        String.join("\n", users.stream().map(UserId::value).toList())));
    }

    /** Every record about {@code item} (the session's: the system's finds them all). */
    List<Node> about(PlatformSession session, String item) {
        return session.query(NodeQuery.ofType(NotificationModel.NOTIFICATION)
                .whereEquals(NotificationModel.ITEM, item)
                .page(0, 1_000)
                .build());
    }

    /**
     * The notification as {@code user} sees it (its users: them alone), when it notifies them: the users' text is
     * searched, not parsed, since it may name thousands.
     */
    static Optional<Notification> readAs(Node node, UserId user) {
        String users = "\n" + node.string(NotificationModel.USERS).orElse("") + "\n";
        if (!users.contains("\n" + user.value() + "\n")) {
            return Optional.empty();
        }
        return Optional.of(read(node, List.of(user)));
    }

    static Notification read(Node node) {
        String users = node.string(NotificationModel.USERS).orElse("");
        return read(
                node,
                users.isEmpty()
                        ? List.of()
                        : Arrays.stream(users.split("\n")).map(UserId::of).toList());
    }

    private static Notification read(Node node, List<UserId> users) {
        return new Notification(
                node.name(),
                NotificationKind.valueOf(node.string(NotificationModel.KIND).orElseThrow()),
                node.instant(NotificationModel.AT).orElse(node.created()),
                users,
                node.string(NotificationModel.TITLE).orElse(""),
                node.string(NotificationModel.ACTOR).orElse(""),
                node.string(NotificationModel.LINK).orElse(""),
                Set.copyOf(node.strings(NotificationModel.STUDENTS)),
                Set.copyOf(node.strings(NotificationModel.CLASSES)));
    }

    /** The item a stored notification is about. */
    static String item(Node node) {
        return node.string(NotificationModel.ITEM).orElse("");
    }

    // ---------------------------------------------------------------- read state

    private static Set<String> lines(String text) {
        return text.isEmpty() ? new HashSet<>() : new HashSet<>(Arrays.asList(text.split("\n")));
    }

    ReadState readState(PlatformSession system, UserId user) {
        return system.nodeAt(NotificationModel.READS_FOLDER + "/" + user.value())
                .map(node -> new ReadState(
                        node.instant(NotificationModel.READ_UP_TO).orElse(Instant.EPOCH),
                        lines(node.string(NotificationModel.READ_IDS).orElse(""))))
                .orElse(new ReadState(Instant.EPOCH, Set.of()));
    }

    /** Adds ids read one by one (not saved); nothing is written when all were read already. */
    void markRead(PlatformSession system, UserId user, List<Notification> read) {
        ReadState state = readState(system, user);
        List<String> ids = new ArrayList<>(state.ids());
        boolean changed = false;
        for (Notification notification : read) {
            if (!state.read(notification)) {
                ids.add(notification.id());
                changed = true;
            }
        }
        if (!changed) {
            return;
        }
        ids.sort(null);
        if (ids.size() > READ_IDS_KEPT) {
            ids = new ArrayList<>(ids.subList(ids.size() - READ_IDS_KEPT, ids.size()));
        }
        writeState(system, user, state.upTo(), ids);
    }

    /** Everything notified up to {@code upTo} is read (not saved). */
    void markAllRead(PlatformSession system, UserId user, Instant upTo) {
        ReadState state = readState(system, user);
        Instant max = upTo.isAfter(state.upTo()) ? upTo : state.upTo();
        List<String> ids = state.ids().stream()
                .filter(id -> path(id).isPresent() && Long.parseLong(id.substring(0, 13)) > max.toEpochMilli())
                .sorted()
                .toList();
        writeState(system, user, max, ids);
    }

    private static void writeState(PlatformSession system, UserId user, Instant upTo, List<String> ids) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(NotificationModel.READ_UP_TO, upTo);
        // one text, an id per line, like the users: a list of thousands of values costs Oak a record each
        properties.put(NotificationModel.READ_IDS, String.join("\n", ids));
        Optional<Node> existing = system.nodeAt(NotificationModel.READS_FOLDER + "/" + user.value());
        if (existing.isPresent()) {
            system.updateProperties(existing.get().id(), properties);
        } else {
            Node folder = system.ensureFolder(NotificationModel.READS_FOLDER);
            system.createFolder(folder.id(), user.value(), NotificationModel.READ_STATE, properties);
        }
    }
}
