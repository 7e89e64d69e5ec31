package org.locker.alfresco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locker.core.directory.Profile;
import org.locker.core.locker.DepositRequest;
import org.locker.core.locker.LockerModel;
import org.locker.core.locker.LockerRefusal;
import org.locker.core.locker.Lockers;
import org.locker.core.locker.Lockers.DepositFile;
import org.locker.core.locker.Lockers.Deposited;
import org.locker.core.locker.Lockers.LockerEntry;
import org.locker.core.locker.Lockers.LockerFilter;
import org.locker.core.platform.Content;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * The locker flows end to end: the engine's {@link Lockers} over {@link AlfrescoPlatform}, HTTP, and a stateful
 * {@link FakeAlfresco} that enforces visibility as Alfresco does (the engine's reads as the recipient see what
 * the permissions set by the deposit let them see). With {@code ALFRESCO_OPENAPI_SPEC} set, every exchange of
 * each flow is validated against Alfresco's API definitions.
 */
class AlfrescoLockerFlowTest {

    private static final UserId T_ONE = UserId.of("t.one");
    private static final UserId T_TWO = UserId.of("t.two");
    private static final UserId T_THREE = UserId.of("t.three");
    private static final UserId STAFF = UserId.of("st.one");
    private static final UserId ADMIN = UserId.of("admin.one");
    private static final UserId G_ONE = UserId.of("g.one");

    private FakeAlfrescoSchool school;
    private Lockers lockers;
    private final MovableClock clock = new MovableClock();

    /** The school's clock, moved forward by a test. */
    private static final class MovableClock extends java.time.Clock {
        private java.time.Instant now = FakeAlfrescoSchool.CLOCK.instant();

        @Override
        public java.time.ZoneId getZone() {
            return FakeAlfrescoSchool.CLOCK.getZone();
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }

        void advance(java.time.Duration by) {
            now = now.plus(by);
        }
    }

    @BeforeEach
    void openTheSchool() {
        school = new FakeAlfrescoSchool();
        lockers = new Lockers(school.platform, clock);
    }

    @AfterEach
    void checkTheContract() {
        school.close();
    }

    private static DepositRequest request(boolean allowModify, boolean standing, String... selection) {
        return new DepositRequest(
                "CIRCULAR", "memo", List.of(selection), standing, allowModify, Optional.empty(), Optional.empty());
    }

