package org.locker.core.platform.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.AccessDeniedException;
import org.locker.core.platform.AlreadyExistsException;
import org.locker.core.platform.Group;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.User;
import org.locker.core.platform.UserId;

/** Users, groups, membership, look-up by property and authentication. */
public abstract class PrincipalsConformance extends PlatformConformanceSuite {

    @Test
    void shouldCreateUserAndFindItWithTypedProperties() {
        UserId id = UserId.of(unique("ada"));
        Map<String, Object> properties =
                Map.of("lk:profile", "student", "lk:classes", List.of("5A", "latin"), "lk:guardianMessaging", true);
        try (PlatformSession s = system()) {
            User created = s.createUser(
                    new NewUser(id, "Ada", "Lovelace", "ada@example.org", PASSWORD.toCharArray(), properties));
            assertThat(created.id()).isEqualTo(id);
            s.save();
        }
        try (PlatformSession s = system()) {
            User user = s.findUser(id).orElseThrow();
            assertThat(user.firstName()).isEqualTo("Ada");
            assertThat(user.lastName()).isEqualTo("Lovelace");
            assertThat(user.email()).isEqualTo("ada@example.org");
            assertThat(user.properties()).containsExactlyInAnyOrderEntriesOf(properties);
            assertThat(user.created()).isNotNull();
        }
    }

    @Test
    void shouldNeverActAsAReservedAccount() {
        assertThat(platform.reservedAccounts())
                .as("a platform has at least its superuser")
                .isNotEmpty();
        for (UserId reserved : platform.reservedAccounts()) {
            assertThat(platform.isReserved(reserved)).isTrue();
            assertThatThrownBy(() -> platform.sessionAs(reserved))
                    .as(reserved.value())
                    .isInstanceOf(AccessDeniedException.class);
        }
        UserId plain = newUser("plain");
        assertThat(platform.isReserved(plain)).isFalse();
        try (PlatformSession session = platform.sessionAs(plain)) {
            assertThat(session.user()).isEqualTo(plain);
        }
    }

    @Test
    void shouldReturnEmptyForUnknownUser() {
        try (PlatformSession s = system()) {
            assertThat(s.findUser(UserId.of(unique("nobody")))).isEmpty();
            assertThat(s.findGroup(GroupId.of(unique("nogroup")))).isEmpty();
        }
    }

    @Test
    void shouldUpdateUserAndRemovePropertiesSetToNull() {
        UserId id = UserId.of(unique("bob"));
        try (PlatformSession s = system()) {
            s.createUser(new NewUser(
                    id,
                    "Bob",
                    "Martin",
                    "bob@example.org",
                    PASSWORD.toCharArray(),
                    Map.of("lk:delegateOf", List.of("6B"), "lk:classes", List.of("6B"), "lk:profile", "guardian")));
            s.save();
        }
        Map<String, Object> changes = new HashMap<>();
        changes.put("lk:delegateOf", null);
        changes.put("lk:classes", List.of("6B", "6C"));
        try (PlatformSession s = system()) {
            s.updateUser(new NewUser(id, "Robert", "Martin", "robert@example.org", null, changes));
            s.save();
        }
        try (PlatformSession s = system()) {
            User user = s.findUser(id).orElseThrow();
            assertThat(user.firstName()).isEqualTo("Robert");
            assertThat(user.email()).isEqualTo("robert@example.org");
            assertThat(user.properties())
                    .doesNotContainKey("lk:delegateOf")
                    .containsEntry("lk:classes", List.of("6B", "6C"))
                    .containsEntry("lk:profile", "guardian");
        }
        assertThat(platform.authenticate(id, PASSWORD.toCharArray())).contains(id);
    }

    @Test
    void shouldChangePasswordOnUpdate() {
        UserId id = newUser("pwd");
        try (PlatformSession s = system()) {
            s.updateUser(new NewUser(id, "First", "Last", null, "Another-Pass-7".toCharArray(), Map.of()));
            s.save();
        }
        assertThat(platform.authenticate(id, "Another-Pass-7".toCharArray())).contains(id);
        assertThat(platform.authenticate(id, PASSWORD.toCharArray())).isEmpty();
    }

    @Test
    void shouldRejectDuplicateUser() {
        UserId id = newUser("dup");
        try (PlatformSession s = system()) {
            assertThatThrownBy(() -> s.createUser(new NewUser(id, "A", "B", null, null, Map.of())))
                    .isInstanceOf(AlreadyExistsException.class);
        }
    }

    @Test
    void shouldRejectUserWithTheIdOfAGroup() {
        String name = unique("staff");
        try (PlatformSession s = system()) {
            s.createGroup(GroupId.of(name), "Staff", Map.of());
            s.save();
            assertThatThrownBy(() -> s.createUser(new NewUser(UserId.of(name), "A", "B", null, null, Map.of())))
                    .isInstanceOf(AlreadyExistsException.class);
        }
    }

    /** By the profile, the engine's single-valued user property: other tests' users may share it, hence contains. */
    @Test
    void shouldFindUsersBySingleValuedProperty() {
        UserId a = UserId.of(unique("a"));
        UserId b = UserId.of(unique("b"));
        UserId c = UserId.of(unique("c"));
        try (PlatformSession s = system()) {
            s.createUser(new NewUser(a, "A", "A", null, null, Map.of("lk:profile", "counselor")));
            s.createUser(new NewUser(b, "B", "B", null, null, Map.of("lk:profile", "counselor")));
            s.createUser(new NewUser(c, "C", "C", null, null, Map.of("lk:profile", "staff")));
            s.save();
        }
        try (PlatformSession s = system()) {
            assertThat(s.findUsersByProperty("lk:profile", "counselor"))
                    .extracting(User::id)
                    .contains(a, b)
                    .doesNotContain(c);
        }
    }

