package org.locker.core.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.locker.core.discussion.People.NOON;
import static org.locker.core.discussion.People.delegateOf;
import static org.locker.core.discussion.People.parentOf;
import static org.locker.core.discussion.People.paris;
import static org.locker.core.discussion.People.rules;
import static org.locker.core.discussion.People.staff;
import static org.locker.core.discussion.People.student;
import static org.locker.core.discussion.People.teacher;
import static org.locker.core.discussion.People.teacherAccepting;
import static org.locker.core.discussion.People.withoutGuardianMessaging;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locker.core.directory.Profile;
import org.locker.core.platform.UserId;

/** The rules, one example each; the exhaustive and property-based tests cover the combinations. */
class DiscussionRulesTest {

    private static final DiscussionSettings GUARDIAN_MESSAGING =
            DiscussionSettings.defaults().withGuardianMessaging(true);

    private final Participant teacher = teacher("t.martin");
    private final Participant cpe = staff("s.durand");
    private final Participant alice = student("alice");
    private final Participant bob = student("bob");

    @Nested
    class Settings {

        @Test
        void shouldDefaultToPronoteSettings() {
            DiscussionSettings defaults = DiscussionSettings.defaults();
            assertThat(defaults.enabled()).isTrue();
            assertThat(defaults.guardianMessagingEnabled()).isFalse();
            assertThat(defaults.windowEnforced()).isTrue();
            assertThat(defaults.windowStart()).isEqualTo(LocalTime.of(7, 0));
            assertThat(defaults.windowEnd()).isEqualTo(LocalTime.of(20, 0));
            assertThat(defaults.zone().getId()).isEqualTo("Europe/Paris");
            assertThat(defaults.disabledProfiles()).isEmpty();
            assertThat(defaults.initiationBlocked()).isEmpty();
        }