    private static DepositFile file(String name, String text) {
        return new DepositFile(
                name, new ContentSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "text/plain"));
    }

    /** HTTP requests of the last {@link #deposit} (its {@code Lockers.deposit} call, not the preparation). */
    private long lastDepositCost;

    private Deposited deposit(UserId depositor, DepositRequest request, String name) {
        Lockers.PreparedDeposit prepared = lockers.prepare(depositor, Profile.TEACHER, request);
        long before = school.requests();
        List<Deposited> deposited = lockers.deposit(prepared, List.of(file(name, "content of " + name)));
        lastDepositCost = school.requests() - before;
        assertThat(deposited).hasSize(1);
        return deposited.get(0);
    }

    private List<String> names(UserId user) {
        return lockers.locker(user, LockerFilter.none()).stream()
                .map(LockerEntry::name)
                .toList();
    }

    private static String read(Content content) throws IOException {
        try (content) {
            return new String(content.stream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void depositsShouldBeReadByMonthOnAlfrescoTooOnceStoredDepositsAreMigrated() {
        Deposited old = deposit(T_ONE, request(false, false, "user:t.two"), "before-months.txt");
        // as a deposit stored before months existed
        school.alfresco.removeProperties(old.id().value(), LockerModel.RECIPIENT_MONTHS, LockerModel.DEPOSITOR_MONTH);
        assertThat(lockers.migrateDepositMonths()).isEqualTo(1);
        assertThat(lockers.migrateDepositMonths()).isZero();
        try (PlatformSession system = school.platform.systemSession()) {
            assertThat(system.node(old.id()).string(LockerModel.DEPOSITOR_MONTH))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("t.one|"));
        }
        clock.advance(java.time.Duration.ofDays(40)); // an empty month, then the next
        clock.advance(java.time.Duration.ofDays(40));
        deposit(T_ONE, request(false, false, "user:t.two"), "later-0.txt");
        clock.advance(java.time.Duration.ofMinutes(1));
        deposit(T_ONE, request(false, false, "user:t.two"), "later-1.txt");

        List<String> seen = new java.util.ArrayList<>();
        Lockers.LockerPage page = lockers.lockerPage(T_TWO, LockerFilter.none(), Optional.empty(), 1);
        seen.addAll(page.entries().stream().map(LockerEntry::name).toList());
        while (page.next().isPresent()) {
            page = lockers.lockerPage(T_TWO, LockerFilter.none(), page.next(), 1);
            seen.addAll(page.entries().stream().map(LockerEntry::name).toList());
        }
        assertThat(seen).containsExactly("later-1.txt", "later-0.txt", "before-months.txt");
        Lockers.DistributionPage mine = lockers.distributions(T_ONE, Optional.empty(), 2, Optional.empty());
        assertThat(mine.items()).extracting(Lockers.Distribution::name).containsExactly("later-1.txt", "later-0.txt");
        assertThat(lockers.distributions(T_ONE, mine.next(), 2, Optional.empty())
                        .items())
                .extracting(Lockers.Distribution::name)
                .containsExactly("before-months.txt");
    }

    @Test
    void myDistributionsShouldPageAndRemindOnAlfrescoToo() throws IOException {
        Deposited first = deposit(T_ONE, request(false, false, "user:t.two", "user:st.one"), "first.txt");
        clock.advance(java.time.Duration.ofMinutes(1));
        deposit(T_ONE, request(false, false, "user:t.two"), "second.txt");
        clock.advance(java.time.Duration.ofMinutes(1));
        deposit(T_ONE, request(false, false, "user:t.two"), "third.txt");

        Lockers.DistributionPage page = lockers.distributions(T_ONE, Optional.empty(), 2, Optional.empty());
        assertThat(page.items()).extracting(Lockers.Distribution::name).containsExactly("third.txt", "second.txt");
        Lockers.DistributionPage last = lockers.distributions(T_ONE, page.next(), 2, Optional.empty());
        assertThat(last.items()).extracting(Lockers.Distribution::name).containsExactly("first.txt");
        assertThat(last.next()).isEmpty();

        read(lockers.open(STAFF, first.id()));
        assertThat(lockers.remind(T_ONE, first.id(), Optional.empty()).reminded())
                .as("the one who has not opened it")
                .isEqualTo(1);
        assertThat(lockers.reminders(T_TWO))
                .extracting(Lockers.Reminder::remindedBy)
                .containsExactly("t.one");
        assertThat(lockers.receipts(T_ONE, first.id(), Optional.empty(), Optional.of("5B")))
                .extracting(Lockers.ReceiptLine::name)
                .containsExactly("Tom Two");
    }

    @Test
    void shouldImportTheDirectoryIntoTheFake() {
        assertThat(school.imported.valid())
                .as(school.imported.problems().toString())
                .isTrue();
        assertThat(school.imported.applied()).isTrue();
    }

    /**
     * What a deposit's notification (issue 15, decision 0021) adds to it, in the same unit of work: the depositor's
     * name (GET), its day folder (GET, POST when new), the notification node (POST) and its access at save (GET, PUT).
     */
    private static final int NOTIFICATION_CALLS = 6;

    @Test
    void shouldDepositToAUserWhoListsAndOpensItWhileOthersDoNot() throws IOException {
        Lockers.PreparedDeposit prepared = lockers.prepare(T_ONE, Profile.TEACHER, request(false, false, "user:t.two"));
        long before = school.requests();
        school.alfresco.resetJournal();
        List<Deposited> deposited = lockers.deposit(prepared, List.of(file("letter.txt", "hello")));
        long cost = school.requests() - before;
        System.out.println(
                "[flow] deposit of one file to one user: " + cost + " HTTP calls: " + school.alfresco.calls());
        assertThat(cost)
                .as("ensureFolder (GET, POST), document (multipart POST, list-properties PUT), audit"
                        + " (GET, POST folder, POST entry), access at save (GET, PUT), and its notification"
                        + " (issue 15: " + NOTIFICATION_CALLS + ")")
                .isLessThanOrEqualTo(9 + NOTIFICATION_CALLS);

        List<LockerEntry> locker = lockers.locker(T_TWO, LockerFilter.none());
        assertThat(locker).extracting(LockerEntry::name).containsExactly("letter.txt");
        LockerEntry entry = locker.get(0);
        assertThat(entry.depositor()).isEqualTo("t.one");
        assertThat(entry.documentType()).isEqualTo("CIRCULAR");
        assertThat(entry.canModify()).as("read-only deposit").isFalse();
        assertThat(entry.version()).isEqualTo("1.0");
        assertThat(entry.opened()).isFalse();
        assertThat(read(lockers.open(T_TWO, deposited.get(0).id()))).isEqualTo("hello");
        assertThat(lockers.locker(T_TWO, LockerFilter.none()).get(0).opened())
                .as("read receipt")
                .isTrue();

        assertThat(names(T_THREE)).as("a teacher who is not a recipient").isEmpty();
        assertThat(names(G_ONE)).as("a guardian who is not a recipient").isEmpty();
        assertThatThrownBy(() -> lockers.open(T_THREE, deposited.get(0).id()))
                .as("what the platform hides does not exist for them")
                .isInstanceOf(LockerRefusal.class);
        assertThat(names(T_ONE))
                .as("a depositor's own locker lists what others deposited for them only")
                .isEmpty();
        assertThat(lockers.distributions(T_ONE))
                .extracting(Lockers.Distribution::name)
                .containsExactly("letter.txt");
    }

    @Test
    void shouldKeepAReadOnlyDepositReadOnlyAndLetAModifiableOneBeVersioned() throws IOException {
        Deposited readOnly = deposit(T_ONE, request(false, false, "user:t.two"), "read-only.txt");
        Deposited modifiable = deposit(T_ONE, request(true, false, "user:t.two"), "modifiable.txt");

        List<LockerEntry> locker = lockers.locker(T_TWO, LockerFilter.none());
        assertThat(locker)
                .extracting(LockerEntry::name, LockerEntry::canModify)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("read-only.txt", false),
                        org.assertj.core.groups.Tuple.tuple("modifiable.txt", true));

        ContentSource v2 =
                new ContentSource(new ByteArrayInputStream("v2".getBytes(StandardCharsets.UTF_8)), "text/plain");
        assertThat(lockers.addVersion(T_TWO, modifiable.id(), v2, "corrected").label())
                .isEqualTo("1.1");
        assertThat(read(lockers.open(T_TWO, modifiable.id()))).isEqualTo("v2");
        assertThat(lockers.versions(T_TWO, modifiable.id())).hasSize(2);

        ContentSource refused =
                new ContentSource(new ByteArrayInputStream("no".getBytes(StandardCharsets.UTF_8)), "text/plain");
        assertThatThrownBy(() -> lockers.addVersion(T_TWO, readOnly.id(), refused, ""))
                .isInstanceOf(RuntimeException.class);
        assertThat(read(lockers.open(T_TWO, readOnly.id()))).isEqualTo("content of read-only.txt");
    }

    @Test
    void shouldDepositToACategoryThroughAGroupGrant() {
        deposit(T_ONE, request(false, true, "category:staff"), "to-staff.txt");
        System.out.println(
                "[flow] deposit of one file to a category (standing, group grant): " + lastDepositCost + " HTTP calls");
        // and the group's members, read once for its notification's users
        assertThat(lastDepositCost).isLessThanOrEqualTo(9 + NOTIFICATION_CALLS + 1);

        assertThat(names(STAFF)).containsExactly("to-staff.txt");
        assertThat(names(T_TWO)).isEmpty();
        assertThat(names(ADMIN)).isEmpty();
    }

    @Test
    void shouldDepositToAClassTeam() {
        deposit(T_TWO, request(false, false, "team:6A"), "to-6A-team.txt");
        System.out.println(
                "[flow] deposit of one file to a class team (group grant): " + lastDepositCost + " HTTP calls");
        assertThat(lastDepositCost).isLessThanOrEqualTo(9 + NOTIFICATION_CALLS + 1);

        assertThat(names(T_ONE)).containsExactly("to-6A-team.txt");
        assertThat(names(T_THREE)).containsExactly("to-6A-team.txt");
        assertThat(names(STAFF)).isEmpty();
    }

    @Test
    void shouldOpenAPendingWindowAtTheReconcileAfterItsStart() {
        java.time.Instant from = clock.instant().plus(java.time.Duration.ofDays(1));
        Deposited deposited = deposit(
                T_ONE,
                new DepositRequest(
                        "CIRCULAR",
                        "memo",
                        List.of("user:g.one"),
                        false,
                        false,
                        Optional.of(from),
                        Optional.of(from.plus(java.time.Duration.ofDays(7)))),
                "later.txt");
        assertThat(lockers.reconcileWindows()).isEqualTo(new Lockers.ReconcileReport(0, 0, Optional.of(from)));
        assertThat(names(G_ONE)).as("before the window's start").isEmpty();

        clock.advance(java.time.Duration.ofDays(2));
        assertThat(lockers.reconcileWindows())
                .as("the pending window is found and opened")
                .isEqualTo(new Lockers.ReconcileReport(1, 0, Optional.of(from.plus(java.time.Duration.ofDays(7)))));
        assertThat(names(G_ONE)).containsExactly("later.txt");
        assertThat(lockers.distributions(T_ONE))
                .extracting(Lockers.Distribution::name)
                .containsExactly("later.txt");

        clock.advance(java.time.Duration.ofDays(7));
        assertThat(lockers.reconcileWindows()).isEqualTo(new Lockers.ReconcileReport(0, 1));
        assertThat(names(G_ONE)).as("after the window's end").isEmpty();
        assertThat(deposited.name()).isEqualTo("later.txt");
    }

    /**
     * A split's deposit (decision 0025) on Alfresco: one deposit, one part per family; each family's guardian lists and
     * reads their own part only, granted by the permissions the deposit sets, and from the window's start only.
     */
    @Test
    void shouldGiveEachFamilyItsOwnPartOfADocumentCutPerFamilyFromTheWindowsStart() throws IOException {
        java.time.Instant from = clock.instant().plus(java.time.Duration.ofDays(1));
        DepositRequest request = new DepositRequest(
                "CIRCULAR",
                "",
                List.of("user:g.one", "user:g.two"),
                false,
                false,
                Optional.of(from),
                Optional.of(from.plus(java.time.Duration.ofDays(7))));
        Lockers.PartsDeposited made = lockers.depositParts(
                lockers.prepare(T_ONE, Profile.TEACHER, request),
                file("cards.txt", "every page"),
                List.of(
                        new Lockers.FamilyPart(
                                "cards - One.txt",
                                java.util.Set.of(G_ONE),
                                text("pages of s.one"),
                                Optional.of(UserId.of("s.one"))),
                        new Lockers.FamilyPart(
                                "cards - Two.txt",
                                java.util.Set.of(UserId.of("g.two")),
                                text("pages of s.two"),
                                Optional.of(UserId.of("s.two")))),
                (session, done) -> {});
        assertThat(names(G_ONE)).as("before the window's start").isEmpty();
        assertThatThrownBy(() -> lockers.open(G_ONE, made.parts().get(0)))
                .isInstanceOf(org.locker.core.locker.LockerRefusal.class);

        clock.advance(java.time.Duration.ofDays(2));
        assertThat(lockers.reconcileWindows().opened()).isEqualTo(1);
        assertThat(names(G_ONE)).containsExactly("cards - One.txt");
        assertThat(read(lockers.open(G_ONE, made.parts().get(0)))).isEqualTo("pages of s.one");
        assertThat(read(lockers.open(G_ONE, made.deposit().id()))).isEqualTo("pages of s.one");
        assertThatThrownBy(() -> lockers.open(G_ONE, made.parts().get(1)))
                .isInstanceOf(org.locker.core.locker.LockerRefusal.class);
        assertThat(read(lockers.open(UserId.of("g.two"), made.deposit().id()))).isEqualTo("pages of s.two");
        assertThat(read(lockers.open(T_ONE, made.parts().get(1)))).isEqualTo("pages of s.two");
        assertThat(read(lockers.open(T_ONE, made.deposit().id()))).isEqualTo("every page");
        assertThat(lockers.distributions(T_ONE))
                .extracting(Lockers.Distribution::name)
                .containsExactly("cards.txt");

        clock.advance(java.time.Duration.ofDays(7));
        assertThat(lockers.reconcileWindows().closed()).isEqualTo(1);
        assertThat(names(G_ONE)).as("after the window's end").isEmpty();
        assertThatThrownBy(() -> lockers.open(G_ONE, made.parts().get(0)))
                .isInstanceOf(org.locker.core.locker.LockerRefusal.class);
    }

    private static ContentSource text(String text) {
        return new ContentSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "text/plain");
    }

    @Test
    void shouldShowGuardiansOnlyTheVersionsTheDepositorPublishesWithoutComments() throws IOException {
        java.time.Instant now = clock.instant();
        Deposited deposited = deposit(
                T_ONE,
                new DepositRequest(
                        "CIRCULAR",
                        "memo",
                        List.of("user:t.two", "user:g.one"),
                        false,
                        true,
                        Optional.of(now.minus(java.time.Duration.ofHours(1))),
                        Optional.of(now.plus(java.time.Duration.ofDays(7)))),
                "report.txt");
        System.out.println("[flow] deposit of one file to a teacher and a guardian (with the guardians' edition): "
                + lastDepositCost + " HTTP calls");
        List<LockerEntry> guardian = lockers.locker(G_ONE, LockerFilter.none());
        assertThat(guardian).extracting(LockerEntry::name).containsExactly("report.txt");
        org.locker.core.platform.NodeId edition = guardian.get(0).id();

        ContentSource corrected =
                new ContentSource(new ByteArrayInputStream("corrected".getBytes(StandardCharsets.UTF_8)), "text/plain");
        lockers.addVersion(T_TWO, deposited.id(), corrected, "mark changed");

        assertThat(read(lockers.open(G_ONE, edition))).isEqualTo("content of report.txt");
        assertThat(lockers.versions(G_ONE, edition))
                .extracting(org.locker.core.platform.Version::label)
                .containsExactly("1.0");
        assertThat(edition).as("one id per deposit for everyone").isEqualTo(deposited.id());
        try (org.locker.core.platform.PlatformSession own = school.platform.sessionAs(G_ONE)) {
            assertThat(own.findNode(deposited.id()))
                    .as("the platform does not let a guardian read the deposit itself, nor its versions")
                    .isEmpty();
        }

        lockers.publishVersion(T_ONE, deposited.id(), "1.1");

        assertThat(read(lockers.open(G_ONE, edition))).isEqualTo("corrected");
        assertThat(lockers.versions(G_ONE, edition))
                .extracting(org.locker.core.platform.Version::label, org.locker.core.platform.Version::comment)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1.0", ""), org.assertj.core.groups.Tuple.tuple("1.1", ""));
        assertThat(lockers.versions(T_TWO, deposited.id()))
                .extracting(org.locker.core.platform.Version::comment)
                .containsExactly("", "mark changed");
        assertThat(lockers.distributions(T_ONE))
                .extracting(Lockers.Distribution::name)
                .containsExactly("report.txt");
    }

    @Test
    void shouldWithdrawADepositFromEveryLocker() {
        Deposited deposited = deposit(T_ONE, request(false, false, "user:t.two", "category:staff"), "withdrawn.txt");
        assertThat(names(T_TWO)).containsExactly("withdrawn.txt");
        assertThat(names(STAFF)).containsExactly("withdrawn.txt");

        lockers.withdraw(T_ONE, deposited.id());

        assertThat(names(T_TWO)).isEmpty();
        assertThat(names(STAFF)).isEmpty();
        assertThatThrownBy(() -> lockers.open(T_TWO, deposited.id())).isInstanceOf(LockerRefusal.class);
    }
}
