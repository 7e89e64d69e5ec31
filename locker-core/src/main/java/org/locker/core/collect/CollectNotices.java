package org.locker.core.collect;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.locker.core.collect.CollectRequests.RequestView;
import org.locker.core.notification.NewNotification;
import org.locker.core.notification.NotificationKind;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.User;
import org.locker.core.platform.UserId;

/** The notification of a collect request's publication or reminder: its title, who asks, the classes it concerns. */
final class CollectNotices {

    /** The web app's route where targets hand in. */
    static final String LINK = "#/tohandin";

    private CollectNotices() {}

    static NewNotification of(
            PlatformSession system,
            NotificationKind kind,
            RequestView request,
            Collection<UserId> users,
            Set<String> students,
            Instant now) {
        String requester = system.findUser(UserId.of(request.requester()))
                .map(User::displayName)
                .orElse("");
        return NewNotification.of(kind, now, users, request.id(), request.title(), requester, LINK)
                .concerning(students, classes(request));
    }

    /** The classes named by the targets ({@code guardians:6A}, {@code students:6A}); none for individual guardians. */
    private static Set<String> classes(RequestView request) {
        Set<String> classes = new LinkedHashSet<>();
        for (String target : request.targets()) {
            int colon = target.indexOf(':');
            if (colon > 0 && !target.startsWith("user:")) {
                classes.add(target.substring(colon + 1));
            }
        }
        return classes;
    }
}
