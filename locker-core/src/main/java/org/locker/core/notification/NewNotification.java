package org.locker.core.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.locker.core.platform.UserId;

/**
 * A notification to record with its cause (see {@link NotificationRecorder}).
 *
 * @param item what it is about (a deposit's id, a discussion's node id): opening it marks it read
 * @param link the web app's route to the item ({@code #/...})
 */
public record NewNotification(
        NotificationKind kind,
        Instant at,
        List<UserId> users,
        String item,
        String title,
        String actor,
        String link,
        Set<String> students,
        Set<String> classes) {

    public NewNotification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        users = users.stream().distinct().toList();
        item = item == null ? "" : item;
        title = title == null ? "" : title;
        actor = actor == null ? "" : actor;
        link = link == null ? "" : link;
        students = Set.copyOf(students);
        classes = Set.copyOf(classes);
    }

    public static NewNotification of(
            NotificationKind kind,
            Instant at,
            Collection<UserId> users,
            String item,
            String title,
            String actor,
            String link) {
        return new NewNotification(kind, at, List.copyOf(users), item, title, actor, link, Set.of(), Set.of());
    }

    public NewNotification concerning(Set<String> students, Set<String> classes) {
        return new NewNotification(kind, at, users, item, title, actor, link, students, classes);
    }
}
