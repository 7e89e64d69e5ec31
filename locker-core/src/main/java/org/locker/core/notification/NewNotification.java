package org.locker.core.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.UserId;

/**
 * A notification to record with its cause (see {@link NotificationRecorder}).
 *
 * @param item what it is about (a deposit's id, a discussion's node id): opening it marks it read
 * @param link the web app's route to the item ({@code #/...})
 * @param via the principals the record is granted to and found by, which hold every user (a class's guardians'
 *     group, a window's recipients): empty for the users themselves (or the recipient set standing for them)
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
        Set<String> classes,
        List<PrincipalId> via) {

    public NewNotification(
            NotificationKind kind,
            Instant at,
            List<UserId> users,
            String item,
            String title,
            String actor,
            String link,
            Set<String> students,
            Set<String> classes) {
        this(kind, at, users, item, title, actor, link, students, classes, List.of());
    }

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
        via = List.copyOf(via);
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
        return new NewNotification(kind, at, users, item, title, actor, link, students, classes, via);
    }

    /**
     * The same, granted to and found by {@code principals} (groups holding the users): no recipient set is made for
     * thousands of users reached through a few groups, and the platform follows the groups' membership (someone who
     * leaves the class no longer reads it; someone who joins it is not among its users, which the reader checks).
     */
    public NewNotification via(Collection<? extends PrincipalId> principals) {
        return new NewNotification(
                kind, at, users, item, title, actor, link, students, classes, List.copyOf(principals));
    }
}
