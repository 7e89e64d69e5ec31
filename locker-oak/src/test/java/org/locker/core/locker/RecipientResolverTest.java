package org.locker.core.locker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.locker.core.locker.DepositDocumentTest.assertRefused;
import static org.locker.core.locker.LockerSchool.GUARDIAN;
import static org.locker.core.locker.LockerSchool.T_ONE;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locker.core.directory.ClassCode;
import org.locker.core.directory.ClassGroup;
import org.locker.core.directory.Profile;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.locker.RecipientResolver.Recipients;
import org.locker.core.locker.RecipientSelector.Category;
import org.locker.core.locker.RecipientSelector.GuardiansOf;
import org.locker.core.locker.RecipientSelector.Team;
import org.locker.core.locker.RecipientSelector.User;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.UserId;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecipientResolverTest {

    private final LockerSchool school = new LockerSchool();

    @AfterAll
    void close() {
        school.close();
    }

    @Test
    void selectorsShouldBeParsedFromTheRequestStrings() {
        assertThat(RecipientSelector.parse(" category:teacher "))
                .contains(new Category("category:teacher", Profile.TEACHER));
        assertThat(RecipientSelector.parse("team:6A")).contains(new Team("team:6A", ClassCode.of("6A")));
        assertThat(RecipientSelector.parse("guardians:6A"))
                .contains(new GuardiansOf("guardians:6A", ClassCode.of("6A")));
        assertThat(RecipientSelector.parse("user:t.one")).contains(new User("user:t.one", T_ONE));
        for (String unknown : List.of(
                "",
                "t.one",
                ":x",
                "category:student",
                "category:administrator",
                "class:6A",
                "team:",
                "team:6 A",
                "user:",
                "user:Not Valid!")) {
            assertThat(RecipientSelector.parse(unknown)).as(unknown).isEmpty();
        }
    }

    @Test
    void aSelectionShouldResolveToWhoSeesItAtOnceAndToGuardians() {
        Recipients recipients = resolve(
                T_ONE, Profile.TEACHER, false, "team:6A", "guardians:5B", "user:s.staff", "user:g.other", "user:t.one");

        assertThat(recipients.immediate())
                .containsExactlyInAnyOrder(ClassGroup.TEAM.of(ClassCode.of("6A")), UserId.of("s.staff"));
        assertThat(recipients.guardians())
                .containsExactlyInAnyOrder(ClassGroup.GUARDIANS.of(ClassCode.of("5B")), UserId.of("g.other"));
    }

    @Test
    void aCategoryShouldBeItsUsersNowOrItsGroupWhenStanding() {
        Set<PrincipalId> snapshot =
                resolve(T_ONE, Profile.TEACHER, false, "category:teacher").immediate();
        Set<PrincipalId> standing =
                resolve(T_ONE, Profile.TEACHER, true, "category:teacher").immediate();

        assertThat(snapshot)
                .as("the depositor leaves their own category")
                .containsExactlyInAnyOrder(UserId.of("t.two"));
        assertThat(standing).containsExactly(Profile.TEACHER.group());
        assertThat(resolve(T_ONE, Profile.TEACHER, true, "category:guardian").guardians())
                .containsExactly(Profile.GUARDIAN.group());
    }

    @Test
    void unknownRecipientsShouldBeRefused() {
        for (String unknown : List.of(
                "team:9Z", "guardians:9Z", "user:nobody", "user:st.kid", "category:student", "bogus:1", "no-colon")) {
            assertRefused(() -> resolve(T_ONE, Profile.TEACHER, false, unknown), Reason.UNKNOWN_RECIPIENT);
        }
    }

    @Test
    void guardiansShouldReachOnlyPersonnelAndTheTeamsOfTheirChildren() {
        Recipients allowed = resolve(GUARDIAN, Profile.GUARDIAN, false, "team:6A", "user:t.two");
        assertThat(allowed.immediate())
                .containsExactlyInAnyOrder(ClassGroup.TEAM.of(ClassCode.of("6A")), UserId.of("t.two"));

        for (String forbidden : List.of("team:5B", "guardians:6A", "category:teacher", "team:not a class")) {
            assertRefused(() -> resolve(GUARDIAN, Profile.GUARDIAN, false, forbidden), Reason.CATEGORY_NOT_ALLOWED);
        }
        // another family is answered as nobody, so that the answer never tells who is a guardian
        assertRefused(() -> resolve(GUARDIAN, Profile.GUARDIAN, false, "user:g.other"), Reason.UNKNOWN_RECIPIENT);
    }

    @Test
    void theDepositRuleShouldBeStatedOnce() {
        for (Profile recipient : RecipientSelector.CATEGORIES) {
            assertThat(RecipientResolver.mayDepositTo(Profile.TEACHER, recipient))
                    .as(recipient.code())
                    .isTrue();
            assertThat(RecipientResolver.mayDepositTo(Profile.GUARDIAN, recipient))
                    .as(recipient.code())
                    .isEqualTo(recipient.isPersonnel());
        }
        Lockers lockers = new Lockers(school.platform, school.clock);
        assertThat(lockers.mayDepositTo(Profile.GUARDIAN, Profile.GUARDIAN)).isFalse();
        assertThat(lockers.mayDepositTo(Profile.GUARDIAN, Profile.COUNSELOR)).isTrue();
        assertThat(lockers.mayDepositTo(Profile.STAFF, Profile.GUARDIAN)).isTrue();
    }

    private Recipients resolve(UserId depositor, Profile profile, boolean standing, String... selection) {
        try (PlatformSession session = school.platform.systemSession()) {
            return school.resolver.resolve(session, depositor, profile, List.of(selection), standing);
        }
    }
}
