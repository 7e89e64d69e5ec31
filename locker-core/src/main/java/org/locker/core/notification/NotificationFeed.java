package org.locker.core.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.locker.core.platform.UserId;

/**
 * Reads the notifications recorded on the platform: what the in-app centre shows and what the e-mail sender works
 * from (it keeps its own progress, so that a crash or an SMTP outage delays mail and never drops or duplicates it).
 */
public interface NotificationFeed {

    /** Where a walk of {@link #recordedAfter} stopped: the last record's instant and id. */
    record FeedPosition(Instant at, String id) {}

    /** The notifications recorded after {@code after} (all when empty), oldest first, at most {@code limit}. */
    List<Notification> recordedAfter(Optional<FeedPosition> after, int limit);

    /** The notifications of {@code user} recorded after {@code after} (exclusive), oldest first, at most limit. */
    List<Notification> forUserAfter(UserId user, Instant after, int limit);
}
