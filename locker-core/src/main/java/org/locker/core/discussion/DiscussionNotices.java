package org.locker.core.discussion;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.locker.core.directory.Profile;
import org.locker.core.discussion.Discussions.BroadcastKind;
import org.locker.core.notification.NewNotification;
import org.locker.core.notification.NotificationKind;
import org.locker.core.notification.Notifications;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.User;
import org.locker.core.platform.UserId;

/**
 * The notifications of discussions, recorded in the session of their cause before its save: a reply (to the other
 * participants), a delegate's broadcast or survey (to the guardians it reached). Titles and links only: never a
 * message's text.
 */
final class DiscussionNotices {

    private final Notifications notifications;

    DiscussionNotices(Notifications notifications) {
        this.notifications = Objects.requireNonNull(notifications, "notifications");
    }

    /** {@code author} posted in the discussion: its other participants are told; the students in it are its children. */
    void replied(
            PlatformSession session,
            NodeId discussion,
            String subject,
            DiscussionState state,
            UserId author,
            Instant at) {
        List<UserId> users = state.members().stream()
                .map(m -> m.participant().id())
                .filter(id -> !id.equals(author))
                .toList();
        Set<String> students = new LinkedHashSet<>();
        state.members().stream()
                .map(DiscussionState.Member::participant)
                .filter(p -> p.profile() == Profile.STUDENT)
                .forEach(p -> students.add(p.id().value()));
        notifications.record(
                session,
                new NewNotification(
                        NotificationKind.REPLY,
                        at,
                        users,
                        discussion.value(),
                        subject,
                        displayName(session, author),
                        "#/discussions/" + discussion.value(),
                        students,
                        Set.of()));
    }

    /** A delegate's broadcast or survey reached {@code audience}, guardians of the class. */
    void broadcast(
            PlatformSession session,
            NodeId broadcast,
            BroadcastKind kind,
            String classCode,
            UserId delegate,
            List<UserId> audience,
            Instant at) {
        notifications.record(
                session,
                new NewNotification(
                        kind == BroadcastKind.SURVEY ? NotificationKind.SURVEY : NotificationKind.BROADCAST,
                        at,
                        audience.stream().filter(u -> !u.equals(delegate)).toList(),
                        broadcast.value(),
                        classCode,
                        displayName(session, delegate),
                        "#/broadcasts",
                        Set.of(),
                        Set.of(classCode)));
    }

    /** {@code reader} read the thread: its notifications to them are read, in the same save. */
    void read(PlatformSession session, UserId reader, NodeId discussion) {
        notifications.opened(session, reader, discussion.value());
    }

    private static String displayName(PlatformSession session, UserId user) {
        return session.findUser(user).map(User::displayName).orElse("");
    }
}
