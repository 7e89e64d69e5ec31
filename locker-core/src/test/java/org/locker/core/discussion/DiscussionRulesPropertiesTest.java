package org.locker.core.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locker.core.PropertySeeds;
import org.locker.core.directory.Profile;
import org.locker.core.platform.UserId;

/**
 * Whatever the settings and whatever users do, two students, two non-delegate guardians, or a student and a
 * guardian never exchange a message unless a teacher or staff member who invited one of them is present. Each seed
 * makes one world (settings, users, a run of actions); a failure names the seed and the world.
 */
class DiscussionRulesPropertiesTest {

    /** One user action; indexes are taken modulo the number of users or discussions. */
    record Action(int kind, int actor, int discussion, List<Integer> others) {}

    record World(DiscussionSettings settings, List<Participant> users, List<Action> actions) {}

    static LongStream seeds() {
        return PropertySeeds.seeds(300, 1L, 7L, 42L, 20_261_130L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void familiesNeverTalkWithoutThePersonnelWhoInvitedThem(long seed) {
        World world = world(new Random(seed));
        play(world, PropertySeeds.replay(seed) + ", " + world);
    }

    /** The generator reaches the case the property is about: family members who are allowed to post. */
    @Test
    void theWorldsShouldIncludeFamilyMembersPosting() {
        long[] seeds = PropertySeeds.seeds(300, 1L, 7L, 42L, 20_261_130L).toArray();
        long withFamilyPosts = LongStream.of(seeds)
                .filter(seed -> play(world(new Random(seed)), "seed " + seed) > 0)
                .count();
        assertThat(withFamilyPosts)
                .as("worlds where a family member posted, of %d", seeds.length)
                .isGreaterThanOrEqualTo(seeds.length / 10); // about 30% of them
    }

    /** Plays the world's actions under the rules, checking each allowed post; returns the family members' posts. */
    private static int play(World world, String description) {
        DiscussionRules rules = new DiscussionRules(world.settings());
        List<Participant> users = world.users();
        List<DiscussionState> discussions = new ArrayList<>();
        // The test's own record of who brought whom into each discussion, kept apart from DiscussionState.
        List<Map<UserId, UserId>> invitations = new ArrayList<>();
        Instant now = People.NOON;
        int familyPosts = 0;
        for (Action action : world.actions()) {
            Participant actor = users.get(action.actor() % users.size());
            if (action.kind() == 0) {
                List<Participant> recipients = distinctOthers(actor, action.others(), users);
                if (!recipients.isEmpty()
                        && rules.mayStart(actor, recipients, now).isAllowed()) {
                    discussions.add(DiscussionState.started(actor, recipients));
                    Map<UserId, UserId> brought = new HashMap<>();
                    recipients.forEach(r -> brought.put(r.id(), actor.id()));
                    invitations.add(brought);
                }
                continue;
            }
            if (discussions.isEmpty()) {
                continue;
            }
            int d = action.discussion() % discussions.size();
            switch (action.kind()) {
                case 1 -> {
                    Participant invitee = users.get(action.others().get(0) % users.size());
                    if (!discussions.get(d).contains(invitee.id())
                            && rules.mayInvite(actor, invitee, discussions.get(d), now)
                                    .isAllowed()) {
                        discussions.set(d, discussions.get(d).withInvited(actor, invitee));
                        invitations.get(d).put(invitee.id(), actor.id());
                    }
                }
                case 2 -> {
                    if (rules.mayPost(actor, discussions.get(d), now).isAllowed()) {
                        if (isFamily(actor)) {
                            familyPosts++;
                        }
                        assertNoUnsupervisedFamilyExchange(actor, discussions.get(d), invitations.get(d), description);
                    }
                }
                default -> {
                    if (rules.mayLeave(actor, discussions.get(d)).isAllowed()) {
                        discussions.set(d, discussions.get(d).without(actor.id()));
                        invitations.get(d).remove(actor.id());
                    }
                }
            }
        }
        return familyPosts;
    }

    /** The property itself, in the source page's words: "sauf à y avoir été invités par un enseignant ou un
     * personnel également présent dans la discussion". */
    private static void assertNoUnsupervisedFamilyExchange(
            Participant author, DiscussionState discussion, Map<UserId, UserId> brought, String description) {
        Set<UserId> present = new HashSet<>();
        Map<UserId, Profile> profiles = new HashMap<>();
        for (DiscussionState.Member m : discussion.members()) {
            present.add(m.participant().id());
            profiles.put(m.participant().id(), m.participant().profile());
        }
        for (DiscussionState.Member m : discussion.members()) {
            Participant reader = m.participant();
            if (reader.id().equals(author.id()) || !forbiddenPair(author, reader)) {
                continue;
            }
            boolean supervised = invitedByPresentPersonnel(author.id(), brought, present, profiles)
                    || invitedByPresentPersonnel(reader.id(), brought, present, profiles);
            assertThat(supervised)
                    .as("%s posted to %s in %s; %s", author.id(), reader.id(), discussion, description)
                    .isTrue();
        }
    }

    /** Two students, two guardians of whom neither is a delegate, or a student and a guardian. */
    private static boolean forbiddenPair(Participant a, Participant b) {
        boolean students = a.profile() == Profile.STUDENT && b.profile() == Profile.STUDENT;
        boolean plainGuardians = a.profile() == Profile.GUARDIAN
                && b.profile() == Profile.GUARDIAN
                && !a.isDelegate()
                && !b.isDelegate();
        boolean mixed = isFamily(a) && isFamily(b) && a.profile() != b.profile();
        return students || plainGuardians || mixed;
    }

    private static boolean invitedByPresentPersonnel(
            UserId user, Map<UserId, UserId> brought, Set<UserId> present, Map<UserId, Profile> profiles) {
        UserId inviter = brought.get(user);
        return inviter != null && present.contains(inviter) && !isFamily(profiles.get(inviter));
    }

    /** Written out here rather than taken from Profile, so that the property does not lean on the code it checks. */
    private static boolean isFamily(Participant p) {
        return isFamily(p.profile());
    }

    private static boolean isFamily(Profile p) {
        return p == Profile.STUDENT || p == Profile.GUARDIAN;
    }

    private static List<Participant> distinctOthers(Participant actor, List<Integer> indexes, List<Participant> users) {
        List<Participant> result = new ArrayList<>();
        Set<UserId> seen = new HashSet<>();
        seen.add(actor.id());
        for (int i : indexes) {
            Participant p = users.get(i % users.size());
            if (seen.add(p.id())) {
                result.add(p);
            }
        }
        return result;
    }

    // ------------------------------------------------------------------ generators

    // Families are the point of the property: more of them.
    private static final Profile[] PROFILES = {
        Profile.TEACHER,
        Profile.TEACHER,
        Profile.STAFF,
        Profile.COUNSELOR,
        Profile.ADMINISTRATOR,
        Profile.STUDENT,
        Profile.STUDENT,
        Profile.STUDENT,
        Profile.STUDENT,
        Profile.GUARDIAN,
        Profile.GUARDIAN,
        Profile.GUARDIAN,
        Profile.GUARDIAN
    };
    private static final String[] CLASSES = {"6a", "6b", "5c"};
    private static final int[] KINDS = {0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 3};

    /** 3 to 10 users with distinct ids, settings without a window, and 1 to 60 actions. */
    static World world(Random random) {
        Map<UserId, Participant> users = new LinkedHashMap<>();
        int count = 3 + random.nextInt(8);
        while (users.size() < count) {
            Participant user = user(random);
            users.putIfAbsent(user.id(), user);
        }
        List<Action> actions = new ArrayList<>();
        int length = 1 + random.nextInt(60);
        for (int i = 0; i < length; i++) {
            actions.add(action(random));
        }
        return new World(settings(random), List.copyOf(users.values()), actions);
    }

    private static DiscussionSettings settings(Random random) {
        boolean enabled = random.nextInt(4) != 0;
        boolean messaging = random.nextBoolean();
        Set<Profile> disabled = EnumSet.noneOf(Profile.class);
        for (int i = random.nextInt(3); i > 0; i--) {
            disabled.add(Profile.values()[random.nextInt(Profile.values().length)]);
        }
        Set<UserId> barred = new HashSet<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            barred.add(UserId.of("u" + random.nextInt(10)));
        }
        return DiscussionSettings.defaults()
                .withoutWindow()
                .withEnabled(enabled)
                .withGuardianMessaging(messaging)
                .withDisabledProfiles(disabled)
                .withInitiationBlocked(barred);
    }

    private static Participant user(Random random) {
        UserId id = UserId.of("u" + random.nextInt(30));
        Profile profile = PROFILES[random.nextInt(PROFILES.length)];
        Set<String> children = classes(random);
        Set<String> delegate = classes(random);
        boolean preference = random.nextInt(3) != 0;
        Set<ContactCategory> accepted = EnumSet.noneOf(ContactCategory.class);
        for (ContactCategory category : ContactCategory.values()) {
            if (random.nextBoolean()) {
                accepted.add(category);
            }
        }
        return switch (profile) {
            case GUARDIAN -> Participant.guardian(id, children, delegate, preference);
            case TEACHER -> Participant.teacher(id, accepted);
            default -> Participant.of(id, profile);
        };
    }

    /** Up to two of the classes. */
    private static Set<String> classes(Random random) {
        Set<String> classes = new HashSet<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            classes.add(CLASSES[random.nextInt(CLASSES.length)]);
        }
        return classes;
    }

    private static Action action(Random random) {
        List<Integer> others = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            others.add(random.nextInt(100));
        }
        return new Action(KINDS[random.nextInt(KINDS.length)], random.nextInt(100), random.nextInt(100), others);
    }
}
