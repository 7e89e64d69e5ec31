package org.locker.service.notification.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.locker.core.notification.Notification;
import org.locker.core.notification.NotificationFeed;
import org.locker.core.notification.NotificationKind;
import org.locker.core.platform.UserId;

/**
 * The platform's feed (what real causes record: a deposit, a reply...) plus notifications the tests record directly,
 * at chosen instants, so that the hours, digests and outages can be tested without staging each cause.
 */
final class RecordedNotifications implements NotificationFeed {

    private static final Comparator<Notification> ORDER =
            Comparator.comparing(Notification::at).thenComparing(Notification::id);

    private final List<Notification> records = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final NotificationFeed platform;

    RecordedNotifications(NotificationFeed platform) {
        this.platform = platform;
    }

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
                // the platform's id format (the instant first), so that a walk position compares with both
                String.format("%013d-t%07d", at.toEpochMilli(), ids.incrementAndGet()),
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
        return Stream.concat(
                        platform.recordedAfter(after, limit).stream(),
                        records.stream()
                                .filter(n -> after.isEmpty()
                                        || n.at().isAfter(after.get().at())
                                        || (n.at().equals(after.get().at())
                                                && n.id().compareTo(after.get().id()) > 0)))
                .sorted(ORDER)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<Notification> forUserAfter(UserId user, Instant after, int limit) {
        return Stream.concat(
                        platform.forUserAfter(user, after, limit).stream(),
                        records.stream().filter(n -> n.users().contains(user) && n.at().isAfter(after)))
                .sorted(ORDER)
                .limit(limit)
                .toList();
    }
}
