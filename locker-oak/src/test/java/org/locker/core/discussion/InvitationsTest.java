package org.locker.core.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.locker.core.discussion.School.BENALI;
import static org.locker.core.discussion.School.EMMA;
import static org.locker.core.discussion.School.GIRARD;
import static org.locker.core.discussion.School.NADIA;
import static org.locker.core.discussion.StartDiscussionTest.assertProblem;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locker.core.discussion.DiscussionInputException.Problem;
import org.locker.core.discussion.Discussions.Summary;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.UserId;

/** Inviting and leaving, on a real repository: the platform's read grant follows the members. */
class InvitationsTest {

    static School school;
    static Invitations invitations;

    @BeforeAll
    static void open() {
        school = new School();
        invitations = school.invitations();
    }

    @AfterAll
    static void close() {
        school.close();
    }

    @Test
    void aTeacherShouldBringAGuardianInWhoThenReadsTheDiscussion() {
        NodeId id =
                school.discussions.start(GIRARD, "", List.of(EMMA), "Bonjour").id();
        assertProblem(() -> school.reading().read(NADIA, id, 0, 10), Problem.UNKNOWN_DISCUSSION);

        Summary summary = invitations.invite(GIRARD, id, NADIA);

        assertThat(summary.participants()).containsExactly(GIRARD, EMMA, NADIA);
        assertThat(school.reading().read(NADIA, id, 0, 10).messages()).hasSize(1);
        assertThat(school.node(id).strings(DiscussionModel.MEMBERS))
                .containsExactly("t.girard|", "e.emma.martin|t.girard", "r.nadia.thomas|t.girard");
    }

    @Test
    void onlyTheEstablishmentsSideShouldInvite() {
        NodeId id =
                school.discussions.start(GIRARD, "", List.of(EMMA), "Bonjour").id();

        assertThatThrownBy(() -> invitations.invite(EMMA, id, NADIA))
                .isInstanceOfSatisfying(
                        DiscussionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RefusalReason.NOT_ALLOWED_TO_INVITE));
        assertProblem(() -> invitations.invite(GIRARD, id, EMMA), Problem.ALREADY_PARTICIPANT);
        assertProblem(() -> invitations.invite(GIRARD, id, UserId.of("nobody")), Problem.UNKNOWN_PARTICIPANT);
        assertProblem(() -> invitations.invite(BENALI, id, NADIA), Problem.UNKNOWN_DISCUSSION);
        assertThat(school.reading().read(GIRARD, id, 0, 1).discussion().participants())
                .containsExactly(GIRARD, EMMA);
    }

    @Test
    void whoLeavesShouldNoLongerSeeTheDiscussion() {
        NodeId id = school.discussions
                .start(GIRARD, "", List.of(EMMA, NADIA), "Bonjour")
                .id();

        invitations.leave(EMMA, id);

        assertProblem(() -> school.reading().read(EMMA, id, 0, 10), Problem.UNKNOWN_DISCUSSION);
        assertThat(school.reading().list(EMMA, 0, 100)).noneMatch(s -> s.id().equals(id));
        assertThat(school.reading().read(GIRARD, id, 0, 1).discussion().participants())
                .containsExactly(GIRARD, NADIA);
        assertProblem(() -> invitations.leave(EMMA, id), Problem.UNKNOWN_DISCUSSION);
    }
}
