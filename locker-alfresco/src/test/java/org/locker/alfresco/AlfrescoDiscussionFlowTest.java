package org.locker.alfresco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locker.core.discussion.DiscussionInputException;
import org.locker.core.discussion.Discussions;
import org.locker.core.discussion.Discussions.Message;
import org.locker.core.discussion.Discussions.Page;
import org.locker.core.discussion.Discussions.Summary;
import org.locker.core.platform.UserId;

/**
 * The discussion flows end to end: the engine's {@link Discussions} over {@link AlfrescoPlatform}, HTTP and a
 * stateful {@link FakeAlfresco}. A discussion is readable by exactly its participants (inheritance off, a
 * grant each); the fake enforces it as Alfresco would for every read made as the user.
 */
class AlfrescoDiscussionFlowTest {

    private static final UserId TEACHER = UserId.of("t.one");
    private static final UserId GUARDIAN = UserId.of("g.one");
    private static final UserId OTHER_TEACHER = UserId.of("t.two");
    private static final UserId OTHER_GUARDIAN = UserId.of("g.two");

    private FakeAlfrescoSchool school;
    private Discussions discussions;

    @BeforeEach
    void openTheSchool() {
        school = new FakeAlfrescoSchool();
        discussions = new Discussions(school.platform, FakeAlfrescoSchool.CLOCK, FakeAlfrescoSchool.CLOCK.getZone());
    }

    @AfterEach
    void checkTheContract() {
        school.close();
    }

    @Test
    void shouldLetATeacherAndAGuardianTalkAndCountTheUnread() {
        long before = school.requests();
        Summary started = discussions.start(TEACHER, "Sam's homework", List.of(GUARDIAN), "Hello, about Sam...");
        System.out.println("[flow] start a discussion: " + (school.requests() - before) + " HTTP calls");
        assertThat(started.participants()).containsExactlyInAnyOrder(TEACHER, GUARDIAN);
        assertThat(started.messages()).isEqualTo(1);

        List<Summary> guardianList = discussions.list(GUARDIAN, 0, 20);
        assertThat(guardianList).extracting(Summary::subject).containsExactly("Sam's homework");
        assertThat(guardianList.get(0).unread())
                .as("the guardian has not read the first message")
                .isEqualTo(1);
        assertThat(discussions.list(TEACHER, 0, 20).get(0).unread())
                .as("nothing unread for the author")
                .isZero();

        before = school.requests();
        Message reply = discussions.post(GUARDIAN, started.id(), "Thank you, noted.");
        System.out.println("[flow] post a message: " + (school.requests() - before) + " HTTP calls");
        assertThat(reply.author()).isEqualTo(GUARDIAN);

        Summary forTeacher = discussions.list(TEACHER, 0, 20).get(0);
        assertThat(forTeacher.messages()).isEqualTo(2);
        assertThat(forTeacher.unread()).as("the teacher has not read the reply").isEqualTo(1);
        assertThat(discussions.list(GUARDIAN, 0, 20).get(0).unread())
                .as("the guardian read up to their reply")
                .isZero();

        Page page = discussions.read(TEACHER, started.id(), 0, 50);
        assertThat(page.messages())
                .extracting(Message::text)
                .containsExactly("Hello, about Sam...", "Thank you, noted.");
        assertThat(page.messages()).extracting(Message::author).containsExactly(TEACHER, GUARDIAN);
    }

    @Test
    void shouldHideADiscussionFromWhoeverIsNotInIt() {
        Summary started = discussions.start(TEACHER, "Private", List.of(GUARDIAN), "Only for you.");

        assertThat(discussions.list(OTHER_TEACHER, 0, 20)).isEmpty();
        assertThat(discussions.list(OTHER_GUARDIAN, 0, 20)).isEmpty();
        assertThatThrownBy(() -> discussions.read(OTHER_TEACHER, started.id(), 0, 50))
                .isInstanceOf(DiscussionInputException.class);
        assertThatThrownBy(() -> discussions.post(OTHER_GUARDIAN, started.id(), "let me in"))
                .isInstanceOf(DiscussionInputException.class);
        assertThat(discussions.read(GUARDIAN, started.id(), 0, 50).messages())
                .extracting(Message::text)
                .containsExactly("Only for you.");
    }

    @Test
    void shouldKeepCountingAcrossSeveralPosts() {
        Summary started = discussions.start(TEACHER, "Several", List.of(GUARDIAN), "one");
        discussions.post(GUARDIAN, started.id(), "two");
        discussions.post(TEACHER, started.id(), "three");

        Page page = discussions.read(GUARDIAN, started.id(), 0, 50);
        assertThat(page.messages()).extracting(Message::text).containsExactly("one", "two", "three");
        assertThat(discussions.list(GUARDIAN, 0, 20).get(0).unread()).isEqualTo(1);
    }
}
