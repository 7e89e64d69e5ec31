package org.locker.oak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.jcr.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.UserId;

/** The recipient sets a session writes: its pending state, on the in-memory platform. */
class OakGranteesTest {

    private static OakPlatform platform;
    private static final List<UserId> USERS = new ArrayList<>();

    @BeforeAll
    static void openPlatform() {
        platform = OakTestPlatforms.inMemory();
        try (PlatformSession s = platform.systemSession()) {
            for (int i = 0; i < OakGrantees.RECIPIENT_SET_THRESHOLD; i++) {
                UserId user = UserId.of("g" + i);
                s.createUser(new NewUser(user, "G", "User", "", null, Map.of()));
                USERS.add(user);
            }
            s.createGroup(GroupId.of("teachers"), "Teachers", Map.of());
            s.save();
        }
    }

    @AfterAll
    static void closePlatform() {
        platform.close();
    }

    @Test
    void shouldLetPrincipalsStandForThemselvesBelowTheThreshold() throws Exception {
        try (Delegate grantees = Delegate.system()) {
            assertThat(grantees.it.throughRecipientSet(USERS.subList(1, USERS.size())))
                    .isEmpty();
        }
    }

    @Test
    void shouldNotUseRecipientSetsInAUsersSession() throws Exception {
        Session admin = platform.adminSession();
        Session session;
        try {
            session = admin.impersonate(
                    new javax.jcr.SimpleCredentials(USERS.get(0).value(), new char[0]));
        } finally {
            admin.logout();
        }
        try (Delegate grantees = new Delegate(session, USERS.get(0))) {
            assertThat(grantees.it.throughRecipientSet(USERS)).isEmpty();
        }
    }

    @Test
    void shouldKeepAWrittenSetPendingUntilSavedThenMakeItKnown() throws Exception {
        List<UserId> users = new ArrayList<>(USERS);
        users.remove(0);
        users.add(UserId.of("g0")); // the same users in another order: the same set
        try (Delegate grantees = Delegate.system()) {
            List<PrincipalId> result = grantees.it
                    .throughRecipientSet(withGroup(users, GroupId.of("teachers")))
                    .orElseThrow();
            GroupId set = (GroupId) result.get(0);

            assertThat(result).containsExactly(set, GroupId.of("teachers"));
            assertThat(set.value())
                    .isEqualTo(RecipientSets.nameFor(
                            USERS.stream().map(UserId::value).toList()));
            assertThat(platform.recipientSets().contains(set.value()))
                    .as("not known before the save")
                    .isFalse();
            assertThat(grantees.it.principalId(platform.recipientSets().principal(set.value())))
                    .contains(set);

            grantees.session.save();
            grantees.it.registerPending();

            assertThat(platform.recipientSets().contains(set.value())).isTrue();
            assertThat(platform.recipientSets().setsOf("g7")).contains(set.value());
        }
    }

    @Test
    void shouldForgetAPendingSetWithItsDiscardedSession() throws Exception {
        List<UserId> users = new ArrayList<>(USERS);
        users.add(UserId.of("extra"));
        try (PlatformSession s = platform.systemSession()) {
            s.createUser(new NewUser(UserId.of("extra"), "E", "Xtra", "", null, Map.of()));
            s.save();
        }
        String name = RecipientSets.nameFor(users.stream().map(UserId::value).toList());
        try (Delegate grantees = Delegate.system()) {
            assertThat(grantees.it.throughRecipientSet(users).orElseThrow()).containsExactly(GroupId.of(name));
            assertThat(grantees.session.nodeExists(RecipientSets.FOLDER + "/" + name))
                    .isTrue();

            grantees.session.refresh(false);
            grantees.it.discardPending();
            grantees.it.registerPending();

            assertThat(platform.recipientSets().contains(name)).isFalse();
            assertThat(grantees.session.nodeExists(RecipientSets.FOLDER + "/" + name))
                    .isFalse();
            assertThat(grantees.it.principalId(platform.recipientSets().principal(name)))
                    .isEqualTo(Optional.empty());
        }
    }

    private static List<PrincipalId> withGroup(List<UserId> users, GroupId group) {
        List<PrincipalId> principals = new ArrayList<>(users);
        principals.add(group);
        return principals;
    }

    /** The delegate on its own JCR session, as an {@link OakSession} builds it. */
    private record Delegate(Session session, OakGrantees it) implements AutoCloseable {
        Delegate(Session session, UserId user) {
            this(session, grantees(new SessionContext(session, user, platform)));
        }

        static Delegate system() throws Exception {
            return new Delegate(platform.adminSession(), UserId.of(OakPlatform.ADMIN_ID));
        }

        private static OakGrantees grantees(SessionContext context) {
            return new OakGrantees(context, new OakPrincipals(context));
        }

        @Override
        public void close() {
            session.logout();
        }
    }
}
