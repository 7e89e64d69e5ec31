package org.locker.core.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.locker.core.directory.Profile;
import org.locker.core.platform.UserId;

/**
 * Whatever the settings and whatever users do, two students, two non-delegate guardians, or a student and a
 * guardian never exchange a message unless a teacher or staff member who invited one of them is present.
 */
class DiscussionRulesPropertiesTest {

    /** One user action; indexes are taken modulo the number of users or discussions. */
    record Action(int kind, int actor, int discussion, List<Integer> others) {
    }

    record World(DiscussionSettings settings, List<Participant> users, List<Action> actions) {
    }

    @Property(tries = 1000)
    void familiesNeverTalkWithoutThePersonnelWhoInvitedThem(@ForAll("worlds") World world) {
        DiscussionRules rules = new DiscussionRules(world.settings());
        List<Participant> users = world.users();
        List<DiscussionState> discussions = new ArrayList<>();
        // The test's own record of who brought whom into each discussion, kept apart from DiscussionState.
        List<Map<UserId, UserId>> invitations = new ArrayList<>();
        Instant now = People.NOON;
        int familyPosts = 0;
        for (Action action : world.actions()) {
            Participant actor = users.get(action.actor() % users.size());
            switch (action.kind()) {
                case 0 -> {
                    List<Participant> recipients = distinctOthers(actor, action.others(), users);
                    if (!recipients.isEmpty() && rules.mayStart(actor, recipients, now).isAllowed()) {
                        discussions.add(DiscussionState.started(actor, recipients));
                        Map<UserId, UserId> brought = new HashMap<>();
                        recipients.forEach(r -> brought.put(r.id(), actor.id()));
                        invitations.add(brought);
                    }
                }
                case 1 -> {
                    if (discussions.isEmpty()) {
                        continue;
                    }
                    int d = action.discussion() % discussions.size();
                    Participant invitee = users.get(action.others().get(0) % users.size());
                    if (!discussions.get(d).contains(invitee.id())
                            && rules.mayInvite(actor, invitee, discussions.get(d), now).isAllowed()) {
                        discussions.set(d, discussions.get(d).withInvited(actor, invitee));
                        invitations.get(d).put(invitee.id(), actor.id());
                    }
                }
                case 2 -> {
                    if (discussions.isEmpty()) {
                        continue;
                    }
                    int d = action.discussion() % discussions.size();
                    if (rules.mayPost(actor, discussions.get(d), now).isAllowed()) {
                        if (isFamily(actor)) {
                            familyPosts++;
                        }
                        assertNoUnsupervisedFamilyExchange(actor, discussions.get(d), invitations.get(d));
                    }
                }
                default -> {
                    if (discussions.isEmpty()) {
                        continue;
                    }
                    int d = action.discussion() % discussions.size();
                    if (rules.mayLeave(actor, discussions.get(d)).isAllowed()) {
                        discussions.set(d, discussions.get(d).without(actor.id()));
                        invitations.get(d).remove(actor.id());
                    }
                }
            }
        }
        Statistics.label("family member posted").collect(familyPosts > 0);
    }

    /** The property itself, in the source page's words: "sauf à y avoir été invités par un enseignant ou un
     * personnel également présent dans la discussion". */
    private static void assertNoUnsupervisedFamilyExchange(Participant author, DiscussionState discussion,
                                                           Map<UserId, UserId> brought) {
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
            assertThat(supervised).as("%s posted to %s in %s", author.id(), reader.id(), discussion).isTrue();
        }
    }

    /** Two students, two guardians of whom neither is a delegate, or a student and a guardian. */
    private static boolean forbiddenPair(Participant a, Participant b) {
        boolean students = a.profile() == Profile.STUDENT && b.profile() == Profile.STUDENT;
        boolean plainGuardians = a.profile() == Profile.GUARDIAN && b.profile() == Profile.GUARDIAN
                && !a.isDelegate() && !b.isDelegate();
        boolean mixed = isFamily(a) && isFamily(b) && a.profile() != b.profile();
        return students || plainGuardians || mixed;
    }

    private static boolean invitedByPresentPersonnel(UserId user, Map<UserId, UserId> brought, Set<UserId> present,
                                                     Map<UserId, Profile> profiles) {
        UserId inviter = brought.get(user);
        return inviter != null && present.contains(inviter) && !isFamily(profiles.get(inviter));
    }

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

    @Provide
    Arbitrary<World> worlds() {
        Arbitrary<List<Participant>> users = user().list().ofMinSize(3).ofMaxSize(10)
                .uniqueElements(Participant::id);
        return Combinators.combine(settings(), users, action().list().ofMinSize(1).ofMaxSize(60)).as(World::new);
    }

    private Arbitrary<DiscussionSettings> settings() {
        Arbitrary<Set<Profile>> disabled = Arbitraries.of(Profile.class).set().ofMaxSize(2);
        Arbitrary<Set<UserId>> blocked = Arbitraries.integers().between(0, 9).map(i -> UserId.of("u" + i)).set()
                .ofMaxSize(3);
        return Combinators.combine(Arbitraries.of(true, true, true, false), Arbitraries.of(true, false), disabled,
                        blocked)
                .as((enabled, messaging, off, barred) -> DiscussionSettings.defaults().withoutWindow()
                        .withEnabled(enabled).withGuardianMessaging(messaging).withDisabledProfiles(off)
                        .withInitiationBlocked(barred));
    }

    private Arbitrary<Participant> user() {
        Arbitrary<UserId> ids = Arbitraries.integers().between(0, 29).map(i -> UserId.of("u" + i));
        // Families are the point of the property: more of them.
        Arbitrary<Profile> profiles = Arbitraries.of(Profile.TEACHER, Profile.TEACHER, Profile.STAFF, Profile.COUNSELOR,
                Profile.ADMINISTRATOR, Profile.STUDENT, Profile.STUDENT, Profile.STUDENT, Profile.STUDENT,
                Profile.GUARDIAN, Profile.GUARDIAN, Profile.GUARDIAN, Profile.GUARDIAN);
        Arbitrary<Set<String>> classes = Arbitraries.of("6a", "6b", "5c").set().ofMaxSize(2);
        Arbitrary<Set<ContactCategory>> accepted = Arbitraries.of(ContactCategory.class).set()
                .map(s -> s.isEmpty() ? Set.<ContactCategory>of() : EnumSet.copyOf(s));
        return Combinators.combine(ids, profiles, classes, classes, Arbitraries.of(true, true, false), accepted)
                .as((id, profile, children, delegate, pref, contacts) -> switch (profile) {
                    case GUARDIAN -> Participant.guardian(id, children, delegate, pref);
                    case TEACHER -> Participant.teacher(id, contacts);
                    default -> Participant.of(id, profile);
                });
    }

    private Arbitrary<Action> action() {
        return Combinators.combine(Arbitraries.of(0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 3), Arbitraries.integers().between(0, 99),
                        Arbitraries.integers().between(0, 99),
                        Arbitraries.integers().between(0, 99).list().ofMinSize(1).ofMaxSize(3))
                .as(Action::new);
    }
}
