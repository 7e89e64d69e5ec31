package org.locker.core.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.locker.core.discussion.School.EMMA;
import static org.locker.core.discussion.School.GIRARD;
import static org.locker.core.discussion.School.HUGO;
import static org.locker.core.discussion.School.LEO;
import static org.locker.core.discussion.StartDiscussionTest.assertProblem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locker.core.discussion.DiscussionInputException.Problem;
import org.locker.core.discussion.Discussions.Message;
import org.locker.core.discussion.Discussions.Summary;
import org.locker.core.locker.LockerModel;
import org.locker.core.platform.Access;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;

/** Posting, unread counts and attachments from the author's locker, on a real repository. */
class PostMessageTest {

    static School school;
    static PostMessage post;

    @BeforeAll
    static void open() {
        school = new School();
        post = school.postMessage();
    }

    @AfterAll
    static void close() {
        school.close();
    }

    @Test
    void aReplyShouldCountAsUnreadForTheOthersOnlyUntilTheyMarkItRead() {
        NodeId id =
                school.discussions.start(GIRARD, "", List.of(EMMA), "Bonjour").id();

        Message reply = post.post(EMMA, id, "Bonjour monsieur", null);

        assertThat(reply.author()).isEqualTo(EMMA);
        assertThat(reply.attachment()).isEmpty();
        assertThat(summary(EMMA, id).unread()).isZero();
        assertThat(summary(GIRARD, id).unread()).isEqualTo(1);
        assertThat(summary(GIRARD, id).messages()).isEqualTo(2);
        assertThat(school.reading().markRead(GIRARD, id).unread()).isZero();
        assertThat(school.reading().read(GIRARD, id, 0, 10).messages())
                .extracting(Message::text)
                .containsExactly("Bonjour", "Bonjour monsieur");
    }

    @Test
    void someoneOutsideTheDiscussionShouldNotEvenSeeIt() {
        NodeId id =
                school.discussions.start(GIRARD, "", List.of(EMMA), "Bonjour").id();

        assertProblem(() -> post.post(HUGO, id, "Coucou", null), Problem.UNKNOWN_DISCUSSION);
        assertThat(summary(GIRARD, id).messages()).isEqualTo(1);
    }

    @Test
    void twoStudentsShouldNoLongerTalkOnceTheTeacherWhoBroughtThemLeft() {
        // who brought whom is stored with the members: it must survive the round trip through the repository
        NodeId id = school.discussions
                .start(GIRARD, "", List.of(EMMA, LEO), "Bonjour à vous deux")
                .id();
        post.post(EMMA, id, "Bonjour Léo", null);

        school.invitations().leave(GIRARD, id);

        assertThatThrownBy(() -> post.post(LEO, id, "Bonjour Emma", null))
                .isInstanceOfSatisfying(
                        DiscussionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RefusalReason.NOT_INVITED));
        assertThat(summary(EMMA, id).messages()).isEqualTo(2);
    }

    @Test
    void aDocumentOfTheAuthorsLockerShouldBeCopiedIntoTheDiscussion() throws IOException {
        NodeId id =
                school.discussions.start(GIRARD, "", List.of(EMMA), "Bonjour").id();
        NodeId document = lockerDocument("notes.txt", "Les notes du trimestre");

        Message message = post.post(GIRARD, id, "Voici les notes", document);

        Discussions.Attachment attachment = message.attachment().orElseThrow();
        assertThat(attachment.name()).isEqualTo("notes.txt");
        assertThat(attachment.mimeType()).startsWith("text/plain");
        assertThat(attachment.size()).isEqualTo("Les notes du trimestre".length());
        assertThat(attachment.id()).isNotEqualTo(document);
        try (Content content = school.reading().attachment(EMMA, id, message.id())) {
            assertThat(new String(content.stream().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("Les notes du trimestre");
        }
        assertProblem(() -> school.reading().attachment(HUGO, id, message.id()), Problem.UNKNOWN_DISCUSSION);
    }

    @Test
    void anAttachmentShouldBeADocumentOfALockerTheAuthorReads() {
        NodeId id =
                school.discussions.start(GIRARD, "", List.of(EMMA), "Bonjour").id();
        NodeId notMine = lockerDocument("autre.txt", "Pas pour Emma");

        assertProblem(() -> post.post(EMMA, id, "Regardez", notMine), Problem.UNKNOWN_ATTACHMENT);
        assertProblem(() -> post.post(GIRARD, id, "Regardez", id), Problem.UNKNOWN_ATTACHMENT);
        assertThat(summary(GIRARD, id).messages()).as("nothing stored").isEqualTo(1);
    }

    /** A locker document Girard may read. */
    private static NodeId lockerDocument(String name, String text) {
        try (PlatformSession system = school.platform.systemSession()) {
            Node folder = system.ensureFolder("/test-lockers/" + System.nanoTime());
            Node document = system.createDocument(
                    folder.id(),
                    name,
                    LockerModel.DEPOSIT,
                    Map.of(),
                    new ContentSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "text/plain"));
            system.grant(document.id(), GIRARD, Access.READ);
            system.save();
            return document.id();
        }
    }

    private static Summary summary(org.locker.core.platform.UserId user, NodeId id) {
        return school.reading().read(user, id, 0, 1).discussion();
    }
}
