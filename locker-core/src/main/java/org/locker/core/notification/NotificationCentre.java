package org.locker.core.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locker.core.notification.NotificationRefusal.Reason;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.Node;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * A person's notification centre: their notifications newest first, a page at a time, read or not; the unread
 * count; marking one or all read. Notifications are read in the person's own session: the platform's grants decide
 * what they see.
 */
public final class NotificationCentre {

    /** The most entries a page holds. */
    public static final int MAX_PAGE = 200;
    /** The most unread notifications counted (the menu shows "999+" beyond). */
    public static final int MAX_COUNTED = 999;

    /** One notification as its person sees it. */
    public record Entry(Notification notification, boolean read) {}

    /** A page, and the cursor of the next one when there are more. */
    public record Page(List<Entry> entries, Optional<String> next) {}

    private final ContentPlatform platform;
    private final Clock clock;
    private final NotificationStore store = new NotificationStore();

    public NotificationCentre(ContentPlatform platform, Clock clock) {
        this.platform = platform;
        this.clock = clock;
    }

    /** The user's notifications newest first, after the cursor (from the newest when empty), {@code size} at most. */
    public Page page(UserId user, Optional<String> cursor, int size) {
        if (size < 1 || size > MAX_PAGE) {
            throw new NotificationRefusal(Reason.INVALID_PAGE_SIZE, String.valueOf(size));
        }
        Optional<NotificationCursor> after = NotificationCursor.decode(cursor);
        List<String> principals;
        NotificationStore.ReadState state;
        try (PlatformSession system = platform.systemSession()) {
            principals = Notifications.principals(system, user);
            state = store.readState(system, user);
        }
        try (PlatformSession session = platform.sessionAs(user)) {
            // those of the cursor's millisecond are asked again and skipped: a batch twice as large until enough
            int asked = size + 11;
            while (true) {
                List<Node> batch = store.find(
                        session, principals, after.map(c -> c.at().plusMillis(1)), Optional.empty(), false, asked);
                List<Notification> listed = batch.stream()
                        .flatMap(node -> NotificationStore.readAs(node, user).stream())
                        .filter(n -> after.isEmpty() || after.get().precedes(n))
                        .sorted(NotificationCursor.ORDER)
                        .toList();
                if (listed.size() <= size && batch.size() == asked) {
                    asked *= 2;
                    continue;
                }
                List<Entry> entries = new ArrayList<>();
                for (Notification notification : listed.subList(0, Math.min(size, listed.size()))) {
                    entries.add(new Entry(notification, state.read(notification)));
                }
                Optional<String> next = listed.size() > size
                        ? Optional.of(
                                NotificationCursor.of(listed.get(size - 1)).encode())
                        : Optional.empty();
                return new Page(entries, next);
            }
        }
    }

    /** How many of the user's notifications are unread, at most {@value #MAX_COUNTED}. */
    public int unreadCount(UserId user) {
        List<String> principals;
        NotificationStore.ReadState state;
        try (PlatformSession system = platform.systemSession()) {
            principals = Notifications.principals(system, user);
            state = store.readState(system, user);
        }
        try (PlatformSession session = platform.sessionAs(user)) {
            return (int) store
                    .find(
                            session,
                            principals,
                            Optional.empty(),
                            Optional.of(state.upTo().plusMillis(1)),
                            false,
                            MAX_COUNTED + state.ids().size())
                    .stream()
                    .flatMap(node -> NotificationStore.readAs(node, user).stream())
                    .filter(n -> !state.read(n))
                    .limit(MAX_COUNTED)
                    .count();
        }
    }

    /**
     * Marks one of the user's notifications read.
     *
     * @throws NotificationRefusal UNKNOWN_NOTIFICATION when it is not theirs (or does not exist)
     */
    public void markRead(UserId user, String id) {
        Notification notification;
        try (PlatformSession session = platform.sessionAs(user)) {
            notification = NotificationStore.path(id)
                    .flatMap(session::nodeAt)
                    .filter(node -> node.type().equals(NotificationModel.NOTIFICATION))
                    .flatMap(node -> NotificationStore.readAs(node, user))
                    .orElseThrow(() -> new NotificationRefusal(Reason.UNKNOWN_NOTIFICATION, id));
        }
        try (PlatformSession system = platform.systemSession()) {
            store.markRead(system, user, List.of(notification));
            system.save();
        }
    }

    /**
     * Marks every notification of the user recorded until now read, including any dated after now (a cause whose
     * clock ran ahead): "all" is what the person has in front of them.
     */
    public void markAllRead(UserId user) {
        Instant now = clock.instant();
        try (PlatformSession system = platform.systemSession()) {
            Instant upTo = store
                    .find(system, Notifications.principals(system, user), Optional.empty(), Optional.empty(), false, 1)
                    .stream()
                    .map(node -> node.instant(NotificationModel.AT).orElse(node.created()))
                    .filter(newest -> newest.isAfter(now))
                    .findFirst()
                    .orElse(now);
            store.markAllRead(system, user, upTo);
            system.save();
        }
    }
}
