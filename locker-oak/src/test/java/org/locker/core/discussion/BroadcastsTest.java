package org.locker.core.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.locker.core.discussion.School.NADIA;
import static org.locker.core.discussion.School.PAUL;
import static org.locker.core.discussion.School.SOPHIE;
import static org.locker.core.discussion.StartDiscussionTest.assertProblem;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locker.core.discussion.DiscussionInputException.Problem;
import org.locker.core.discussion.Discussions.Broadcast;
import org.locker.core.discussion.Discussions.BroadcastKind;

/**
 * A delegate's information and survey to the guardians of their class, on a real repository. Sophie is the
 * delegate of 6A, Nadia a guardian of 6A, Paul a guardian of 5B; all three turned guardian messaging on.
 */
class BroadcastsTest {

    static School school;
    static SendBroadcast send;
    static Broadcasts broadcasts;

    @BeforeAll
    static void open() {
        school = new School();
        school.discussions.updateSettings(school.discussions.settings().withGuardianMessaging(true));
        for (var guardian : List.of(SOPHIE, NADIA, PAUL)) {
            school.discussions.updatePreferences(guardian, null, true);
        }
        send = school.sendBroadcast();
        broadcasts = school.broadcasts();
    }

    @AfterAll
    static void close() {
        school.close();
    }

    @Test
    void anInformationShouldReachTheGuardiansOfTheClassWhoConfirmIt() {
        Broadcast sent = send.information(SOPHIE, "6A", "Sortie au musée jeudi");

        assertThat(sent.kind()).isEqualTo(BroadcastKind.INFORMATION);
        assertThat(sent.audience())
                .as("Nadia; not the delegate herself, not 5B")
                .isEqualTo(1);
        assertThat(broadcasts.list(NADIA)).extracting(Broadcast::id).contains(sent.id());
        assertThat(broadcasts.list(PAUL)).extracting(Broadcast::id).doesNotContain(sent.id());
        assertProblem(() -> broadcasts.confirmRead(PAUL, sent.id()), Problem.UNKNOWN_BROADCAST);

        assertThat(broadcasts.confirmRead(NADIA, sent.id()).confirmedByMe()).isTrue();
        broadcasts.confirmRead(NADIA, sent.id());

        Broadcast seenByDelegate = broadcasts.get(SOPHIE, sent.id());
        assertThat(seenByDelegate.confirmedBy())
                .as("confirming twice counts once")
                .containsExactly(NADIA);
        assertThat(broadcasts.get(NADIA, sent.id()).confirmedBy())
                .as("for the delegate only")
                .isEmpty();
        assertProblem(() -> broadcasts.answer(NADIA, sent.id(), 0), Problem.NOT_A_SURVEY);
    }

    @Test
    void aSurveyShouldBeAnsweredOnceAndItsResultsShownToTheDelegate() {
        Broadcast survey = send.survey(SOPHIE, "6A", "Quel jour ?", List.of(" Lundi ", "Mardi"));
        assertThat(survey.options()).containsExactly("Lundi", "Mardi");

        assertThat(broadcasts.answer(NADIA, survey.id(), 1).myAnswer()).isEqualTo(1);
        assertProblem(() -> broadcasts.answer(NADIA, survey.id(), 0), Problem.SURVEY_ALREADY_ANSWERED);
        assertProblem(() -> broadcasts.answer(NADIA, survey.id(), 2), Problem.UNKNOWN_OPTION);

        Broadcast results = broadcasts.get(SOPHIE, survey.id());
        assertThat(results.results()).containsExactly(0L, 1L);
        assertThat(results.answers()).isEqualTo(1);
        assertThat(broadcasts.get(NADIA, survey.id()).results()).isEmpty();
    }

    @Test
    void onlyTheDelegateOfAnExistingClassShouldBroadcast() {
        assertThatThrownBy(() -> send.information(NADIA, "6A", "Bonjour"))
                .isInstanceOfSatisfying(
                        DiscussionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RefusalReason.NOT_A_DELEGATE));
        assertThatThrownBy(() -> send.information(SOPHIE, "5B", "Bonjour"))
                .isInstanceOfSatisfying(
                        DiscussionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RefusalReason.NOT_A_DELEGATE));
        assertProblem(() -> send.information(SOPHIE, "4C", "Bonjour"), Problem.UNKNOWN_CLASS);
        assertProblem(() -> send.survey(SOPHIE, "6A", "Quel jour ?", List.of("Lundi")), Problem.INVALID_SURVEY);
        assertProblem(
                () -> send.survey(SOPHIE, "6A", "Quel jour ?", List.of("Lundi", " Lundi")), Problem.INVALID_SURVEY);
    }
}
