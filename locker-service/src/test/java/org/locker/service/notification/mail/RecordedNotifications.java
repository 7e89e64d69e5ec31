package org.locker.service.notification.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.locker.core.notification.Notification;
import org.locker.core.notification.NotificationFeed;
import org.locker.core.notification.NotificationKind;
import org.locker.core.platform.UserId;

/**
 * TEST DOUBLE of the notification feed, in memory: the tests record what the platform would have recorded with
 * each cause. The real feed (the in-app notifications' record on the platform) replaces it once both halves of
 * issue 15 are merged.
 */
final class RecordedNotifications implements NotificationFeed {

    private static final Comparator<Notification> ORDER =
            Comparator.comparing(Notification::at).thenComparing(Notification::id);

    private final List<Notification> records = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    /** Records a notification at {@code at} for {@code users}, concerning students and classes. */
    synchronized Notification record(
            NotificationKind kind,
            Instant at,
            String title,
            String link,
            List<String> users,
            Set<String> students,
            Set<String> classes) {
        Notification notification = new Notification(
                String.format("n%08d", ids.incrementAndGet()),
                kind,
                at,
                users.stream().map(UserId::new).toList(),
                title,
                "Paul Girard",
                link,
                students,
                classes);
        records.add(notification);
        records.sort(ORDER);
        return notification;
    }

    @Override
    public synchronized List<Notification> recordedAfter(Optional<FeedPosition> after, int limit) {
        return records.stream()
                .filter(n -> after.isEmpty()
                        || n.at().isAfter(after.get().at())
                        || (n.at().equals(after.get().at())
                                && n.id().compareTo(after.get().id()) > 0))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<Notification> forUserAfter(UserId user, Instant after, int limit) {
        return records.stream()
                .filter(n -> n.users().contains(user) && n.at().isAfter(after))
                .limit(limit)
                .toList();
    }
}