        @Test
        void shouldRejectAWindowThatDoesNotStartBeforeItEnds() {
            assertThatThrownBy(() -> DiscussionSettings.defaults().withWindow(LocalTime.of(20, 0), LocalTime.of(7, 0)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("start before it ends");
            assertThatThrownBy(() -> DiscussionSettings.defaults().withWindow(LocalTime.of(9, 0), LocalTime.of(9, 0)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void shouldRefuseGuardianFactsOnOtherProfiles() {
            assertThatThrownBy(() ->
                            new Participant(UserId.of("x"), Profile.STUDENT, Set.of("6A"), Set.of(), false, Set.of()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Starting {

        @Test
        void shouldLetATeacherStartADiscussionWithStudents() {
            assertThat(rules().mayStart(teacher, List.of(alice, bob), NOON).isAllowed())
                    .isTrue();
        }

        @Test
        void shouldRefuseEverythingWhenDiscussionsAreDisabled() {
            DiscussionRules off = rules(DiscussionSettings.defaults().withEnabled(false));
            assertThat(off.mayStart(teacher, List.of(alice), NOON).reason())
                    .contains(RefusalReason.DISCUSSIONS_DISABLED);
            DiscussionState state = DiscussionState.started(teacher, List.of(alice));
            assertThat(off.mayRead(alice, state).reason()).contains(RefusalReason.DISCUSSIONS_DISABLED);
            assertThat(off.maySeeDiscussions(teacher).reason()).contains(RefusalReason.DISCUSSIONS_DISABLED);
            assertThat(off.allowedContacts(teacher, List.of(alice))).isEmpty();
        }

        @Test
        void shouldRefuseADisabledProfileAsInitiatorAndAsRecipient() {
            DiscussionRules noStudents =
                    rules(DiscussionSettings.defaults().withDisabledProfiles(Set.of(Profile.STUDENT)));
            assertThat(noStudents.mayStart(alice, List.of(teacher), NOON).reason())
                    .contains(RefusalReason.PROFILE_DISABLED);
            assertThat(noStudents.mayStart(teacher, List.of(cpe, alice), NOON).reason())
                    .contains(RefusalReason.PROFILE_DISABLED);
            assertThat(noStudents.maySeeDiscussions(alice).reason()).contains(RefusalReason.PROFILE_DISABLED);
            assertThat(noStudents.allowedContacts(teacher, List.of(alice, cpe))).containsExactly(cpe.id());
        }

        @Test
        void shouldRefuseABarredStudentButLetThemAnswerATeacher() {
            DiscussionRules barred = rules(DiscussionSettings.defaults().withInitiationBlocked(Set.of(alice.id())));
            assertThat(barred.mayStart(alice, List.of(teacher), NOON).reason())
                    .contains(RefusalReason.INITIATION_BLOCKED);
            DiscussionState opened = DiscussionState.started(teacher, List.of(alice));
            assertThat(barred.mayPost(alice, opened, NOON).isAllowed()).isTrue();
            assertThat(barred.allowedContacts(alice, List.of(teacher))).isEmpty();
        }

        @Test
        void shouldFollowTheTeachersContactPreferencesOnlyWhenOthersStart() {
            Participant picky = teacherAccepting("t.picky", ContactCategory.STAFF, ContactCategory.TEACHERS);
            assertThat(rules().mayStart(alice, List.of(picky), NOON).reason()).contains(RefusalReason.CONTACT_REFUSED);
            assertThat(rules().mayStart(parentOf("p.one", "6A"), List.of(picky), NOON)
                            .reason())
                    .contains(RefusalReason.CONTACT_REFUSED);
            assertThat(rules().mayStart(cpe, List.of(picky), NOON).isAllowed()).isTrue();
            assertThat(rules().mayStart(picky, List.of(alice), NOON).isAllowed())
                    .isTrue();
        }

        @Test
        void shouldCountCounselorsAndAdministratorsAsStaffInContactPreferences() {
            Participant staffOnly = teacherAccepting("t.staffonly", ContactCategory.STAFF);
            assertThat(rules().mayStart(People.counselor("c.cpe"), List.of(staffOnly), NOON)
                            .isAllowed())
                    .isTrue();
            assertThat(rules().mayStart(People.administrator("a.admin"), List.of(staffOnly), NOON)
                            .isAllowed())
                    .isTrue();
            assertThat(rules().mayStart(teacher, List.of(staffOnly), NOON).reason())
                    .contains(RefusalReason.CONTACT_REFUSED);
        }

        @Test
        void shouldRefuseAStudentStartingWithAnotherStudent() {
            assertThat(rules().mayStart(alice, List.of(bob), NOON).reason()).contains(RefusalReason.NOT_INVITED);
            assertThat(rules().mayStart(alice, List.of(teacher, bob), NOON).reason())
                    .contains(RefusalReason.NOT_INVITED);
        }

        @Test
        void shouldRefuseAStudentAndAGuardianStartingWithEachOther() {
            assertThat(rules(GUARDIAN_MESSAGING)
                            .mayStart(alice, List.of(delegateOf("d.one", "6A")), NOON)
                            .reason())
                    .contains(RefusalReason.NOT_INVITED);
            assertThat(rules(GUARDIAN_MESSAGING)
                            .mayStart(parentOf("p.one", "6A"), List.of(alice), NOON)
                            .reason())
                    .contains(RefusalReason.NOT_INVITED);
        }

        @Test
        void shouldThrowForADiscussionWithOnlyOneselfOrNobodyOrTwiceTheSameRecipient() {
            assertThatThrownBy(() -> rules().mayStart(teacher, List.of(), NOON))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> rules().mayStart(teacher, List.of(teacher), NOON))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("oneself");
            assertThatThrownBy(() -> rules().mayStart(teacher, List.of(alice, bob, alice), NOON))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("twice");
        }

        @Test
        void shouldListAllowedContactsIgnoringTheHour() {
            Participant picky = teacherAccepting("t.picky", ContactCategory.STAFF);
            Instant night = paris(2026, 1, 15, 23, 0);
            assertThat(rules().mayStart(alice, List.of(teacher), night).reason())
                    .contains(RefusalReason.OUTSIDE_HOURS);
            assertThat(rules().allowedContacts(alice, List.of(alice, bob, teacher, picky, cpe)))
                    .containsExactly(teacher.id(), cpe.id());
        }
    }

    @Nested
    class Guardians {

        private final Participant delegate6a = delegateOf("d.six-a", "6A");
        private final Participant parent6a = parentOf("p.six-a", "6A");
        private final Participant otherParent6a = parentOf("p.other-six-a", "6A");
        private final Participant parent5b = parentOf("p.five-b", "5B");

        @Test
        void shouldRefuseGuardianMessagingWhenTheAdministratorHasNotEnabledIt() {
            assertThat(rules().mayStart(parent6a, List.of(delegate6a), NOON).reason())
                    .contains(RefusalReason.GUARDIAN_MESSAGING_DISABLED);
        }

        @Test
        void shouldLetAGuardianAndTheDelegateOfTheirChildsClassTalkBothWays() {
            assertThat(rules(GUARDIAN_MESSAGING)
                            .mayStart(parent6a, List.of(delegate6a), NOON)
                            .isAllowed())
                    .isTrue();
            assertThat(rules(GUARDIAN_MESSAGING)
                            .mayStart(delegate6a, List.of(parent6a), NOON)
                            .isAllowed())
                    .isTrue();
            DiscussionState state = DiscussionState.started(parent6a, List.of(delegate6a));
            assertThat(rules(GUARDIAN_MESSAGING)
                            .mayPost(delegate6a, state, NOON)
                            .isAllowed())
                    .isTrue();
        }

        @Test
        void shouldRequireBothGuardiansPreferences() {
            Participant reluctant = withoutGuardianMessaging(parent6a);
            assertThat(rules(GUARDIAN_MESSAGING)
                            .mayStart(reluctant, List.of(delegate6a), NOON)
                            .reason())
                    .contains(RefusalReason.GUARDIAN_MESSAGING_DISABLED);
            assertThat(rules(GUARDIAN_MESSAGING)
                            .mayStart(delegate6a, List.of(reluctant), NOON)
                            .reason())
                    .contains(RefusalReason.GUARDIAN_MESSAGING_DISABLED);
        }

        @Test
        void shouldRefuseAGuardianReachingANonDelegateOrTheDelegateOfAnotherClass() {
            assertThat(rules(GUARDIAN_MESSAGING)
                            .mayStart(parent6a, List.of(otherParent6a), NOON)
                            .reason())
                    .contains(RefusalReason.NOT_A_DELEGATE);
            assertThat(rules(GUARDIAN_MESSAGING)
                            .mayStart(parent5b, List.of(delegate6a), NOON)
                            .reason())
                    .contains(RefusalReason.NOT_A_DELEGATE);
        }

        @Test
        void shouldRefuseADelegateGroupingNonDelegateGuardians() {
            assertThat(rules(GUARDIAN_MESSAGING)
                            .mayStart(delegate6a, List.of(parent6a, otherParent6a), NOON)
                            .reason())
                    .contains(RefusalReason.NOT_INVITED);
        }

        @Test
        void shouldFreezeGuardianDiscussionsWhenGuardianMessagingIsTurnedOff() {
            DiscussionState state = DiscussionState.started(parent6a, List.of(delegate6a));
            assertThat(rules().mayPost(parent6a, state, NOON).reason())
                    .contains(RefusalReason.GUARDIAN_MESSAGING_DISABLED);
            assertThat(rules().mayRead(parent6a, state).isAllowed()).isTrue();
        }

        @Test
        void shouldLetADelegateBroadcastToTheGuardiansOfTheirClassWhoOptedIn() {
            DiscussionRules rules = rules(GUARDIAN_MESSAGING);
            assertThat(rules.mayBroadcast(delegate6a, "6A", NOON).isAllowed()).isTrue();
            Participant reluctant = withoutGuardianMessaging(otherParent6a);
            assertThat(rules.broadcastAudience(
                            delegate6a, "6A", List.of(delegate6a, parent6a, reluctant, parent5b, teacher)))
                    .containsExactly(parent6a.id());
            assertThat(rules.mayAnswerSurvey(parent6a, "6A", NOON).isAllowed()).isTrue();
            assertThat(rules.mayAnswerSurvey(parent5b, "6A", NOON).reason()).contains(RefusalReason.NOT_A_PARTICIPANT);
            assertThat(rules.mayAnswerSurvey(reluctant, "6A", NOON).reason())
                    .contains(RefusalReason.GUARDIAN_MESSAGING_DISABLED);
        }

        @Test
        void shouldRefuseBroadcastsByNonDelegatesOrToAnotherClass() {
            DiscussionRules rules = rules(GUARDIAN_MESSAGING);
            assertThat(rules.mayBroadcast(parent6a, "6A", NOON).reason()).contains(RefusalReason.NOT_A_DELEGATE);
            assertThat(rules.mayBroadcast(delegate6a, "5B", NOON).reason()).contains(RefusalReason.NOT_A_DELEGATE);
            assertThat(rules.mayBroadcast(teacher, "6A", NOON).reason()).contains(RefusalReason.NOT_A_DELEGATE);
            assertThat(rules().mayBroadcast(delegate6a, "6A", NOON).reason())
                    .contains(RefusalReason.GUARDIAN_MESSAGING_DISABLED);
            assertThat(rules.mayBroadcast(withoutGuardianMessaging(delegate6a), "6A", NOON)
                            .reason())
                    .contains(RefusalReason.GUARDIAN_MESSAGING_DISABLED);
            assertThat(rules.broadcastAudience(parent6a, "6A", List.of(otherParent6a)))
                    .isEmpty();
            assertThat(rules.mayBroadcast(delegate6a, "6A", paris(2026, 1, 15, 21, 0))
                            .reason())
                    .contains(RefusalReason.OUTSIDE_HOURS);
        }
    }

    @Nested
    class Invitations {

        @Test
        void shouldLetTwoStudentsTalkWhileTheTeacherWhoInvitedThemIsPresent() {
            DiscussionState state = DiscussionState.started(teacher, List.of(alice, bob));
            assertThat(rules().mayPost(alice, state, NOON).isAllowed()).isTrue();
            assertThat(rules().mayPost(bob, state, NOON).isAllowed()).isTrue();
        }

        @Test
        void shouldSilenceTwoStudentsWhenTheTeacherWhoInvitedThemLeaves() {
            DiscussionState state =
                    DiscussionState.started(teacher, List.of(alice, bob, cpe)).without(teacher.id());
            assertThat(rules().mayPost(alice, state, NOON).reason()).contains(RefusalReason.NOT_INVITED);
            assertThat(rules().mayPost(bob, state, NOON).reason()).contains(RefusalReason.NOT_INVITED);
            assertThat(rules().mayPost(cpe, state, NOON).isAllowed()).isTrue();
            assertThat(rules().mayRead(alice, state).isAllowed()).isTrue();
        }

        @Test
        void shouldLetATeacherInviteAStudentIntoAStudentsDiscussion() {
            DiscussionState state = DiscussionState.started(alice, List.of(teacher));
            assertThat(rules().mayInvite(teacher, bob, state, NOON).isAllowed()).isTrue();
            DiscussionState after = state.withInvited(teacher, bob);
            assertThat(rules().mayPost(alice, after, NOON).isAllowed()).isTrue();
            assertThat(rules().mayPost(bob, after.without(teacher.id()), NOON).reason())
                    .contains(RefusalReason.NOT_INVITED);
        }

        @Test
        void shouldKeepThePairSilencedWhenTheInviterLeftEvenIfAnotherTeacherStays() {
            DiscussionState state = DiscussionState.started(teacher, List.of(alice))
                    .withInvited(teacher, cpe)
                    .withInvited(cpe, bob)
                    .without(cpe.id());
            assertThat(rules().mayPost(bob, state, NOON).reason()).contains(RefusalReason.NOT_INVITED);
            assertThat(rules().mayPost(teacher, state, NOON).isAllowed()).isTrue();
        }

        @Test
        void shouldReserveInvitationsToTeachersAndStaff() {
            DiscussionState state = DiscussionState.started(teacher, List.of(alice));
            assertThat(rules().mayInvite(alice, bob, state, NOON).reason())
                    .contains(RefusalReason.NOT_ALLOWED_TO_INVITE);
            assertThat(rules().mayInvite(cpe, bob, state, NOON).reason()).contains(RefusalReason.NOT_A_PARTICIPANT);
            assertThatThrownBy(() -> rules().mayInvite(teacher, alice, state, NOON))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void shouldApplyTheInviteesContactPreferences() {
            Participant picky = teacherAccepting("t.picky", ContactCategory.STUDENTS);
            DiscussionState state = DiscussionState.started(teacher, List.of(alice));
            assertThat(rules().mayInvite(teacher, picky, state, NOON).reason()).contains(RefusalReason.CONTACT_REFUSED);
        }

        @Test
        void shouldNotLetADisabledTeacherSuperviseStudents() {
            DiscussionState state = DiscussionState.started(teacher, List.of(alice, bob));
            DiscussionRules noTeachers =
                    rules(DiscussionSettings.defaults().withDisabledProfiles(Set.of(Profile.TEACHER)));
            assertThat(noTeachers.mayPost(alice, state, NOON).reason()).contains(RefusalReason.NOT_INVITED);
            assertThat(noTeachers.mayPost(teacher, state, NOON).reason()).contains(RefusalReason.PROFILE_DISABLED);
        }
    }

    @Nested
    class OpeningHours {

        @Test
        void shouldRefuseSaturdayNightUntilSundayMorning() {
            Decision decision = rules().mayStart(teacher, List.of(alice), paris(2026, 1, 17, 21, 0));
            assertThat(decision.reason()).contains(RefusalReason.OUTSIDE_HOURS);
            assertThat(decision.nextOpening()).contains(ZonedDateTime.parse("2026-01-18T07:00+01:00[Europe/Paris]"));
        }

        @Test
        void shouldOpenAtSevenSummerTimeTheMorningClocksGoForward() {
            Decision decision = rules().mayPost(
                            alice, DiscussionState.started(teacher, List.of(alice)), paris(2026, 3, 28, 22, 30));
            assertThat(decision.nextOpening()).contains(ZonedDateTime.parse("2026-03-29T07:00+02:00[Europe/Paris]"));
            assertThat(decision.nextOpening().orElseThrow().toInstant())
                    .isEqualTo(Instant.parse("2026-03-29T05:00:00Z"));
        }

        @Test
        void shouldOpenAtSevenWinterTimeTheMorningClocksGoBack() {
            Decision decision = rules().mayStart(teacher, List.of(alice), paris(2026, 10, 24, 20, 0));
            assertThat(decision.nextOpening().orElseThrow().toInstant())
                    .isEqualTo(Instant.parse("2026-10-25T06:00:00Z"));
            Decision early = rules().mayStart(teacher, List.of(alice), Instant.parse("2026-10-25T00:30:00Z"));
            assertThat(early.nextOpening().orElseThrow().toInstant()).isEqualTo(Instant.parse("2026-10-25T06:00:00Z"));
        }

        @Test
        void shouldMoveAnOpeningThatFallsInTheSpringGapForward() {
            DiscussionRules night =
                    rules(DiscussionSettings.defaults().withWindow(LocalTime.of(2, 30), LocalTime.of(20, 0)));
            Decision decision = night.mayStart(teacher, List.of(alice), paris(2026, 3, 29, 1, 0));
            assertThat(decision.nextOpening()).contains(ZonedDateTime.parse("2026-03-29T03:30+02:00[Europe/Paris]"));
        }

        @Test
        void shouldUseTheRepeatedHourWhenClocksGoBack() {
            DiscussionRules night =
                    rules(DiscussionSettings.defaults().withWindow(LocalTime.of(2, 30), LocalTime.of(2, 45)));
            // 02:10 winter time comes after the first 02:30 (summer time): the next opening is the second 02:30.
            Instant secondTwoTen = Instant.parse("2026-10-25T01:10:00Z");
            assertThat(night.nextOpening(secondTwoTen).orElseThrow().toInstant())
                    .isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
        }

        @Test
        void shouldAlwaysBeOpenWhenTheWindowIsUnchecked() {
            DiscussionRules always = rules(DiscussionSettings.defaults().withoutWindow());
            assertThat(always.mayStart(teacher, List.of(alice), paris(2026, 1, 15, 3, 0))
                            .isAllowed())
                    .isTrue();
            assertThat(always.nextOpening(paris(2026, 1, 15, 3, 0))).isEmpty();
        }

        @Test
        void shouldFollowTheEstablishmentsZone() {
            DiscussionRules reunion =
                    rules(DiscussionSettings.defaults().withZone(java.time.ZoneId.of("Indian/Reunion")));
            // 06:30 in Paris (winter) is 09:30 in Réunion.
            assertThat(reunion.mayStart(teacher, List.of(alice), paris(2026, 1, 15, 6, 30))
                            .isAllowed())
                    .isTrue();
        }

        @Test
        void shouldLetUsersReadAndLeaveAtAnyHour() {
            DiscussionState state = DiscussionState.started(teacher, List.of(alice));
            assertThat(rules().mayRead(alice, state).isAllowed()).isTrue();
            assertThat(rules().mayLeave(alice, state).isAllowed()).isTrue();
            assertThat(rules().mayRead(bob, state).reason()).contains(RefusalReason.NOT_A_PARTICIPANT);
        }
    }
}
