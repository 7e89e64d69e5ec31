package org.locker.core.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.locker.core.discussion.School.NADIA;
import static org.locker.core.discussion.School.PAUL;
import static org.locker.core.discussion.School.SOPHIE;
import static org.locker.core.discussion.School.TUESDAY_TEN;
import static org.locker.core.discussion.StartDiscussionTest.assertProblem;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locker.core.discussion.DiscussionInputException.Problem;
import org.locker.core.discussion.Discussions.Broadcast;
import org.locker.core.platform.NodeQuery;
import org.locker.core.platform.UserId;

/**
 * Who a delegate's broadcast reaches, on a real repository: counted before sending, never nobody, and the guardians
 * who turn guardian messaging on (or join the class) while it is open. Sophie is the delegate of 6A; Nadia and Lucie
 * guardians of 6A, Paul of 5B. Only Sophie has guardian messaging on at the start of each test.
 */
class BroadcastAudienceTest {

    static final UserId LUCIE = UserId.of("r.lucie.roux");

    School school;

    @BeforeEach
    void open() {
        school = new School("""
                person,e.lou.roux,,student,Lou,Roux,,6A,,
                person,r.lucie.roux,,guardian,Lucie,Roux,lucie.roux@example.org,,e.lou.roux,
                """);
        school.discussions.updateSettings(school.discussions.settings().withGuardianMessaging(true));
        school.discussions.updatePreferences(SOPHIE, null, true);
    }

    @AfterEach
    void close() {
        school.close();
    }

    @Test
    void aBroadcastToNobodyShouldBeRefusedAndNothingStored() {
        assertThat(school.discussions.broadcastAudience(SOPHIE, "6A"))
                .as("nobody of 6A turned guardian messaging on")
                .isZero();

        assertProblem(() -> school.sendBroadcast().information(SOPHIE, "6A", "Sortie jeudi"), Problem.NO_AUDIENCE);
        assertProblem(
                () -> school.sendBroadcast().survey(SOPHIE, "6A", "Quel jour ?", List.of("Lundi", "Mardi")),
                Problem.NO_AUDIENCE);

        try (var session = school.platform.systemSession()) {
            assertThat(session.query(NodeQuery.ofType(Discussions.BROADCAST).build()))
                    .as("nothing stored")
                    .isEmpty();
        }
        school.discussions.updatePreferences(NADIA, null, true);
        assertThat(school.discussions.broadcastAudience(SOPHIE, "6A")).isEqualTo(1);
        assertThatRefused(() -> school.discussions.broadcastAudience(NADIA, "6A"), RefusalReason.NOT_A_DELEGATE);
        assertProblem(() -> school.discussions.broadcastAudience(SOPHIE, "4C"), Problem.UNKNOWN_CLASS);
    }

    @Test
    void aGuardianWhoTurnsMessagingOnWhileASurveyIsOpenShouldSeeAndAnswerIt() {
        school.discussions.updatePreferences(NADIA, null, true);
        Broadcast survey = school.sendBroadcast().survey(SOPHIE, "6A", "Kermesse ?", List.of("Oui", "Non"));
        assertThat(survey.audience()).isEqualTo(1);
        Broadcasts broadcasts = school.broadcasts();
        assertThat(broadcasts.list(LUCIE))
                .as("Lucie has guardian messaging off")
                .isEmpty();
        assertProblem(() -> broadcasts.get(LUCIE, survey.id()), Problem.UNKNOWN_BROADCAST);
        assertProblem(() -> broadcasts.answer(LUCIE, survey.id(), 0), Problem.UNKNOWN_BROADCAST);

        school.discussions.updatePreferences(LUCIE, null, true);
        school.discussions.updatePreferences(PAUL, null, true);

        assertThat(broadcasts.list(LUCIE)).extracting(Broadcast::id).containsExactly(survey.id());
        assertThat(broadcasts.answer(LUCIE, survey.id(), 1).myAnswer()).isEqualTo(1);
        assertThat(broadcasts.confirmRead(LUCIE, survey.id()).confirmedByMe()).isTrue();
        assertThat(broadcasts.list(PAUL)).as("5B").isEmpty();
        Broadcast seenByDelegate = broadcasts.get(SOPHIE, survey.id());
        assertThat(seenByDelegate.audience()).isEqualTo(2);
        assertThat(seenByDelegate.results()).containsExactly(0L, 1L);
        assertThat(seenByDelegate.confirmedBy()).containsExactly(LUCIE);
    }

    @Test
    void aClosedSurveyShouldNoLongerReachNewGuardiansWhileAnInformationStillDoes() {
        school.discussions.updatePreferences(NADIA, null, true);
        Broadcast survey = school.sendBroadcast().survey(SOPHIE, "6A", "Kermesse ?", List.of("Oui", "Non"));
        Broadcast information = school.sendBroadcast().information(SOPHIE, "6A", "Photo de classe vendredi");

        school.discussions.updatePreferences(LUCIE, null, true);
        Clock later =
                Clock.fixed(TUESDAY_TEN.plus(Duration.ofDays(DiscussionLimits.SURVEY_OPEN_DAYS + 1)), School.PARIS);
        Broadcasts then = new Broadcasts(school.context.withClock(later));
        assertThat(then.list(LUCIE))
                .as("the survey closed; the information stays open until the end of the school year")
                .extracting(Broadcast::id)
                .containsExactly(information.id());
        assertThat(then.list(NADIA))
                .as("reached when sent")
                .extracting(Broadcast::id)
                .contains(survey.id(), information.id());
    }

    static void assertThatRefused(Runnable action, RefusalReason reason) {
        org.assertj.core.api.Assertions.assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(
                        DiscussionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
