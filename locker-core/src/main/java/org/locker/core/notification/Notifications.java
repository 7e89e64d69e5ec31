package org.locker.core.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locker.core.platform.Node;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * Records notifications with their cause, in the cause's own session before its save, so that a notification
 * exists exactly when its cause does (a crash loses both or neither; a refused cause records none). Every feature
 * calls it (lockers, discussions, collect requests); it knows none of them.
 */
public class Notifications {

    private final NotificationStore store = new NotificationStore();

    /** Records notifications (the one implementation but for {@link #off()}). */
    public Notifications() {}

    /**
     * Records nothing: only for the benchmark that measures what recording adds to a deposit. The product always
     * records.
     */
    public static Notifications off() {
        return new Notifications() {
            @Override
            public Optional<String> record(PlatformSession session, NewNotification notification) {
                return Optional.empty();
            }
        };
    }

    /**
     * Records the notification in the cause's session, which the caller saves with its cause; nothing when it
     * notifies nobody. Returns its id.
     */
    public Optional<String> record(PlatformSession session, NewNotification notification) {
        if (notification.users().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(store.write(session, notification));
    }

    /**
     * {@code user} opened {@code item} (a document, a thread): its notifications to them are read, in the caller's
     * (system) session, which the caller saves with the opening.
     */
    public void opened(PlatformSession system, UserId user, String item) {
        List<String> principals = principals(system, user);
        List<Notification> about = store.about(system, principals, item).stream()
                .flatMap(node -> NotificationStore.readAs(node, user).stream())
                .toList();
        if (!about.isEmpty()) {
            store.markRead(system, user, about);
        }
    }

    /**
     * {@code item} is gone before some of its notifications could be seen (a deposit withdrawn before its window
     * opened): those dated after {@code now} are deleted, in the caller's (system) session, which the caller saves
     * with its cause. Those seen already stay.
     */
    public void forgetUpcoming(PlatformSession system, String item, Instant now) {
        for (Node node : upcoming(system, item, now)) {
            system.deletePermanently(node.id());
        }
    }

    /**
     * {@code item} is gone for {@code users} before they could see its notifications (a split's family part withdrawn
     * before its window opened): they are taken off those dated after {@code now}, which are deleted when nobody is
     * left. In the caller's (system) session, which the caller saves with its cause.
     */
    public void forgetUpcoming(PlatformSession system, String item, java.util.Set<UserId> users, Instant now) {
        for (Node node : upcoming(system, item, now)) {
            List<UserId> left = NotificationStore.read(node).users().stream()
                    .filter(user -> !users.contains(user))
                    .toList();
            if (left.isEmpty()) {
                system.deletePermanently(node.id());
            } else {
                store.setUsers(system, node, left);
            }
        }
    }

    private List<Node> upcoming(PlatformSession system, String item, Instant now) {
        return store.about(system, item).stream()
                .filter(node -> node.instant(NotificationModel.AT)
                        .filter(at -> at.isAfter(now))
                        .isPresent())
                .toList();
    }

    /** The principals a user's notifications are found by: the user and the groups (recipient sets) they are in. */
    static List<String> principals(PlatformSession system, UserId user) {
        List<String> principals = new ArrayList<>();
        principals.add(user.value());
        system.groupsOf(user).forEach(g -> principals.add(g.value()));
        return principals;
    }
}
