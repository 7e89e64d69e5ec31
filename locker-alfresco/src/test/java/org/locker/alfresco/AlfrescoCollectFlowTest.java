package org.locker.alfresco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locker.core.collect.CollectRefusal;
import org.locker.core.collect.CollectRequests;
import org.locker.core.collect.CollectRequests.HandInFile;
import org.locker.core.collect.CollectRequests.LatePolicy;
import org.locker.core.collect.CollectRequests.Mode;
import org.locker.core.collect.CollectRequests.NewRequest;
import org.locker.core.collect.CollectRequests.RequestView;
import org.locker.core.collect.CollectRequests.SlotState;
import org.locker.core.collect.CollectRequests.SlotView;
import org.locker.core.directory.Profile;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * Collect requests over {@link AlfrescoPlatform} and the stateful {@link FakeAlfresco}, which enforces permissions as
 * Alfresco does: a slot's folder does not inherit, so a guardian of another family reads neither the slot nor what
 * was handed in, even by asking the platform directly as that guardian.
 */
class AlfrescoCollectFlowTest {

    private static final UserId TEACHER = UserId.of("t.one");
    private static final UserId OTHER_TEACHER = UserId.of("t.two");
    private static final UserId STAFF = UserId.of("st.one");
    private static final UserId G_ONE = UserId.of("g.one");
    private static final UserId G_TWO = UserId.of("g.two");

    private FakeAlfrescoSchool school;
    private CollectRequests collect;

    @BeforeEach
    void openTheSchool() {
        school = new FakeAlfrescoSchool();
        collect = new CollectRequests(school.platform, FakeAlfrescoSchool.CLOCK, () -> Set.of("FORM"));
    }

    @AfterEach
    void close() {
        school.close();
    }

    private static HandInFile file(String name, String text) {
        return new HandInFile(
                name,
                new ContentSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "text/plain"),
                Optional.empty());
    }

    @Test
    void aHandInShouldBeReadOnlyByItsTargetTheRequesterAndTheStaffNamed() throws IOException {
        RequestView request = collect.create(
                TEACHER,
                Profile.TEACHER,
                new NewRequest(
                        "Trip authorisation",
                        "Sign it",
                        "FORM",
                        List.of("guardians:6A", "guardians:5B"),
                        Mode.ONE_PER_GUARDIAN,
                        FakeAlfrescoSchool.CLOCK.instant().plus(Duration.ofDays(7)),
                        LatePolicy.REFUSE,
                        List.of(STAFF),
                        false,
                        Optional.empty(),
                        0));
        NodeId id = NodeId.of(request.id());
        SlotView handed = collect.handIn(G_ONE, id, Optional.empty(), List.of(file("signed.txt", "yes")), false);
        assertThat(handed.state()).isEqualTo(SlotState.HANDED_IN);
        String fileId = handed.files().get(0).id();

        try (Content content = collect.open(STAFF, NodeId.of(fileId))) {
            assertThat(new String(content.stream().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("yes");
        }
        assertThat(collect.table(TEACHER, id).slots())
                .extracting(SlotView::target, SlotView::state)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("g.one", SlotState.HANDED_IN),
                        org.assertj.core.groups.Tuple.tuple("g.two", SlotState.MISSING));

        // the other family, and a teacher not named, through the engine and through the platform itself
        for (UserId outsider : List.of(G_TWO, OTHER_TEACHER)) {
            assertThatThrownBy(() -> collect.open(outsider, NodeId.of(fileId))).isInstanceOf(CollectRefusal.class);
            assertThatThrownBy(() -> collect.slot(outsider, NodeId.of(handed.id())))
                    .isInstanceOf(CollectRefusal.class);
            try (PlatformSession session = school.platform.sessionAs(outsider)) {
                assertThat(session.findNode(NodeId.of(handed.id()))).isEmpty();
                assertThat(session.findNode(NodeId.of(fileId))).isEmpty();
            }
        }
        assertThat(collect.mine(STAFF)).extracting(RequestView::id).containsExactly(request.id());
        assertThat(collect.mine(OTHER_TEACHER)).isEmpty();
        assertThat(collect.runDue().published()).as("nothing scheduled").isEmpty();
        assertThat(collect.toHandIn(G_TWO).get(0).slots())
                .singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo(SlotState.MISSING));
    }
}
