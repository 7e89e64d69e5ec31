package org.locker.core.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locker.core.directory.Profile;
import org.locker.core.platform.UserId;

/**
 * Every ordered pair of profiles against every combination of settings, the window's boundaries (on an ordinary
 * day, the night before and the days of the daylight-saving changes), delegate links and invitations. The expected
 * reason comes from an oracle written from the source page, table by table, apart from the engine's code.
 */
class DiscussionRulesExhaustiveTest {

    /** A moment to test, whether it is inside the default window, and when the window opens next if not. */
    record Moment(String at, boolean open, String nextOpening) {
        Instant instant() {
            return ZonedDateTime.parse(at).toInstant();
        }
    }

    static final List<Moment> MOMENTS = List.of(
            new Moment("2026-01-15T06:59+01:00[Europe/Paris]", false, "2026-01-15T07:00+01:00[Europe/Paris]"),
            new Moment("2026-01-15T07:00+01:00[Europe/Paris]", true, null),
            new Moment("2026-01-15T19:59+01:00[Europe/Paris]", true, null),
            new Moment("2026-01-15T20:00+01:00[Europe/Paris]", false, "2026-01-16T07:00+01:00[Europe/Paris]"),
            new Moment("2026-03-28T06:59+01:00[Europe/Paris]", false, "2026-03-28T07:00+01:00[Europe/Paris]"),
            new Moment("2026-03-28T20:00+01:00[Europe/Paris]", false, "2026-03-29T07:00+02:00[Europe/Paris]"),
            new Moment("2026-03-29T06:59+02:00[Europe/Paris]", false, "2026-03-29T07:00+02:00[Europe/Paris]"),
            new Moment("2026-03-29T07:00+02:00[Europe/Paris]", true, null),
            new Moment("2026-03-29T19:59+02:00[Europe/Paris]", true, null),
            new Moment("2026-03-29T20:00+02:00[Europe/Paris]", false, "2026-03-30T07:00+02:00[Europe/Paris]"),
            new Moment("2026-10-25T06:59+01:00[Europe/Paris]", false, "2026-10-25T07:00+01:00[Europe/Paris]"),
            new Moment("2026-10-25T07:00+01:00[Europe/Paris]", true, null),
            new Moment("2026-10-25T19:59+01:00[Europe/Paris]", true, null),
            new Moment("2026-10-25T20:00+01:00[Europe/Paris]", false, "2026-10-26T07:00+01:00[Europe/Paris]"),
            new Moment("2026-10-25T02:30+01:00[Europe/Paris]", false, "2026-10-25T07:00+01:00[Europe/Paris]"));

    /** How two guardians are related through delegation. */
    enum Link {
        NONE,
        FIRST_DELEGATE_OF_SECONDS_CLASS,
        SECOND_DELEGATE_OF_FIRSTS_CLASS,
        DELEGATE_OF_ANOTHER_CLASS
    }

    /** How a discussion holding {@code a} (who acts) and {@code b} came about. */
    enum Scenario {
        A_STARTED_WITH_B,
        B_STARTED_WITH_A,
        TEACHER_STARTED_WITH_BOTH,
        TEACHER_STARTED_WITH_BOTH_AND_LEFT,
        STAFF_INVITED_B_INTO_TEACHERS_DISCUSSION_WITH_A,
        SAME_BUT_STAFF_LEFT,
        A_STARTED_WITH_TEACHER_WHO_INVITED_B,
        A_NOT_A_MEMBER
    }