    @Test
    void shouldFindUsersByOneValueOfMultiValuedProperty() {
        String latin = unique("latin");
        UserId a = UserId.of(unique("a"));
        UserId b = UserId.of(unique("b"));
        try (PlatformSession s = system()) {
            s.createUser(new NewUser(a, "A", "A", null, null, Map.of("lk:classes", List.of("5A", latin))));
            s.createUser(new NewUser(b, "B", "B", null, null, Map.of("lk:classes", List.of("5B"))));
            s.save();
        }
        try (PlatformSession s = system()) {
            assertThat(s.findUsersByProperty("lk:classes", latin))
                    .extracting(User::id)
                    .containsExactly(a);
        }
    }

    @Test
    void shouldCreateUpdateAndFindGroups() {
        GroupId id = GroupId.of(unique("Teachers"));
        String school = unique("school");
        try (PlatformSession s = system()) {
            Group group = s.createGroup(id, "Teachers", Map.of("lk:class", school, "lk:groupKind", "class"));
            assertThat(group.displayName()).isEqualTo("Teachers");
            s.save();
        }
        Map<String, Object> changes = new HashMap<>();
        changes.put("lk:groupKind", null);
        try (PlatformSession s = system()) {
            s.updateGroup(id, "All teachers", changes);
            s.save();
        }
        try (PlatformSession s = system()) {
            Group group = s.findGroup(id).orElseThrow();
            assertThat(group.displayName()).isEqualTo("All teachers");
            assertThat(group.properties()).containsExactlyEntriesOf(Map.of("lk:class", school));
            assertThat(s.findGroupsByProperty("lk:class", school))
                    .extracting(Group::id)
                    .containsExactly(id);
        }
    }

    @Test
    void shouldRejectDuplicateGroup() {
        GroupId id = GroupId.of(unique("dupgroup"));
        try (PlatformSession s = system()) {
            s.createGroup(id, null, Map.of());
            s.save();
            assertThatThrownBy(() -> s.createGroup(id, null, Map.of())).isInstanceOf(AlreadyExistsException.class);
        }
    }

    @Test
    void shouldAddAndRemoveMembersIdempotently() {
        UserId user = newUser("member");
        GroupId group = GroupId.of(unique("class"));
        GroupId sub = GroupId.of(unique("sub"));
        try (PlatformSession s = system()) {
            s.createGroup(group, null, Map.of());
            s.createGroup(sub, null, Map.of());
            s.addMember(group, user);
            s.addMember(group, user);
            s.addMember(group, sub);
            s.save();
        }
        try (PlatformSession s = system()) {
            assertThat(s.members(group)).containsExactlyInAnyOrder(user, sub);
            s.removeMember(group, user);
            s.removeMember(group, user);
            s.save();
        }
        try (PlatformSession s = system()) {
            assertThat(s.members(group)).containsExactly(sub);
            assertThat(s.members(sub)).isEmpty();
        }
    }

    @Test
    void shouldListGroupsOfPrincipalIncludingNestedGroups() {
        UserId user = newUser("nested");
        GroupId direct = GroupId.of(unique("direct"));
        GroupId parent = GroupId.of(unique("parent"));
        GroupId unrelated = GroupId.of(unique("unrelated"));
        try (PlatformSession s = system()) {
            s.createGroup(direct, null, Map.of());
            s.createGroup(parent, null, Map.of());
            s.createGroup(unrelated, null, Map.of());
            s.addMember(direct, user);
            s.addMember(parent, direct);
            s.save();
        }
        try (PlatformSession s = system()) {
            assertThat(s.groupsOf(user)).contains(direct, parent).doesNotContain(unrelated);
            assertThat(s.groupsOf(direct)).contains(parent).doesNotContain(direct, unrelated);
        }
    }

    @Test
    void shouldAuthenticateWithTheRightPasswordOnly() {
        UserId user = newUser("login");
        assertThat(platform.authenticate(user, PASSWORD.toCharArray())).contains(user);
        assertThat(platform.authenticate(user, "wrong".toCharArray())).isEmpty();
        assertThat(platform.authenticate(UserId.of(unique("ghost")), PASSWORD.toCharArray()))
                .isEmpty();
    }

    @Test
    void shouldNotAuthenticateUserWithoutPassword() {
        UserId id = UserId.of(unique("sso"));
        try (PlatformSession s = system()) {
            s.createUser(new NewUser(id, "S", "So", null, null, Map.of()));
            s.save();
        }
        assertThat(platform.authenticate(id, new char[0])).isEmpty();
        assertThat(platform.authenticate(id, "anything".toCharArray())).isEmpty();
    }

    @Test
    void shouldDiscardUnsavedUser() {
        UserId id = UserId.of(unique("unsaved"));
        try (PlatformSession s = system()) {
            s.createUser(new NewUser(id, "U", "S", null, PASSWORD.toCharArray(), Map.of()));
            s.discard();
        }
        try (PlatformSession s = system()) {
            assertThat(s.findUser(id)).isEmpty();
        }
    }
}
