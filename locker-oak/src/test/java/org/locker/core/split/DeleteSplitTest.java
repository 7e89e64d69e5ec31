package org.locker.core.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locker.core.InMemorySchools;
import org.locker.core.MovableClock;
import org.locker.core.directory.Profile;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NotFoundException;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;
import org.locker.core.split.SplitDistribution.AnalysedPdf;
import org.locker.core.split.SplitDistribution.DepositChoice;
import org.locker.core.split.SplitDistribution.Draft;
import org.locker.core.split.SplitDistribution.DraftSummary;
import org.locker.core.split.SplitDistribution.NewSplit;
import org.locker.core.split.SplitDistribution.PageSplitter;
import org.locker.core.split.SplitRefusal.Reason;

/**
 * Deleting a split draft on a real (in-memory) Oak: the draft and its PDF leave the platform, only its owner may,
 * never once validated, and a validation and a deletion of the same draft never both succeed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeleteSplitTest {

    static final UserId TEACHER = UserId.of("t.one");
    static final UserId OTHER_TEACHER = UserId.of("t.two");
    static final UserId GUARDIAN = UserId.of("g.kid");

    static final String SCHOOL = """
            type,id,label,profile,first_name,last_name,email,classes,children,delegate_of
            class,6A,Sixth A,,,,,,,
            person,t.one,,teacher,Tom,One,,6A,,
            person,t.two,,teacher,Tim,Two,,6A,,
            person,st.kim,,student,Kim,Kid,,6A,,
            person,st.lea,,student,Lea,Lane,,6A,,
            person,g.kid,,guardian,Kate,Kid,,,st.kim,
            person,g.lane,,guardian,Liam,Lane,,,st.lea,
            """;

    private final ContentPlatform platform = InMemorySchools.open(SCHOOL);
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final Lockers lockers = new Lockers(platform, clock);
    private final SplitDistribution splits = new SplitDistribution(platform, clock, lockers);

    @AfterAll
    void close() {
        platform.close();
    }

    private Draft analysed(UserId owner) {
        byte[] pdf = "%PDF-1.7 two report cards".getBytes(StandardCharsets.UTF_8);
        return splits.analyse(
                owner,
                new NewSplit("Report cards", SplitMode.BY_TEXT, "6A", 0),
                new AnalysedPdf(2, List.of("Report card: KID Kim", "Report card: Lea Lane")),
                new ContentSource(new ByteArrayInputStream(pdf), "application/pdf"));
    }

    private DepositChoice choice() {
        return new DepositChoice(
                "OTHER",
                "",
                Optional.of(clock.instant().minus(Duration.ofDays(1))),
                Optional.of(clock.instant().plus(Duration.ofDays(30))));
    }

    /** Writes each student's pages as a small file of their own (the engine does not read PDFs). */
    private static final PageSplitter SPLITTER = (pdf, pages) -> {
        Map<UserId, Path> parts = new LinkedHashMap<>();
        for (Map.Entry<UserId, List<Integer>> student : pages.entrySet()) {
            Path part = Files.createTempFile("delete-split-test-", ".pdf");
            Files.writeString(
                    part,
                    "pages " + student.getValue() + " of " + student.getKey().value());
            parts.put(student.getKey(), part);
        }
        return parts;
    };

    private List<NodeId> draftIds(UserId owner) {
        return splits.drafts(owner).stream().map(DraftSummary::id).toList();
    }

    /** Whether the node is still stored, read as the service account (which reads everything). */
    private boolean stored(NodeId id) {
        try (PlatformSession system = platform.systemSession()) {
            return system.findNode(id).isPresent();
        }
    }

    private static Reason refusal(Runnable action) {
        try {
            action.run();
        } catch (SplitRefusal refusal) {
            return refusal.reason();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void shouldRemoveTheDraftAndItsPdfFromThePlatform() {
        NodeId kept = analysed(TEACHER).id();
        NodeId id = analysed(TEACHER).id();
        assertThat(draftIds(TEACHER)).contains(id, kept);

        splits.delete(TEACHER, id);

        assertThat(draftIds(TEACHER)).contains(kept).doesNotContain(id);
        assertThat(stored(id)).isFalse();
        try (PlatformSession system = platform.systemSession()) {
            assertThatThrownBy(() -> system.readContent(id)).isInstanceOf(NotFoundException.class);
        }
        assertThat(refusal(() -> splits.draft(TEACHER, id))).isEqualTo(Reason.SPLIT_UNKNOWN_DRAFT);
        // validating, adjusting or deleting it again: a draft that does not exist
        assertThat(refusal(() -> splits.validate(TEACHER, Profile.TEACHER, id, choice(), SPLITTER)))
                .isEqualTo(Reason.SPLIT_UNKNOWN_DRAFT);
        assertThat(refusal(() -> splits.delete(TEACHER, id))).isEqualTo(Reason.SPLIT_UNKNOWN_DRAFT);
        assertThat(splits.draft(TEACHER, kept).validated()).isFalse();
    }

    @Test
    void shouldAnswerSomeoneElsesDraftAsADraftThatDoesNotExist() {
        NodeId id = analysed(TEACHER).id();

        assertThat(refusal(() -> splits.delete(OTHER_TEACHER, id))).isEqualTo(Reason.SPLIT_UNKNOWN_DRAFT);
        assertThat(refusal(() -> splits.delete(GUARDIAN, id))).isEqualTo(Reason.SPLIT_UNKNOWN_DRAFT);

        assertThat(stored(id)).isTrue();
        assertThat(draftIds(TEACHER)).contains(id);
    }

    @Test
    void shouldKeepAValidatedDraft() {
        NodeId id = analysed(TEACHER).id();
        Draft validated = splits.validate(TEACHER, Profile.TEACHER, id, choice(), SPLITTER);
        assertThat(validated.validated()).isTrue();

        assertThat(refusal(() -> splits.delete(TEACHER, id))).isEqualTo(Reason.SPLIT_VALIDATED_NOT_DELETABLE);

        assertThat(stored(id)).isTrue();
        assertThat(splits.draft(TEACHER, id).students())
                .allSatisfy(student -> assertThat(student.document()).isPresent());
    }

    /**
     * A deletion asked while the draft is being validated waits for the validation and is then refused: both never
     * succeed. The validation's page cutting is where the deletion is asked, and the validation goes on only once the
     * deletion waits (or, without the draft's lock, has already finished).
     */
    @Test
    void shouldNotDeleteADraftWhileItIsBeingValidated() throws Exception {
        NodeId id = analysed(TEACHER).id();
        AtomicReference<Object> deletion = new AtomicReference<>();
        Thread[] deleting = new Thread[1];
        PageSplitter splitterDeletingMeanwhile = (pdf, pages) -> {
            deleting[0] = new Thread(() -> {
                try {
                    splits.delete(TEACHER, id);
                    deletion.set("deleted");
                } catch (RuntimeException e) {
                    deletion.set(e);
                }
            });
            deleting[0].start();
            while (deleting[0].getState() != Thread.State.WAITING
                    && deleting[0].getState() != Thread.State.TERMINATED) {
                Thread.onSpinWait();
            }
            return SPLITTER.split(pdf, pages);
        };

        Draft validated = splits.validate(TEACHER, Profile.TEACHER, id, choice(), splitterDeletingMeanwhile);
        deleting[0].join();

        assertThat(validated.validated()).isTrue();
        assertThat(deletion.get())
                .isInstanceOfSatisfying(
                        SplitRefusal.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(Reason.SPLIT_VALIDATED_NOT_DELETABLE));
        assertThat(stored(id)).isTrue();
        assertThat(splits.draft(TEACHER, id).validated()).isTrue();
    }
}
