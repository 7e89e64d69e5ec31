package org.locker.core.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locker.core.InMemorySchools;
import org.locker.core.MovableClock;
import org.locker.core.collect.CollectRefusal.Reason;
import org.locker.core.collect.CollectRequests.HandInFile;
import org.locker.core.collect.CollectRequests.LatePolicy;
import org.locker.core.collect.CollectRequests.Mode;
import org.locker.core.collect.CollectRequests.NewRequest;
import org.locker.core.collect.CollectRequests.Published;
import org.locker.core.collect.CollectRequests.Reminded;
import org.locker.core.collect.CollectRequests.RequestView;
import org.locker.core.collect.CollectRequests.RequestWithSlots;
import org.locker.core.collect.CollectRequests.SlotState;
import org.locker.core.collect.CollectRequests.SlotView;
import org.locker.core.collect.CollectRequests.State;
import org.locker.core.directory.Profile;
import org.locker.core.notification.Notification;
import org.locker.core.notification.NotificationCentre;
import org.locker.core.notification.NotificationFeed;
import org.locker.core.notification.NotificationKind;
import org.locker.core.notification.Notifications;
import org.locker.core.notification.PlatformNotificationFeed;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.UserId;

/**
 * Collect requests on a real (in-memory) Oak: created by the personnel, published to targets resolved from the
 * directory, handed in until the deadline, each slot readable only by its target, the requester and the staff
 * named (the platform's grants), and every bad input refused with nothing stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollectRequestsTest {

    static final UserId TEACHER = UserId.of("t.one");
    static final UserId OTHER_TEACHER = UserId.of("t.two");
    static final UserId STAFF = UserId.of("s.staff");
    static final UserId MARTIN = UserId.of("g.martin");
    static final UserId KID_PARENT = UserId.of("g.kid");
    static final UserId OTHER = UserId.of("g.other");
    static final UserId EMMA = UserId.of("st.emma");
    static final UserId LEO = UserId.of("st.leo");
    static final UserId KIM = UserId.of("st.kim");

    static final String SCHOOL = """
            type,id,label,profile,first_name,last_name,email,classes,children,delegate_of
            class,6A,Sixth A,,,,,,,
            class,5B,Fifth B,,,,,,,
            class,4C,Fourth C,,,,,,,
            person,t.one,,teacher,Tom,One,,6A,,
            person,t.two,,teacher,Tim,Two,,5B,,
            person,s.staff,,staff,Sam,Staff,,,,
            person,st.emma,,student,Emma,Martin,,6A,,
            person,st.leo,,student,Leo,Martin,,6A,,
            person,st.kim,,student,Kim,Kid,,6A,,
            person,st.oli,,student,Oli,Other,,5B,,
            person,g.martin,,guardian,Paul,Martin,,,st.emma|st.leo,
            person,g.kid,,guardian,Kate,Kid,,,st.kim,
            person,g.other,,guardian,Gil,Other,,,st.oli,
            """;

    private final ContentPlatform platform = InMemorySchools.open(SCHOOL);
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final CollectRequests collect =
            new CollectRequests(platform, clock, () -> Set.of("FORM", "CERTIFICATE"), new Notifications());
    private final NotificationFeed feed = new PlatformNotificationFeed(platform);

    /** The notifications recorded about a request, of one kind, oldest first. */
    private List<Notification> notified(NotificationKind kind, String requestId) {
        return feed.recordedAfter(Optional.empty(), 10_000).stream()
                .filter(n -> n.kind() == kind)
                .filter(n -> n.link().equals("#/tohandin"))
                .filter(n -> n.title().equals(titles.get(requestId)))
                .toList();
    }

    private final java.util.Map<String, String> titles = new java.util.HashMap<>();

    @AfterAll
    void close() {
        platform.close();
    }

    private NewRequest request(String title, Mode mode, String... targets) {
        return new NewRequest(
                title,
                "Sign and return",
                "FORM",
                List.of(targets),
                mode,
                clock.instant().plus(Duration.ofDays(7)),
                LatePolicy.REFUSE,
                List.of(STAFF),
                false,
                Optional.empty(),
                0);
    }

    /** Whether {@code user}'s notification of the request's publication is read (the notification centre's view). */
    private boolean requestNoticeRead(UserId user, String requestId) {
        return new NotificationCentre(platform, clock)
                .page(user, Optional.empty(), 200).entries().stream()
                        .filter(e -> e.notification().kind() == NotificationKind.COLLECT_REQUEST)
                        .filter(e -> e.notification().title().equals(titles.get(requestId)))
                        .findFirst()
                        .orElseThrow()
                        .read();
    }

    private RequestView create(NewRequest request) {
        RequestView view = collect.create(TEACHER, Profile.TEACHER, request);
        titles.put(view.id(), view.title());
        return view;
    }

    private static HandInFile file(String name, String text) {
        return new HandInFile(
                name,
                new ContentSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "text/plain"),
                Optional.empty());
    }

    private String read(UserId user, String fileId) {
        try (Content content = collect.open(user, NodeId.of(fileId));
                InputStream in = content.stream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call)
                .isInstanceOf(CollectRefusal.class)
                .extracting(e -> ((CollectRefusal) e).reason())
                .isEqualTo(reason);
    }

    private SlotView mySlot(UserId user, String requestId) {
        return collect.toHandIn(user).stream()
                .filter(r -> r.request().id().equals(requestId))
                .findFirst()
                .orElseThrow()
                .slots()
                .get(0);
    }

    @Test
    void aGuardianShouldHandInWhatOnlyTheyTheRequesterAndTheStaffNamedRead() {
        RequestView request = create(request("Trip authorisation", Mode.ONE_PER_GUARDIAN, "guardians:6A"));
        assertThat(request.state()).isEqualTo(State.PUBLISHED);
        assertThat(notified(NotificationKind.COLLECT_REQUEST, request.id()))
                .as("notified in the publication's save")
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.users()).containsExactlyInAnyOrder(MARTIN, KID_PARENT);
                    assertThat(n.classes()).containsExactly("6A");
                    assertThat(n.actor()).isNotBlank();
                });

        SlotView slot = mySlot(MARTIN, request.id());
        assertThat(slot.state()).isEqualTo(SlotState.MISSING);
        assertThat(slot.classCode()).isEqualTo("6A");
        assertThat(collect.toHandIn(OTHER))
                .as("not a target")
                .extracting(r -> r.request().id())
                .doesNotContain(request.id());

        SlotView handed = collect.handIn(
                MARTIN, NodeId.of(request.id()), Optional.empty(), List.of(file("signed.txt", "yes")), false);
        assertThat(handed.state()).isEqualTo(SlotState.HANDED_IN);
        assertThat(requestNoticeRead(MARTIN, request.id())).as("answered: read").isTrue();
        assertThat(requestNoticeRead(KID_PARENT, request.id()))
                .as("not answered yet")
                .isFalse();
        String fileId = handed.files().get(0).id();
        assertThat(read(MARTIN, fileId)).isEqualTo("yes");
        assertThat(read(TEACHER, fileId)).isEqualTo("yes");
        assertThat(read(STAFF, fileId)).as("staff named").isEqualTo("yes");

        // another family of the same class, a guardian of another class, a teacher not named: the platform refuses
        for (UserId outsider : List.of(KID_PARENT, OTHER, OTHER_TEACHER)) {
            assertRefused(() -> collect.slot(outsider, NodeId.of(handed.id())), Reason.UNKNOWN_SLOT);
            assertRefused(() -> collect.open(outsider, NodeId.of(fileId)), Reason.UNKNOWN_SLOT);
        }
        assertRefused(() -> collect.table(OTHER_TEACHER, NodeId.of(request.id())), Reason.UNKNOWN_REQUEST);
        assertRefused(() -> collect.table(KID_PARENT, NodeId.of(request.id())), Reason.NOT_THE_REQUESTER);

        RequestWithSlots table = collect.table(TEACHER, NodeId.of(request.id()));
        assertThat(table.slots())
                .extracting(SlotView::target, SlotView::state)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("g.martin", SlotState.HANDED_IN),
                        org.assertj.core.groups.Tuple.tuple("g.kid", SlotState.MISSING));
        assertThat(collect.table(STAFF, NodeId.of(request.id())).slots()).hasSize(2);
        assertThat(collect.mine(STAFF)).extracting(RequestView::id).contains(request.id());
        assertThat(collect.mine(OTHER_TEACHER)).extracting(RequestView::id).doesNotContain(request.id());
    }

    @Test
    void aTargetShouldAddAndReplaceUntilTheDeadlineThenBeRefused() {
        RequestView request = create(request("Insurance", Mode.ONE_PER_GUARDIAN, "user:g.kid"));
        NodeId id = NodeId.of(request.id());
        collect.handIn(KID_PARENT, id, Optional.empty(), List.of(file("a.txt", "a1"), file("b.txt", "b")), false);
        SlotView added = collect.handIn(KID_PARENT, id, Optional.empty(), List.of(file("a.txt", "a2")), false);
        assertThat(added.files()).extracting(f -> f.name()).containsExactlyInAnyOrder("a.txt", "b.txt");
        SlotView replaced = collect.handIn(KID_PARENT, id, Optional.empty(), List.of(file("c.txt", "c")), true);
        assertThat(replaced.files()).extracting(f -> f.name()).containsExactly("c.txt");

        clock.advance(Duration.ofDays(8));
        try {
            assertRefused(
                    () -> collect.handIn(KID_PARENT, id, Optional.empty(), List.of(file("d.txt", "d")), true),
                    Reason.REQUEST_CLOSED);
            assertThat(mySlot(KID_PARENT, request.id()).files())
                    .extracting(f -> f.name())
                    .containsExactly("c.txt");
        } finally {
            clock.advance(Duration.ofDays(-8));
        }
    }

    @Test
    void aLateHandInShouldBeMarkedLateWhenTheRequestAcceptsIt() {
        NewRequest late = new NewRequest(
                "Certificate",
                "",
                "CERTIFICATE",
                List.of("students:6A"),
                Mode.ONE_PER_STUDENT,
                clock.instant().plus(Duration.ofDays(1)),
                LatePolicy.ACCEPT_MARKED_LATE,
                List.of(),
                false,
                Optional.empty(),
                0);
        RequestView request = create(late);
        assertThat(collect.table(TEACHER, NodeId.of(request.id())).slots())
                .extracting(SlotView::target)
                .containsExactlyInAnyOrder("st.emma", "st.leo", "st.kim");
        clock.advance(Duration.ofDays(2));
        try {
            SlotView slot = collect.handIn(
                    EMMA, NodeId.of(request.id()), Optional.empty(), List.of(file("cert.txt", "c")), false);
            assertThat(slot.state()).isEqualTo(SlotState.LATE);
        } finally {
            clock.advance(Duration.ofDays(-2));
        }
    }

    @Test
    void perChildAGuardianShouldHaveASlotForEachChildConcerned() {
        RequestView request = create(request("Health form", Mode.ONE_PER_GUARDIAN_PER_CHILD, "guardians:6A"));
        List<SlotView> slots = collect.toHandIn(MARTIN).stream()
                .filter(r -> r.request().id().equals(request.id()))
                .findFirst()
                .orElseThrow()
                .slots();
        assertThat(slots).extracting(s -> s.child().orElseThrow()).containsExactlyInAnyOrder("st.emma", "st.leo");
        NodeId id = NodeId.of(request.id());
        assertRefused(
                () -> collect.handIn(MARTIN, id, Optional.empty(), List.of(file("x.txt", "x")), false),
                Reason.NOT_A_TARGET);
        assertRefused(
                () -> collect.handIn(MARTIN, id, Optional.of(KIM), List.of(file("x.txt", "x")), false),
                Reason.NOT_A_TARGET);
        SlotView emma = collect.handIn(MARTIN, id, Optional.of(EMMA), List.of(file("emma.txt", "e")), false);
        assertThat(emma.child()).contains("st.emma");
        assertThat(collect.table(TEACHER, id).slots())
                .filteredOn(s -> s.state() == SlotState.HANDED_IN)
                .extracting(s -> s.child().orElseThrow())
                .containsExactly("st.emma");
    }

    @Test
    void badInputShouldBeRefusedWithNothingStored() {
        int before = collect.mine(TEACHER).size();
        NewRequest ok = request("Form", Mode.ONE_PER_GUARDIAN, "guardians:6A");
        assertRefused(() -> collect.create(MARTIN, Profile.GUARDIAN, ok), Reason.NOT_PERSONNEL);
        assertRefused(
                () -> create(new NewRequest(
                        "Form",
                        "",
                        "FORM",
                        ok.targets(),
                        ok.mode(),
                        clock.instant().minusSeconds(1),
                        LatePolicy.REFUSE,
                        List.of(),
                        false,
                        Optional.empty(),
                        0)),
                Reason.DEADLINE_PASSED);
        assertRefused(() -> create(request("Form", Mode.ONE_PER_GUARDIAN)), Reason.NO_TARGET);
        assertRefused(() -> create(request("Form", Mode.ONE_PER_GUARDIAN, "guardians:4C")), Reason.NO_TARGET);
        assertRefused(() -> create(request("Form", Mode.ONE_PER_GUARDIAN, "guardians:9Z")), Reason.UNKNOWN_TARGET);
        assertRefused(() -> create(request("Form", Mode.ONE_PER_GUARDIAN, "user:t.two")), Reason.UNKNOWN_TARGET);
        assertRefused(
                () -> create(request("Form", Mode.ONE_PER_GUARDIAN, "students:6A")), Reason.MODE_DOES_NOT_FIT_TARGETS);
        assertRefused(
                () -> create(request("Form", Mode.ONE_PER_STUDENT, "guardians:6A")), Reason.MODE_DOES_NOT_FIT_TARGETS);
        assertRefused(() -> create(request(" ", Mode.ONE_PER_GUARDIAN, "guardians:6A")), Reason.INVALID_TITLE);
        assertRefused(
                () -> create(new NewRequest(
                        "Form",
                        "",
                        "NO_SUCH_TYPE",
                        ok.targets(),
                        ok.mode(),
                        ok.deadline(),
                        LatePolicy.REFUSE,
                        List.of(),
                        false,
                        Optional.empty(),
                        0)),
                Reason.UNKNOWN_DOCUMENT_TYPE);
        assertRefused(
                () -> create(new NewRequest(
                        "Form",
                        "",
                        "FORM",
                        ok.targets(),
                        ok.mode(),
                        ok.deadline(),
                        LatePolicy.REFUSE,
                        List.of(MARTIN),
                        false,
                        Optional.empty(),
                        0)),
                Reason.INVALID_STAFF);
        assertThat(collect.mine(TEACHER)).as("nothing stored").hasSize(before);

        RequestView request = create(ok);
        NodeId id = NodeId.of(request.id());
        assertRefused(
                () -> collect.handIn(OTHER, id, Optional.empty(), List.of(file("x.txt", "x")), false),
                Reason.NOT_A_TARGET);
        assertRefused(() -> collect.handIn(MARTIN, id, Optional.empty(), List.of(), false), Reason.NO_FILE);
        assertRefused(
                () -> collect.handIn(
                        MARTIN,
                        id,
                        Optional.empty(),
                        List.of(
                                file("ok.txt", "x"),
                                new HandInFile(
                                        "cert.txt",
                                        new ContentSource(new ByteArrayInputStream(new byte[] {1}), "text/plain"),
                                        Optional.of("CERTIFICATE"))),
                        false),
                Reason.WRONG_DOCUMENT_TYPE);
        assertThat(mySlot(MARTIN, request.id()).files()).as("nothing stored").isEmpty();

        RequestView draft = create(new NewRequest(
                "Draft",
                "",
                "FORM",
                ok.targets(),
                ok.mode(),
                ok.deadline(),
                LatePolicy.REFUSE,
                List.of(),
                true,
                Optional.empty(),
                0));
        assertThat(draft.state()).isEqualTo(State.DRAFT);
        assertRefused(
                () -> collect.handIn(
                        MARTIN, NodeId.of(draft.id()), Optional.empty(), List.of(file("x.txt", "x")), false),
                Reason.REQUEST_NOT_PUBLISHED);
        collect.withdraw(TEACHER, id);
        assertRefused(
                () -> collect.handIn(MARTIN, id, Optional.empty(), List.of(file("x.txt", "x")), false),
                Reason.REQUEST_CLOSED);
        assertThat(collect.toHandIn(MARTIN)).extracting(r -> r.request().id()).doesNotContain(request.id(), draft.id());
    }

    @Test
    void aRequestShouldReachItsTargetsOnlyAtItsPublicationDate() {
        NewRequest later = new NewRequest(
                "Later",
                "",
                "FORM",
                List.of("guardians:5B"),
                Mode.ONE_PER_GUARDIAN,
                clock.instant().plus(Duration.ofDays(10)),
                LatePolicy.REFUSE,
                List.of(),
                false,
                Optional.of(clock.instant().plus(Duration.ofDays(1))),
                0);
        RequestView scheduled = create(later);
        assertThat(scheduled.state()).isEqualTo(State.SCHEDULED);
        assertThat(collect.toHandIn(OTHER)).extracting(r -> r.request().id()).doesNotContain(scheduled.id());
        assertThat(collect.runDue().published())
                .extracting(Published::requestId)
                .doesNotContain(scheduled.id());
        assertThat(notified(NotificationKind.COLLECT_REQUEST, scheduled.id()))
                .as("nobody told before its date")
                .isEmpty();
        clock.advance(Duration.ofDays(1));
        try {
            assertThat(collect.runDue().published())
                    .filteredOn(p -> p.requestId().equals(scheduled.id()))
                    .singleElement()
                    .extracting(Published::users)
                    .isEqualTo(Set.of(OTHER));
            assertThat(notified(NotificationKind.COLLECT_REQUEST, scheduled.id()))
                    .singleElement()
                    .extracting(Notification::users)
                    .isEqualTo(List.of(OTHER));
            assertThat(collect.runDue().published()).as("once").isEmpty();
            assertThat(collect.toHandIn(OTHER))
                    .extracting(r -> r.request().id())
                    .contains(scheduled.id());
        } finally {
            clock.advance(Duration.ofDays(-1));
        }

        RequestView draft = create(new NewRequest(
                "Draft then published",
                "",
                "FORM",
                List.of("guardians:5B"),
                Mode.ONE_PER_GUARDIAN,
                clock.instant().plus(Duration.ofDays(10)),
                LatePolicy.REFUSE,
                List.of(),
                true,
                Optional.empty(),
                0));
        assertThat(collect.toHandIn(OTHER)).extracting(r -> r.request().id()).doesNotContain(draft.id());
        assertRefused(
                () -> collect.publish(OTHER_TEACHER, NodeId.of(draft.id()), Optional.empty()), Reason.UNKNOWN_REQUEST);
        assertThat(collect.publish(TEACHER, NodeId.of(draft.id()), Optional.empty())
                        .state())
                .isEqualTo(State.PUBLISHED);
        assertThat(collect.toHandIn(OTHER)).extracting(r -> r.request().id()).contains(draft.id());
        assertRefused(
                () -> collect.publish(TEACHER, NodeId.of(draft.id()), Optional.empty()), Reason.ALREADY_PUBLISHED);
    }

    @Test
    void thoseMissingShouldBeRemindedOnDemandOnceADayAndAutomaticallyOnce() {
        NewRequest withReminder = new NewRequest(
                "Photo rights",
                "",
                "FORM",
                List.of("guardians:6A"),
                Mode.ONE_PER_GUARDIAN,
                clock.instant().plus(Duration.ofDays(5)),
                LatePolicy.REFUSE,
                List.of(STAFF),
                false,
                Optional.empty(),
                2);
        RequestView request = create(withReminder);
        NodeId id = NodeId.of(request.id());
        collect.handIn(MARTIN, id, Optional.empty(), List.of(file("ok.txt", "ok")), false);

        assertRefused(() -> collect.remind(STAFF, id), Reason.NOT_THE_REQUESTER);
        Reminded onDemand = collect.remind(TEACHER, id);
        assertThat(onDemand.users()).containsExactly(KID_PARENT);
        assertThat(mySlot(KID_PARENT, request.id()).remindedAt()).contains(clock.instant());
        assertRefused(() -> collect.remind(TEACHER, id), Reason.COLLECT_REMINDED_RECENTLY);

        assertThat(collect.runDue().reminded()).extracting(Reminded::requestId).doesNotContain(request.id());
        clock.advance(Duration.ofDays(3).plusHours(1));
        try {
            assertThat(collect.runDue().reminded())
                    .filteredOn(r -> r.requestId().equals(request.id()))
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r.users()).containsExactly(KID_PARENT);
                        assertThat(r.automatic()).isTrue();
                    });
            assertThat(collect.runDue().reminded())
                    .as("at most one automatic reminder")
                    .extracting(Reminded::requestId)
                    .doesNotContain(request.id());
            assertThat(notified(NotificationKind.COLLECT_REMINDER, request.id()))
                    .as("one on demand, one automatic, each notified in its save")
                    .hasSize(2)
                    .allSatisfy(n -> assertThat(n.users()).containsExactly(KID_PARENT));
        } finally {
            clock.advance(Duration.ofDays(-3).minusHours(1));
        }
    }
}
