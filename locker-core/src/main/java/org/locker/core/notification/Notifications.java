package org.locker.core.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    /** The principals a user's notifications are found by: the user and the groups (recipient sets) they are in. */
    static List<String> principals(PlatformSession system, UserId user) {
        List<String> principals = new ArrayList<>();
        principals.add(user.value());
        system.groupsOf(user).forEach(g -> principals.add(g.value()));
        return principals;
    }
}
