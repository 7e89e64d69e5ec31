package org.locker.oak;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.jcr.Session;
import org.apache.jackrabbit.api.JackrabbitSession;
import org.apache.jackrabbit.api.security.user.Authorizable;
import org.apache.jackrabbit.api.security.user.UserManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/** Users and groups read by the path the binding saw them at: the same answers as Oak's look-up by id. */
class AuthorizablePathsTest {

    private static OakPlatform platform;

    @BeforeAll
    static void openPlatform() {
        platform = OakTestPlatforms.inMemory();
    }

    @AfterAll
    static void closePlatform() {
        platform.close();
    }

    @Test
    void shouldReadAKnownAuthorizableByItsPathWithoutLookingItUp() throws Exception {
        try (PlatformSession s = platform.systemSession()) {
            s.createUser(new NewUser(UserId.of("paths-known"), "K", "Nown", "", null, Map.of()));
            s.save();
        }
        Session admin = platform.adminSession();
        try {
            AtomicInteger lookUps = new AtomicInteger();
            UserManager users = countingLookUps(((JackrabbitSession) admin).getUserManager(), lookUps);
            Authorizable found = platform.authorizablePaths().find(users, "paths-known");
            assertThat(found.getID()).isEqualTo("paths-known");
            assertThat(lookUps).hasValue(0);
            assertThat(platform.authorizablePaths().find(users, "paths-nobody")).isNull();
            assertThat(lookUps).hasValue(1);
        } finally {
            admin.logout();
        }
    }

    @Test
    void shouldNotFindWhatADiscardedSessionCreated() {
        UserId user = UserId.of("paths-discarded");
        GroupId group = GroupId.of("paths-discarded-group");
        try (PlatformSession s = platform.systemSession()) {
            s.createUser(new NewUser(user, "D", "Iscarded", "", null, Map.of()));
            s.createGroup(group, "Discarded", Map.of());
            s.discard();
        }
        try (PlatformSession s = platform.systemSession()) {
            assertThat(s.findUser(user)).isEmpty();
            assertThat(s.findGroup(group)).isEmpty();
            // and the ids are free again
            s.createUser(new NewUser(user, "D", "Again", "", null, Map.of()));
            s.createGroup(group, "Again", Map.of());
            s.addMember(group, user);
            s.save();
        }
        try (PlatformSession s = platform.systemSession()) {
            assertThat(s.findUser(user).orElseThrow().lastName()).isEqualTo("Again");
            assertThat(s.members(group)).containsExactly(user);
        }
    }

    /** The user manager, counting its look-ups by id (Oak's query). */
    private static UserManager countingLookUps(UserManager users, AtomicInteger lookUps) {
        return (UserManager) Proxy.newProxyInstance(
                UserManager.class.getClassLoader(), new Class<?>[] {UserManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getAuthorizable")
                            && args != null
                            && args.length == 1
                            && args[0] instanceof String) {
                        lookUps.incrementAndGet();
                    }
                    try {
                        return method.invoke(users, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