    static Stream<Arguments> profilePairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (Profile a : Profile.values()) {
            for (Profile b : Profile.values()) {
                pairs.add(Arguments.of(a, b));
            }
        }
        return pairs.stream();
    }

    // ------------------------------------------------------------------ the oracle

    static boolean family(Profile p) {
        return p == Profile.STUDENT || p == Profile.GUARDIAN;
    }

    static ContactCategory categoryOf(Profile p) {
        return switch (p) {
            case STUDENT -> ContactCategory.STUDENTS;
            case GUARDIAN -> ContactCategory.GUARDIANS;
            case TEACHER -> ContactCategory.TEACHERS;
            default -> ContactCategory.STAFF;
        };
    }

    /** Guardian to guardian without supervision, from step 1 of the source page. */
    static RefusalReason guardians(boolean messagingOn, Link link, boolean prefA, boolean prefB) {
        if (!messagingOn) {
            return RefusalReason.GUARDIAN_MESSAGING_DISABLED;
        }
        if (link == Link.NONE || link == Link.DELEGATE_OF_ANOTHER_CLASS) {
            return RefusalReason.NOT_A_DELEGATE;
        }
        return prefA && prefB ? null : RefusalReason.GUARDIAN_MESSAGING_DISABLED;
    }

    static RefusalReason window(Moment moment, boolean windowOn) {
        return windowOn && !moment.open() ? RefusalReason.OUTSIDE_HOURS : null;
    }

    // ------------------------------------------------------------------ the combinations

    record Combination(
            boolean enabled,
            boolean messagingOn,
            Profile disabled,
            boolean teacherRefuses,
            boolean blocked,
            Link link,
            boolean prefA,
            boolean prefB,
            boolean windowOn,
            Moment moment) {

        DiscussionSettings settings(Participant a) {
            DiscussionSettings s = DiscussionSettings.defaults()
                    .withEnabled(enabled)
                    .withGuardianMessaging(messagingOn)
                    .withDisabledProfiles(disabled == null ? Set.of() : Set.of(disabled))
                    .withInitiationBlocked(blocked ? Set.of(a.id()) : Set.of());
            return windowOn ? s : s.withoutWindow();
        }
    }

    static List<Combination> combinations(Profile a, Profile b) {
        boolean guardians = a == Profile.GUARDIAN && b == Profile.GUARDIAN;
        List<Profile> disabled = new ArrayList<>();
        disabled.add(null);
        disabled.addAll(List.of(Profile.values()));
        List<Combination> all = new ArrayList<>();
        for (boolean enabled : new boolean[] {true, false}) {
            for (boolean messaging : new boolean[] {true, false}) {
                for (Profile off : disabled) {
                    for (boolean refuses : new boolean[] {false, true}) {
                        for (boolean blocked : new boolean[] {false, true}) {
                            for (Link link : guardians ? Link.values() : new Link[] {Link.NONE}) {
                                for (int prefs = 0; prefs < (guardians ? 4 : 1); prefs++) {
                                    for (boolean windowOn : new boolean[] {true, false}) {
                                        for (Moment moment : windowOn ? MOMENTS : MOMENTS.subList(0, 1)) {
                                            all.add(new Combination(
                                                    enabled,
                                                    messaging,
                                                    off,
                                                    refuses,
                                                    blocked,
                                                    link,
                                                    guardians ? (prefs & 1) == 0 : false,
                                                    guardians ? (prefs & 2) == 0 : false,
                                                    windowOn,
                                                    moment));
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return all;
    }

    /** The acting user ({@code first}) or the other one, with the combination's guardian facts and preferences. */
    static Participant user(String id, Profile profile, boolean first, Profile other, Combination c) {
        UserId uid = UserId.of(id);
        if (profile == Profile.GUARDIAN) {
            Set<String> children = Set.of(first ? "6a" : "6b");
            Set<String> delegate = switch (c.link()) {
                case NONE -> Set.of();
                case FIRST_DELEGATE_OF_SECONDS_CLASS -> first ? Set.of("6b") : Set.of();
                case SECOND_DELEGATE_OF_FIRSTS_CLASS -> first ? Set.of() : Set.of("6a");
                case DELEGATE_OF_ANOTHER_CLASS -> first ? Set.of("5c") : Set.of();
            };
            return Participant.guardian(uid, children, delegate, first ? c.prefA() : c.prefB());
        }
        if (profile == Profile.TEACHER && !first && c.teacherRefuses()) {
            EnumSet<ContactCategory> accepted = EnumSet.allOf(ContactCategory.class);
            accepted.remove(categoryOf(other));
            return Participant.teacher(uid, accepted);
        }
        return Participant.of(uid, profile);
    }

    // ------------------------------------------------------------------ starting

    static RefusalReason expectedStart(Profile a, Profile b, Combination c) {
        if (!c.enabled()) {
            return RefusalReason.DISCUSSIONS_DISABLED;
        }
        if (c.disabled() == a) {
            return RefusalReason.PROFILE_DISABLED;
        }
        if (c.blocked()) {
            return RefusalReason.INITIATION_BLOCKED;
        }
        if (c.disabled() == b) {
            return RefusalReason.PROFILE_DISABLED;
        }
        if (family(a) && family(b)) {
            RefusalReason r = a == Profile.GUARDIAN && b == Profile.GUARDIAN
                    ? guardians(c.messagingOn(), c.link(), c.prefA(), c.prefB())
                    : RefusalReason.NOT_INVITED;
            if (r != null) {
                return r;
            }
        } else if (b == Profile.TEACHER && c.teacherRefuses()) {
            return RefusalReason.CONTACT_REFUSED;
        }
        return window(c.moment(), c.windowOn());
    }

    @ParameterizedTest(name = "{0} starts with {1}")
    @MethodSource("profilePairs")
    void startingShouldFollowTheOracle(Profile a, Profile b) {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Combination c : combinations(a, b)) {
            Participant first = user("a", a, true, b, c);
            Participant second = user("b", b, false, a, c);
            Decision decision = new DiscussionRules(c.settings(first))
                    .mayStart(first, List.of(second), c.moment().instant());
            checkDecision(decision, expectedStart(a, b, c), c.moment(), c, failures);
            checked++;
        }
        assertThat(failures)
                .as("%d of %d combinations", failures.size(), checked)
                .isEmpty();
    }

    // ------------------------------------------------------------------ posting

    static DiscussionState discussion(
            Scenario s, Participant a, Participant b, Participant teacher, Participant staff) {
        return switch (s) {
            case A_STARTED_WITH_B -> DiscussionState.started(a, List.of(b));
            case B_STARTED_WITH_A -> DiscussionState.started(b, List.of(a));
            case TEACHER_STARTED_WITH_BOTH -> DiscussionState.started(teacher, List.of(a, b));
            case TEACHER_STARTED_WITH_BOTH_AND_LEFT ->
                DiscussionState.started(teacher, List.of(a, b)).without(teacher.id());
            case STAFF_INVITED_B_INTO_TEACHERS_DISCUSSION_WITH_A ->
                DiscussionState.started(teacher, List.of(a))
                        .withInvited(teacher, staff)
                        .withInvited(staff, b);
            case SAME_BUT_STAFF_LEFT ->
                DiscussionState.started(teacher, List.of(a))
                        .withInvited(teacher, staff)
                        .withInvited(staff, b)
                        .without(staff.id());
            case A_STARTED_WITH_TEACHER_WHO_INVITED_B ->
                DiscussionState.started(a, List.of(teacher)).withInvited(teacher, b);
            case A_NOT_A_MEMBER -> DiscussionState.started(teacher, List.of(b));
        };
    }

    /** Whether personnel present (with an enabled profile) brought {@code a} and {@code b} together. */
    static boolean supervised(Scenario s, Profile disabled) {
        return switch (s) {
            case TEACHER_STARTED_WITH_BOTH, A_STARTED_WITH_TEACHER_WHO_INVITED_B -> disabled != Profile.TEACHER;
            case STAFF_INVITED_B_INTO_TEACHERS_DISCUSSION_WITH_A -> disabled != Profile.STAFF;
            default -> false;
        };
    }

    static RefusalReason expectedPost(Profile a, Profile b, Scenario s, Combination c) {
        if (!c.enabled()) {
            return RefusalReason.DISCUSSIONS_DISABLED;
        }
        if (c.disabled() == a) {
            return RefusalReason.PROFILE_DISABLED;
        }
        if (s == Scenario.A_NOT_A_MEMBER) {
            return RefusalReason.NOT_A_PARTICIPANT;
        }
        if (family(a) && family(b) && !supervised(s, c.disabled())) {
            boolean linkedGuardians = a == Profile.GUARDIAN
                    && b == Profile.GUARDIAN
                    && (c.link() == Link.FIRST_DELEGATE_OF_SECONDS_CLASS
                            || c.link() == Link.SECOND_DELEGATE_OF_FIRSTS_CLASS);
            if (!linkedGuardians) {
                return RefusalReason.NOT_INVITED;
            }
            if (!c.messagingOn() || !c.prefA() || !c.prefB()) {
                return RefusalReason.GUARDIAN_MESSAGING_DISABLED;
            }
        }
        // The barred flag, teacher preferences: irrelevant to posting.
        return window(c.moment(), c.windowOn());
    }

    @ParameterizedTest(name = "{0} posts in a discussion with {1}")
    @MethodSource("profilePairs")
    void postingShouldFollowTheOracle(Profile a, Profile b) {
        Participant teacher = Participant.of(UserId.of("t.sponsor"), Profile.TEACHER);
        Participant staff = Participant.of(UserId.of("s.sponsor"), Profile.STAFF);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Combination c : combinations(a, b)) {
            Participant first = user("a", a, true, b, c);
            Participant second = user("b", b, false, a, c);
            DiscussionRules rules = new DiscussionRules(c.settings(first));
            for (Scenario s : Scenario.values()) {
                Decision decision = rules.mayPost(
                        first,
                        discussion(s, first, second, teacher, staff),
                        c.moment().instant());
                checkDecision(decision, expectedPost(a, b, s, c), c.moment(), c + " " + s, failures);
                checked++;
            }
        }
        assertThat(failures)
                .as("%d of %d combinations", failures.size(), checked)
                .isEmpty();
    }

    // ------------------------------------------------------------------ inviting

    static RefusalReason expectedInvite(Profile inviter, Profile invitee, boolean member, Combination c) {
        if (!c.enabled()) {
            return RefusalReason.DISCUSSIONS_DISABLED;
        }
        if (c.disabled() == inviter) {
            return RefusalReason.PROFILE_DISABLED;
        }
        if (!member) {
            return RefusalReason.NOT_A_PARTICIPANT;
        }
        if (family(inviter)) {
            return RefusalReason.NOT_ALLOWED_TO_INVITE;
        }
        if (c.disabled() == invitee) {
            return RefusalReason.PROFILE_DISABLED;
        }
        if (invitee == Profile.TEACHER && c.teacherRefuses()) {
            return RefusalReason.CONTACT_REFUSED;
        }
        return window(c.moment(), c.windowOn());
    }

    @ParameterizedTest(name = "{0} invites {1}")
    @MethodSource("profilePairs")
    void invitingShouldFollowTheOracle(Profile a, Profile b) {
        Participant host = Participant.of(UserId.of("t.host"), Profile.TEACHER);
        List<String> failures = new ArrayList<>();
        for (Combination c : combinations(a, b)) {
            Participant first = user("a", a, true, b, c);
            Participant second = user("b", b, false, a, c);
            DiscussionRules rules = new DiscussionRules(c.settings(first));
            for (boolean member : new boolean[] {true, false}) {
                DiscussionState state = member
                        ? DiscussionState.started(host, List.of(first))
                        : DiscussionState.started(host, List.of(Participant.of(UserId.of("x"), Profile.STAFF)));
                Decision decision =
                        rules.mayInvite(first, second, state, c.moment().instant());
                checkDecision(decision, expectedInvite(a, b, member, c), c.moment(), c + " member=" + member, failures);
            }
        }
        assertThat(failures).isEmpty();
    }

    // ------------------------------------------------------------------ allowed contacts agree with starting

    @ParameterizedTest(name = "{0} lists {1} as a contact")
    @MethodSource("profilePairs")
    void allowedContactsShouldMatchStartingInsideTheWindow(Profile a, Profile b) {
        for (Combination c : combinations(a, b)) {
            if (!c.windowOn() || !c.moment().open()) {
                continue;
            }
            Participant first = user("a", a, true, b, c);
            Participant second = user("b", b, false, a, c);
            DiscussionRules rules = new DiscussionRules(c.settings(first));
            boolean listed =
                    rules.allowedContacts(first, List.of(first, second)).contains(second.id());
            assertThat(listed)
                    .as(c.toString())
                    .isEqualTo(rules.mayStart(first, List.of(second), c.moment().instant())
                            .isAllowed());
        }
    }

    private static void checkDecision(
            Decision decision, RefusalReason expected, Moment moment, Object context, List<String> failures) {
        if (failures.size() > 20) {
            return;
        }
        if (!decision.reason().equals(Optional.ofNullable(expected))) {
            failures.add(context + ": expected " + expected + " but was " + decision);
        } else if (expected == RefusalReason.OUTSIDE_HOURS
                && !decision.nextOpening().equals(Optional.of(ZonedDateTime.parse(moment.nextOpening())))) {
            failures.add(context + ": next opening " + decision.nextOpening() + " instead of " + moment.nextOpening());
        } else if (expected != RefusalReason.OUTSIDE_HOURS
                && decision.nextOpening().isPresent()) {
            failures.add(context + ": unexpected next opening in " + decision);
        }
    }

    @Test
    void momentsShouldBeWhatTheyClaim() {
        for (Moment m : MOMENTS) {
            ZonedDateTime z = ZonedDateTime.parse(m.at());
            LocalTime t = z.toLocalTime();
            assertThat(!t.isBefore(LocalTime.of(7, 0)) && t.isBefore(LocalTime.of(20, 0)))
                    .as(m.at())
                    .isEqualTo(m.open());
            assertThat(z.toLocalDate()).isAfter(LocalDate.of(2026, 1, 1));
        }
    }
}
