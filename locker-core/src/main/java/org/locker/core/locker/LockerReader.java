package org.locker.core.locker;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.locker.core.directory.Profile;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * Who reads a locker, as the listing, its pages and its "new" count all need it: the principals a deposit may name
 * (the user and their groups), the deposits they opened, and whether they read as a guardian (windows apply).
 */
record LockerReader(List<String> principals, Set<String> opened, boolean guardian) {

    static LockerReader of(ContentPlatform platform, DepositStore store, UserId user) {
        List<String> principals = new ArrayList<>();
        principals.add(user.value());
        Set<String> opened;
        try (PlatformSession system = platform.systemSession()) {
            system.groupsOf(user).forEach(g -> principals.add(g.value()));
            opened = store.openedBy(system, user);
        }
        return new LockerReader(
                List.copyOf(principals),
                opened,
                principals.contains(Profile.GUARDIAN.group().value()));
    }
}
