package org.locker.core.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.locker.core.collect.CollectRequestsTest.KID_PARENT;
import static org.locker.core.collect.CollectRequestsTest.MARTIN;
import static org.locker.core.collect.CollectRequestsTest.OTHER;
import static org.locker.core.collect.CollectRequestsTest.OTHER_TEACHER;
import static org.locker.core.collect.CollectRequestsTest.STAFF;
import static org.locker.core.collect.CollectRequestsTest.TEACHER;

import java.io.ByteArrayInputStream;
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
import org.locker.core.audit.AuditEntry;
import org.locker.core.audit.AuditFilter;
import org.locker.core.audit.AuditTrail;
import org.locker.core.collect.CollectRefusal.Reason;
import org.locker.core.collect.CollectRequests.HandInFile;
import org.locker.core.collect.CollectRequests.LatePolicy;
import org.locker.core.collect.CollectRequests.Mode;
import org.locker.core.collect.CollectRequests.NewRequest;
import org.locker.core.collect.CollectRequests.RequestView;
import org.locker.core.directory.Profile;
import org.locker.core.notification.Notifications;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.UserId;

/**
 * Every action on a collect request leaves exactly one line in the audit trail, saved with the action (actor, the
 * request's title and id, a {@code key=value} detail); a refused action leaves none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollectAuditTest {

    private final ContentPlatform platform = InMemorySchools.open(CollectRequestsTest.SCHOOL);
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final CollectRequests collect =
            new CollectRequests(platform, clock, () -> Set.of("FORM"), new Notifications());
    private final AuditTrail trail = new AuditTrail(platform, clock);

    @AfterAll
    void close() {
        platform.close();
    }

    private NewRequest request(String title, Mode mode, boolean draft, LatePolicy late, int remindDays) {
        return new NewRequest(
                title,
                "",
                "FORM",
                List.of(mode == Mode.ONE_PER_STUDENT ? "students:6A" : "guardians:6A"),
                mode,
                clock.instant().plus(Duration.ofDays(7)),
                late,
                List.of(STAFF),
                draft,
                Optional.empty(),
                remindDays);
    }

    private static List<HandInFile> files(String... names) {
        return java.util.Arrays.stream(names)
                .map(name -> new HandInFile(
                        name,
                        new ContentSource(
                                new ByteArrayInputStream(name.getBytes(StandardCharsets.UTF_8)), "text/plain"),
                        Optional.empty()))
                .toList();
    }

    private List<AuditEntry> lines(String requestId) {
        return trail.entries(AuditFilter.ofDeposit(requestId));
    }

    /** The one line {@code action} added to the request's lines. */
    private AuditEntry added(String requestId, int before, Runnable action) {
        action.run();
        List<AuditEntry> lines = lines(requestId);
        assertThat(lines).as("one line more").hasSize(before + 1);
        return lines.get(lines.size() - 1);
    }

    private void assertRefusedWithoutLine(String requestId, ThrowingCallable call, Reason reason) {
        int before = lines(requestId).size();
        assertThatThrownBy(call)
                .isInstanceOf(CollectRefusal.class)
                .extracting(e -> ((CollectRefusal) e).reason())
                .isEqualTo(reason);
        assertThat(lines(requestId)).as("refused: no line").hasSize(before);
    }

    private static void assertLine(AuditEntry line, String action, UserId actor, String title, String detail) {
        assertThat(line.action()).isEqualTo(action);
        assertThat(line.actor()).isEqualTo(actor.value());
        assertThat(line.documentName()).isEqualTo(title);
        assertThat(line.detail()).isEqualTo(detail);
    }

    @Test
    void aRequestsLifeShouldLeaveOneLinePerActionWithItsActorAndDetail() {
        RequestView draft = collect.create(
                TEACHER, Profile.TEACHER, request("Insurance", Mode.ONE_PER_GUARDIAN, true, LatePolicy.REFUSE, 0));
        String id = draft.id();
        assertThat(lines(id))
                .singleElement()
                .satisfies(line -> assertLine(
                        line,
                        "COLLECT_REQUEST_CREATED",
                        TEACHER,
                        "Insurance",
                        "state=DRAFT; deadline=" + draft.deadline()));

        Instant at = clock.instant().plus(Duration.ofDays(1));
        assertLine(
                added(id, 1, () -> collect.publish(TEACHER, NodeId.of(id), Optional.of(at))),
                "COLLECT_REQUEST_SCHEDULED",
                TEACHER,
                "Insurance",
                "publishAt=" + at);
        clock.advance(Duration.ofDays(1));
        assertLine(
                added(id, 2, collect::runDue),
                "COLLECT_REQUEST_PUBLISHED",
                TEACHER,
                "Insurance",
                "scheduled=true; targets=2");

        assertLine(
                added(id, 3, () -> collect.handIn(MARTIN, NodeId.of(id), Optional.empty(), files("a.txt"), false)),
                "COLLECT_HANDED_IN",
                MARTIN,
                "Insurance",
                "replace=false; late=false; files=a.txt");
        assertLine(
                added(
                        id,
                        4,
                        () -> collect.handIn(
                                MARTIN, NodeId.of(id), Optional.empty(), files("b.txt", "c; d=e.txt"), true)),
                "COLLECT_HANDED_IN",
                MARTIN,
                "Insurance",
                "replace=true; late=false; files=b.txt, c; d=e.txt");
        assertRefusedWithoutLine(
                id,
                () -> collect.handIn(OTHER, NodeId.of(id), Optional.empty(), files("x.txt"), false),
                Reason.NOT_A_TARGET);
        assertRefusedWithoutLine(
                id,
                () -> collect.handIn(KID_PARENT, NodeId.of(id), Optional.empty(), List.of(), false),
                Reason.NO_FILE);

        assertLine(
                added(id, 5, () -> collect.remind(TEACHER, NodeId.of(id))),
                "COLLECT_REMINDER_SENT",
                TEACHER,
                "Insurance",
                "automatic=false; reminded=1");
        assertRefusedWithoutLine(id, () -> collect.remind(TEACHER, NodeId.of(id)), Reason.COLLECT_REMINDED_RECENTLY);

        assertLine(
                added(id, 6, () -> collect.downloadHandedIn(STAFF, NodeId.of(id))),
                "COLLECT_HANDED_IN_DOWNLOADED",
                STAFF,
                "Insurance",
                "files=2");
        assertLine(
                added(id, 7, () -> collect.exportStates(TEACHER, NodeId.of(id), Optional.of("6A"))),
                "COLLECT_STATES_EXPORTED",
                TEACHER,
                "Insurance",
                "class=6A; lines=2");
        assertRefusedWithoutLine(
                id, () -> collect.downloadHandedIn(OTHER_TEACHER, NodeId.of(id)), Reason.UNKNOWN_REQUEST);
        assertRefusedWithoutLine(
                id, () -> collect.exportStates(MARTIN, NodeId.of(id), Optional.empty()), Reason.NOT_THE_REQUESTER);

        assertRefusedWithoutLine(id, () -> collect.withdraw(STAFF, NodeId.of(id)), Reason.NOT_THE_REQUESTER);
        assertLine(
                added(id, 8, () -> collect.withdraw(TEACHER, NodeId.of(id))),
                "COLLECT_REQUEST_WITHDRAWN",
                TEACHER,
                "Insurance",
                "previousState=PUBLISHED");
        assertRefusedWithoutLine(id, () -> collect.withdraw(TEACHER, NodeId.of(id)), Reason.REQUEST_CLOSED);
        assertRefusedWithoutLine(
                id,
                () -> collect.handIn(KID_PARENT, NodeId.of(id), Optional.empty(), files("late.txt"), false),
                Reason.REQUEST_CLOSED);
    }

    @Test
    void aRequestPublishedAtCreationShouldLeaveOneLineAndLateOrAutomaticActionsTheirs() {
        String refused = collect.create(
                        TEACHER,
                        Profile.TEACHER,
                        request("Photo form", Mode.ONE_PER_GUARDIAN_PER_CHILD, false, LatePolicy.REFUSE, 2))
                .id();
        String accepted = collect.create(
                        TEACHER,
                        Profile.TEACHER,
                        request("Lunch form", Mode.ONE_PER_GUARDIAN, false, LatePolicy.ACCEPT_MARKED_LATE, 0))
                .id();
        assertThat(lines(refused))
                .singleElement()
                .satisfies(line -> assertLine(
                        line, "COLLECT_REQUEST_PUBLISHED", TEACHER, "Photo form", "scheduled=false; targets=2"));
        assertLine(
                added(
                        refused,
                        1,
                        () -> collect.handIn(
                                MARTIN,
                                NodeId.of(refused),
                                Optional.of(CollectRequestsTest.EMMA),
                                files("emma.txt"),
                                false)),
                "COLLECT_HANDED_IN",
                MARTIN,
                "Photo form",
                "replace=false; late=false; child=st.emma; files=emma.txt");

        // five days on: the automatic reminder, the requester's, to those still missing (Leo's and Kim's slots)
        clock.advance(Duration.ofDays(5).plusHours(1));
        assertLine(
                added(refused, 2, collect::runDue),
                "COLLECT_REMINDER_SENT",
                TEACHER,
                "Photo form",
                "automatic=true; reminded=2");

        clock.advance(Duration.ofDays(2));
        assertRefusedWithoutLine(
                refused,
                () -> collect.handIn(KID_PARENT, NodeId.of(refused), Optional.empty(), files("late.txt"), false),
                Reason.REQUEST_CLOSED);
        assertLine(
                added(
                        accepted,
                        1,
                        () -> collect.handIn(
                                KID_PARENT, NodeId.of(accepted), Optional.empty(), files("late.txt"), false)),
                "COLLECT_HANDED_IN",
                KID_PARENT,
                "Lunch form",
                "replace=false; late=true; files=late.txt");
    }
}
