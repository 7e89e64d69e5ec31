package org.locker.alfresco;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locker.core.directory.Person;
import org.locker.core.directory.Profile;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.directory.importing.DirectoryImport;
import org.locker.core.locker.DepositRequest;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.UserId;

/**
 * Memberships read from Alfresco's database on a repository without a search index (the fake's default): class
 * sizes, a profile's candidates, and deposits to many individually chosen users, whose profiles are checked
 * against the profile groups at a cost that does not grow with their number. Not one request is left to the
 * index ({@code GET /groups/{id}/members} is answered from it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlfrescoMembershipsTest {

    private static final int TEACHERS = 50;
    private static final int GUARDIANS = 50;
    private static final String PASSWORD = "Secret-1";

    private FakeAlfresco alfresco;
    private AlfrescoPlatform platform;
    private Lockers lockers;

    @BeforeAll
    void importTheSchool() {
        StringBuilder csv = new StringBuilder(
                "type,id,label,profile,first_name,last_name,email,classes,children,delegate_of,password\n");
        csv.append("class,6A,Sixième A,,,,,,,,\n");
        csv.append("person,depositor,,teacher,Dee,Positor,,6A,,,")
                .append(PASSWORD)
                .append('\n');
        for (int i = 0; i < TEACHERS; i++) {
            csv.append("person,t").append(i).append(",,teacher,T,").append(i).append(",,6A,,,\n");
        }
        csv.append("person,s0,,student,Sam,Zero,,6A,,,\n");
        for (int i = 0; i < GUARDIANS; i++) {
            csv.append("person,g").append(i).append(",,guardian,G,").append(i).append(",,,s0,,\n");
        }
        alfresco = new FakeAlfresco();
        platform = AlfrescoPlatform.builder(alfresco.settings("Data Dictionary/Locker"))
                .build();
        assertThat(new DirectoryImport(platform)
                        .run(new StringReader(csv.toString()), false)
                        .valid())
                .isTrue();
        platform.authenticate(UserId.of("depositor"), PASSWORD.toCharArray());
        lockers = new Lockers(platform, FakeAlfrescoSchool.CLOCK);
    }

    @AfterEach
    void nothingFromTheIndex() {
        assertThat(alfresco.indexAnswered())
                .as("requests Alfresco answers from its search index only")
                .isEmpty();
    }

    @AfterAll
    void stop() {
        platform.close();
        alfresco.close();
    }

    @Test
    void shouldListAGroupsMembersFromTheDatabaseWhereTheIndexHasNone() {
        try (PlatformSession s = platform.systemSession()) {
            assertThat(s.members(Profile.TEACHER.group())).hasSize(TEACHERS + 1);
            assertThat(s.members(Profile.GUARDIAN.group())).contains(UserId.of("g0"), UserId.of("g49"));
            s.createGroup(GroupId.of("outer-club"), "Outer", java.util.Map.of());
            s.createGroup(GroupId.of("inner-club"), "Inner", java.util.Map.of());
            s.addMember(GroupId.of("outer-club"), GroupId.of("inner-club"));
            s.addMember(GroupId.of("outer-club"), UserId.of("t1"));
            assertThat(s.members(GroupId.of("outer-club")))
                    .as("users and groups, at once")
                    .containsExactlyInAnyOrder(GroupId.of("inner-club"), UserId.of("t1"));
            assertThat(s.membersAmong(GroupId.of("outer-club"), List.of(UserId.of("t1"), UserId.of("t2"))))
                    .containsExactly(UserId.of("t1"));
            s.save();
        }
    }

    @Test
    void shouldGiveClassSizesAndCandidates() {
        SchoolDirectory directory = new SchoolDirectory(platform);
        assertThat(directory.classes()).singleElement().satisfies(c -> {
            assertThat(c.students()).isEqualTo(1);
            assertThat(c.team()).isEqualTo(TEACHERS + 1);
            assertThat(c.guardians()).isEqualTo(GUARDIANS);
        });
        assertThat(directory.search(Profile.GUARDIAN, "", 1000))
                .extracting(Person::id)
                .hasSize(GUARDIANS);
    }

    @Test
    void shouldListAClassWhoseGroupIsNestedInAnother() {
        try (PlatformSession s = platform.systemSession()) {
            s.createGroup(GroupId.of("all-classes"), "All classes", java.util.Map.of());
            s.addMember(
                    GroupId.of("all-classes"),
                    org.locker.core.directory.ClassGroup.STUDENTS.of(org.locker.core.directory.ClassCode.of("6A")));
            s.save();
        }
        assertThat(new SchoolDirectory(platform).classes())
                .as("a nested group has its description too")
                .extracting(c -> c.schoolClass().code().value())
                .containsExactly("6A");
    }

    @Test
    void shouldAcceptADepositTo22IndividualGuardians() {
        assertThat(deposit(users("g", 22))).isPositive();
    }

    @Test
    void shouldCheckManyChosenUsersAtACostThatDoesNotGrowWithTheirNumber() {
        // the day's folders (deposits, notifications) made once, so that the deposits compared make none
        deposit(users("t", 2));
        long teachers25 = deposit(users("t", 25));
        long teachers50 = deposit(users("t", 50));
        long guardians25 = deposit(users("g", 25));
        long guardians50 = deposit(users("g", 50));
        System.out.println("[memberships] HTTP calls of a deposit to 25 / 50 chosen teachers: " + teachers25 + " / "
                + teachers50 + "; to 25 / 50 chosen guardians (pending window): " + guardians25 + " / " + guardians50);
        assertThat(teachers50).isEqualTo(teachers25);
        assertThat(guardians50).isEqualTo(guardians25);
    }

    private static List<String> users(String prefix, int count) {
        List<String> selection = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            selection.add("user:" + prefix + i);
        }
        return selection;
    }

    /** Prepares and stores a deposit to the selection (guardians: a window from tomorrow); its HTTP calls. */
    private long deposit(List<String> selection) {
        Instant from = FakeAlfrescoSchool.CLOCK.instant().plus(Duration.ofDays(1));
        DepositRequest request = new DepositRequest(
                "CIRCULAR",
                "memo",
                selection,
                false,
                false,
                Optional.of(from),
                Optional.of(from.plus(Duration.ofDays(7))));
        long before = platform.requestCount();
        Lockers.PreparedDeposit prepared = lockers.prepare(UserId.of("depositor"), Profile.TEACHER, request);
        List<PrincipalId> recipients = new ArrayList<>(prepared.immediate());
        recipients.addAll(prepared.guardians());
        assertThat(recipients).hasSize(selection.size());
        lockers.deposit(
                prepared,
                List.of(new Lockers.DepositFile(
                        "note.txt",
                        new ContentSource(
                                new ByteArrayInputStream("note".getBytes(StandardCharsets.UTF_8)), "text/plain"))));
        return platform.requestCount() - before;
    }
}
