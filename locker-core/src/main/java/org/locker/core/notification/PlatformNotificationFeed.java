package org.locker.core.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.Node;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * The notifications as recorded on the platform, read as the service account: the e-mail sender walks
 * {@link #recordedAfter} (the day folders in name order, each day's notifications in name order, which is the
 * order they were recorded in: their ids begin with their instant).
 */
public final class PlatformNotificationFeed implements NotificationFeed {

    private final ContentPlatform platform;
    private final NotificationStore store = new NotificationStore();

    public PlatformNotificationFeed(ContentPlatform platform) {
        this.platform = platform;
    }

    @Override
    public List<Notification> recordedAfter(Optional<FeedPosition> after, int limit) {
        List<Notification> result = new ArrayList<>();
        String fromDay = after.map(p -> NotificationStore.dayFolder(p.at())).orElse("");
        try (PlatformSession system = platform.systemSession()) {
            Optional<Node> root = system.nodeAt(NotificationModel.FOLDER);
            if (root.isEmpty()) {
                return result;
            }
            for (Node year : system.children(root.get().id())) {
                for (Node month : system.children(year.id())) {
                    for (Node day : system.children(month.id())) {
                        String path =
                                NotificationModel.FOLDER + "/" + year.name() + "/" + month.name() + "/" + day.name();
                        if (path.compareTo(fromDay) < 0) {
                            continue; // a day walked already
                        }
                        for (Node node : system.children(day.id())) {
                            if (!node.type().equals(NotificationModel.NOTIFICATION)) {
                                continue;
                            }
                            if (after.isPresent()
                                    && node.name().compareTo(after.get().id()) <= 0) {
                                continue;
                            }
                            result.add(NotificationStore.read(node));
                            if (result.size() == limit) {
                                return result;
                            }
                        }
                    }
                }
            }
        }
        return result;
    }

    @Override
    public List<Notification> forUserAfter(UserId user, Instant after, int limit) {
        try (PlatformSession system = platform.systemSession()) {
            List<String> principals = Notifications.principals(system, user);
            List<Notification> result = new ArrayList<>();
            int asked = limit + 11;
            while (true) {
                List<Node> batch = store.find(system, principals, Optional.empty(), Optional.of(after), true, asked);
                result.clear();
                batch.stream()
                        .flatMap(node -> NotificationStore.readAs(node, user).stream())
                        .filter(n -> n.at().isAfter(after))
                        .sorted(NotificationCursor.ORDER.reversed())
                        .limit(limit)
                        .forEach(result::add);
                if (result.size() == limit || batch.size() < asked) {
                    return result;
                }
                asked *= 2;
            }
        }
    }
}
