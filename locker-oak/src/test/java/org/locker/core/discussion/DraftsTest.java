package org.locker.core.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.locker.core.discussion.School.EMMA;
import static org.locker.core.discussion.School.GIRARD;
import static org.locker.core.discussion.School.LEO;
import static org.locker.core.discussion.School.PARIS;
import static org.locker.core.discussion.School.REY;
import static org.locker.core.discussion.StartDiscussionTest.assertProblem;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locker.core.discussion.DiscussionInputException.Problem;
import org.locker.core.discussion.Discussions.Draft;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;

/** Drafts kept while discussions are closed, read by their author only, and sent once they open. */
class DraftsTest {

    static School school;
    /** Tuesday 21:00 in Paris: after the default window (07:00 to 20:00). */
    static final Clock EVENING = School.at(21, 0);
    /** Wednesday 07:00 in Paris: the window has just opened. */
    static final Clock NEXT_MORNING =
            Clock.fixed(ZonedDateTime.of(2026, 11, 25, 7, 0, 0, 0, PARIS).toInstant(), PARIS);

    @BeforeAll
    static void open() {
        school = new School();
    }

    @AfterAll
    static void close() {
        school.close();
    }

    @Test
    void aReplyWrittenAfterHoursShouldBeKeptForItsAuthorOnlyAndSentAtOpening() {
        NodeId id = school.discussions
                .start(GIRARD, "Devoirs", List.of(EMMA), "Bonjour Emma")
                .id();
        Drafts evening = school.drafts(EVENING);

        Optional<Draft> saved = evening.save(EMMA, Optional.of(id), "ignored", List.of(LEO), "Merci, à demain");

        assertThat(saved).isPresent();
        assertThat(saved.get().text()).isEqualTo("Merci, à demain");
        assertThat(saved.get().discussion()).contains(id);
        assertThat(saved.get().subject())
                .as("a reply has the discussion's subject")
                .isEmpty();
        assertThat(saved.get().recipients()).isEmpty();
        assertThat(evening.draft(EMMA, Optional.of(id)).map(Draft::text)).contains("Merci, à demain");
        // the other participant has no draft, and the platform does not let them read Emma's
        assertThat(evening.draft(GIRARD, Optional.of(id))).isEmpty();
        NodeId node;
        try (PlatformSession system = school.platform.systemSession()) {
            node = new DraftStore().locate(system, EMMA, Optional.of(id)).orElseThrow();
        }
        try (PlatformSession girard = school.platform.sessionAs(GIRARD)) {
            assertThat(girard.findNode(node)).isEmpty();
        }
        try (PlatformSession emma = school.platform.sessionAs(EMMA)) {
            assertThat(emma.findNode(node)).isPresent();
        }

        assertThatThrownBy(() -> evening.sendReply(EMMA, id))
                .isInstanceOfSatisfying(
                        DiscussionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RefusalReason.OUTSIDE_HOURS));
        assertThat(evening.draft(EMMA, Optional.of(id)))
                .as("kept after the refusal")
                .isPresent();

        var posted = school.drafts(NEXT_MORNING).sendReply(EMMA, id);

        assertThat(posted.text()).isEqualTo("Merci, à demain");
        assertThat(school.reading().read(GIRARD, id, 0, 10).messages())
                .extracting(Discussions.Message::text)
                .containsExactly("Bonjour Emma", "Merci, à demain");
        assertThat(evening.draft(EMMA, Optional.of(id))).as("emptied once sent").isEmpty();
        assertProblem(() -> school.drafts(NEXT_MORNING).sendReply(EMMA, id), Problem.NO_DRAFT);
    }

    @Test
    void aNewDiscussionWrittenAfterHoursShouldStartAtOpeningWithItsSubjectAndRecipients() {
        Drafts evening = school.drafts(EVENING);
        evening.save(REY, Optional.empty(), "  Sortie  ", List.of(GIRARD), "Qui vient jeudi ?");

        Draft draft = evening.draft(REY, Optional.empty()).orElseThrow();
        assertThat(draft.subject()).isEqualTo("Sortie");
        assertThat(draft.recipients()).containsExactly(GIRARD);
        assertThat(draft.savedAt()).isEqualTo(EVENING.instant());

        var started = school.drafts(NEXT_MORNING).sendNewDiscussion(REY);

        assertThat(started.subject()).isEqualTo("Sortie");
        assertThat(started.participants()).contains(REY, GIRARD);
        assertThat(evening.draft(REY, Optional.empty())).isEmpty();
    }

    @Test
    void theComposerShouldBeToldWhenDiscussionsReopenInTheEstablishmentsZone() {
        Decision evening = school.drafts(EVENING).mayWriteNow(EMMA);

        assertThat(evening.reason()).contains(RefusalReason.OUTSIDE_HOURS);
        assertThat(evening.nextOpening()).contains(ZonedDateTime.of(2026, 11, 25, 7, 0, 0, 0, PARIS));
        assertThat(school.drafts(NEXT_MORNING).mayWriteNow(EMMA).isAllowed()).isTrue();
    }

    @Test
    void anEmptyDraftShouldDiscardIt() {
        Drafts evening = school.drafts(EVENING);
        evening.save(LEO, Optional.empty(), "", List.of(), "Brouillon");
        assertThat(evening.draft(LEO, Optional.empty())).isPresent();

        assertThat(evening.save(LEO, Optional.empty(), " ", List.of(), "")).isEmpty();

        assertThat(evening.draft(LEO, Optional.empty())).isEmpty();
    }

    @Test
    void badDraftsShouldBeRefusedAndNothingStored() {
        Drafts evening = school.drafts(EVENING);
        NodeId notMine = school.discussions
                .start(GIRARD, "Privé", List.of(REY), "Entre nous")
                .id();

        assertProblem(
                () -> evening.save(EMMA, Optional.of(notMine), "", List.of(), "Je lis ?"), Problem.UNKNOWN_DISCUSSION);
        assertProblem(
                () -> evening.save(EMMA, Optional.empty(), "", List.of(), "x".repeat(10_001)),
                Problem.MESSAGE_TOO_LONG);
        assertProblem(
                () -> evening.save(EMMA, Optional.empty(), "s".repeat(201), List.of(), "Bonjour"),
                Problem.SUBJECT_TOO_LONG);
        assertProblem(
                () -> evening.save(EMMA, Optional.empty(), "", List.of(GIRARD, GIRARD), "Bonjour"),
                Problem.DUPLICATE_PARTICIPANT);
        assertThat(evening.draft(EMMA, Optional.empty())).isEmpty();
        assertThat(evening.draft(EMMA, Optional.of(notMine))).isEmpty();
    }
}
