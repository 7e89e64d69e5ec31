package org.locker.core.locker;

import java.util.Set;
import org.locker.core.directory.DirectoryProperties;
import org.locker.core.directory.Profile;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.UserId;

/** Who a stored principal name is, and who a reader is, as lockers need to know. */
final class Principals {

    private Principals() {}

    /** The user of that name if there is one, else the group. */
    static PrincipalId principal(PlatformSession session, String name) {
        if (UserId.isValid(name) && session.findUser(UserId.of(name)).isPresent()) {
            return UserId.of(name);
        }
        return GroupId.of(name);
    }

    /** Adds the users {@code principal} is or holds, through nested groups. */
    static void expand(PlatformSession session, PrincipalId principal, Set<String> users, Set<String> seen) {
        if (!seen.add(principal.value())) {
            return;
        }
        if (principal instanceof UserId user) {
            users.add(user.value());
        } else if (principal instanceof GroupId group) {
            for (PrincipalId member : session.members(group)) {
                expand(session, member, users, seen);
            }
        }
    }

    /** Whether {@code user}'s profile is guardian: they see deposits only inside their windows. */
    static boolean isGuardian(ContentPlatform platform, UserId user) {
        try (PlatformSession system = platform.systemSession()) {
            return system.findUser(user)
                    .flatMap(u -> u.stringProperty(DirectoryProperties.PROFILE))
                    .flatMap(Profile::fromCode)
                    .filter(p -> p == Profile.GUARDIAN)
                    .isPresent();
        }
    }
}
