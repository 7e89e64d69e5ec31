package org.locker.core.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.locker.core.discussion.School.EMMA;
import static org.locker.core.discussion.School.GIRARD;
import static org.locker.core.discussion.School.LEO;
import static org.locker.core.discussion.School.PRINCIPAL;
import static org.locker.core.discussion.School.TUESDAY_TEN;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locker.core.discussion.DiscussionInputException.Problem;
import org.locker.core.discussion.Discussions.Summary;
import org.locker.core.platform.UserId;

/** Starting a discussion, on a real repository: who may, what is stored, and that a refusal stores nothing. */
class StartDiscussionTest {

    static School school;
    static StartDiscussion start;

    @BeforeAll
    static void open() {
        school = new School();
        start = school.startDiscussion(School.at(10, 0));
    }

    @AfterAll
    static void close() {
        school.close();
    }

    @Test
    void aTeacherShouldStartADiscussionWithAStudentWhoThenSeesItUnread() {
        Summary summary = start.start(GIRARD, "  Devoirs  ", List.of(EMMA), "Bonjour Emma");

        assertThat(summary.subject()).isEqualTo("Devoirs");
        assertThat(summary.startedBy()).isEqualTo(GIRARD);
        assertThat(summary.participants()).containsExactly(GIRARD, EMMA);
        assertThat(summary.messages()).isEqualTo(1);
        assertThat(summary.unread()).as("the starter read their own message").isZero();
        assertThat(summary.lastActivity()).isEqualTo(TUESDAY_TEN);
        Summary seenByEmma = school.reading().list(EMMA, 0, 100).stream()
                .filter(s -> s.id().equals(summary.id()))
                .findFirst()
                .orElseThrow();
        assertThat(seenByEmma.unread()).isEqualTo(1);
        assertThat(school.reading().read(EMMA, summary.id(), 0, 10).messages())
                .extracting(Discussions.Message::text)
                .containsExactly("Bonjour Emma");
    }

    @Test
    void theAdministratorShouldBeOnTheEstablishmentsSide() {
        // the administrator is not "personnel" for lockers, but supervises families in discussions
        Summary summary = start.start(PRINCIPAL, "Réunion", List.of(EMMA, LEO), "Bonjour à tous les deux");
        assertThat(summary.participants()).containsExactly(PRINCIPAL, EMMA, LEO);
    }

    @Test
    void aStudentShouldNotStartWithAnotherStudentAndNothingIsStored() {
        int before = school.reading().list(EMMA, 0, 100).size();

        assertThatThrownBy(() -> start.start(EMMA, "", List.of(LEO), "Salut"))
                .isInstanceOfSatisfying(
                        DiscussionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RefusalReason.NOT_A_CONTACT));
        assertThat(school.reading().list(EMMA, 0, 100)).hasSize(before);
        assertThat(school.reading().list(LEO, 0, 100))
                .noneMatch(s -> s.startedBy().equals(EMMA));
    }

    @Test
    void anUnknownRecipientShouldBeNamedToTheEstablishmentAndHiddenFromFamilies() {
        UserId nobody = UserId.of("nobody");
        assertThatThrownBy(() -> start.start(GIRARD, "", List.of(nobody), "Bonjour"))
                .isInstanceOfSatisfying(
                        DiscussionInputException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_PARTICIPANT));
        assertThatThrownBy(() -> start.start(EMMA, "", List.of(nobody), "Bonjour"))
                .isInstanceOfSatisfying(
                        DiscussionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RefusalReason.NOT_A_CONTACT));
    }

    @Test
    void badInputShouldBeRefusedBeforeAnything() {
        assertProblem(() -> start.start(GIRARD, "", List.of(), "Bonjour"), Problem.NO_PARTICIPANT);
        assertProblem(() -> start.start(GIRARD, "", List.of(GIRARD), "Bonjour"), Problem.SELF_ONLY);
        assertProblem(() -> start.start(GIRARD, "", List.of(EMMA, EMMA), "Bonjour"), Problem.DUPLICATE_PARTICIPANT);
        assertProblem(() -> start.start(GIRARD, "", List.of(EMMA), " "), Problem.EMPTY_MESSAGE);
        assertProblem(() -> start.start(GIRARD, "x".repeat(201), List.of(EMMA), "Bonjour"), Problem.SUBJECT_TOO_LONG);
        assertProblem(() -> start.start(GIRARD, "", List.of(EMMA), "x".repeat(10_001)), Problem.MESSAGE_TOO_LONG);
    }

    @Test
    void outsideTheDailyWindowTheRefusalShouldNameTheNextOpening() {
        StartDiscussion late = school.startDiscussion(School.at(21, 30));

        assertThatThrownBy(() -> late.start(GIRARD, "", List.of(EMMA), "Bonsoir"))
                .isInstanceOfSatisfying(DiscussionRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RefusalReason.OUTSIDE_HOURS);
                    assertThat(e.decision().nextOpening().orElseThrow().toLocalDateTime())
                            .hasToString("2026-11-25T07:00");
                });
    }

    static void assertProblem(Runnable action, Problem problem) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(
                        DiscussionInputException.class,
                        e -> assertThat(e.problem()).isEqualTo(problem));
    }
}
