package org.locker.core.platform.conformance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.NewUser;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.PrincipalListener;
import org.locker.core.platform.UserId;

/**
 * Principal events: a listener registered on the platform learns of user creation and membership
 * changes within a few seconds. Delivery may repeat, so the assertions look for an event, not a count.
 */
public abstract class EventsConformance extends PlatformConformanceSuite {

    /** How long the platform may take to deliver an event. */
    protected static final Duration DELIVERY = Duration.ofSeconds(10);

    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    void registerListener() {
        platform.addPrincipalListener(new PrincipalListener() {
            @Override
            public void userCreated(UserId user) {
                events.add("created " + user.value());
            }

            @Override
            public void membershipChanged(GroupId group, PrincipalId member, boolean added) {
                events.add((added ? "added " : "removed ") + member.value() + " to " + group.value());
            }
        });
    }

    @Test
    void shouldTellListenerOfUserCreation() {
        UserId user = UserId.of(unique("newcomer"));
        try (PlatformSession s = system()) {
            s.createUser(new NewUser(user, "New", "Comer", null, PASSWORD.toCharArray(), Map.of()));
            s.save();
        }
        await(DELIVERY, "userCreated(" + user + ")", () -> events.contains("created " + user.value()));
    }

    @Test
    void shouldTellListenerOfMembersAddedAndRemoved() {
        UserId user = newUser("joiner");
        GroupId group = GroupId.of(unique("club"));
        GroupId nested = GroupId.of(unique("nested"));
        try (PlatformSession s = system()) {
            s.createGroup(group, null, Map.of());
            s.createGroup(nested, null, Map.of());
            s.save();
            s.addMember(group, user);
            s.addMember(group, nested);
            s.save();
        }
        await(
                DELIVERY,
                "membershipChanged(" + group + ", " + user + ", added)",
                () -> events.contains("added " + user.value() + " to " + group.value()));
        await(
                DELIVERY,
                "membershipChanged(" + group + ", " + nested + ", added)",
                () -> events.contains("added " + nested.value() + " to " + group.value()));

        try (PlatformSession s = system()) {
            s.removeMember(group, user);
            s.save();
        }
        await(
                DELIVERY,
                "membershipChanged(" + group + ", " + user + ", removed)",
                () -> events.contains("removed " + user.value() + " to " + group.value()));
    }

    @Test
    void shouldNotTellListenerOfDiscardedChanges() {
        UserId user = UserId.of(unique("phantom"));
        UserId marker = UserId.of(unique("marker"));
        try (PlatformSession s = system()) {
            s.createUser(new NewUser(user, "P", "H", null, null, Map.of()));
            s.discard();
            s.createUser(new NewUser(marker, "M", "K", null, null, Map.of()));
            s.save();
        }
        await(DELIVERY, "userCreated(" + marker + ")", () -> events.contains("created " + marker.value()));
        org.assertj.core.api.Assertions.assertThat(events).doesNotContain("created " + user.value());
    }
}
