package org.locker.core.locker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.locker.core.locker.LockerSchool.GUARDIAN;
import static org.locker.core.locker.LockerSchool.OTHER_GUARDIAN;
import static org.locker.core.locker.LockerSchool.T_ONE;
import static org.locker.core.locker.LockerSchool.T_TWO;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locker.core.audit.AuditAction;
import org.locker.core.audit.AuditFilter;
import org.locker.core.directory.Profile;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.locker.Lockers.FamilyPart;
import org.locker.core.locker.Lockers.LockerEntry;
import org.locker.core.locker.Lockers.LockerFilter;
import org.locker.core.locker.Lockers.PartsDeposited;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.UserId;

/**
 * A document cut per family (decision 0025): one deposit, one part per family that only that family's guardians
 * read, granted at the window's opening and revoked at its end, by the platform.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepositFamilyPartsTest {

    private final LockerSchool school = new LockerSchool();
    private final DepositFamilyParts parts = new DepositFamilyParts(
            school.platform, school.clock, school.store, school.windows, school.audit, school.notices);

    @AfterAll
    void close() {
        school.close();
    }

    /** To the two families of the school, published from {@code from} for two days. */
    private static DepositRequest toBothFamilies(Instant from) {
        return new DepositRequest(
                "OTHER",
                "",
                List.of("user:g.parent", "user:g.other"),
                false,
                false,
                Optional.of(from),
                Optional.of(from.plus(Duration.ofDays(2))));
    }

    /** Report cards for the two families of the school, published from {@code from} for two days. */
    private PartsDeposited reportCards(String name, Instant from) {
        return parts.deposit(
                school.deposits.prepare(T_ONE, Profile.TEACHER, toBothFamilies(from)),
                LockerSchool.text(name + ".txt", "every page"),
                List.of(
                        new FamilyPart(
                                name + " - Kid Kim.txt",
                                Set.of(GUARDIAN),
                                text("pages of Kim"),
                                Optional.of(UserId.of("st.kid"))),
                        new FamilyPart(
                                name + " - Other Oli.txt",
                                Set.of(OTHER_GUARDIAN),
                                text("pages of Oli"),
                                Optional.of(UserId.of("st.other")))),
                (session, made) -> {});
    }

    @Test
    void eachFamilyShouldReadOnlyItsOwnPartAndOnlyWhileTheWindowIsOpen() {
        Instant from = school.clock.instant().plus(Duration.ofDays(1));
        PartsDeposited made = reportCards("term", from);
        NodeId kims = made.parts().get(0);
        NodeId olis = made.parts().get(1);

        // pending: nobody in the families reads anything, by the platform
        assertThat(school.lockerNames(GUARDIAN)).doesNotContain("term - Kid Kim.txt");
        assertUnreadable(GUARDIAN, kims);
        assertUnreadable(GUARDIAN, made.deposit().id());

        school.clock.advance(Duration.ofDays(1));
        assertThat(school.windows.reconcile().opened()).isEqualTo(1);

        assertThat(notificationOf(GUARDIAN, "term.txt").students())
                .as("told at the window's opening, with the students it is about")
                .contains("st.kid");
        List<LockerEntry> locker = entries(GUARDIAN, "term");
        assertThat(locker).extracting(LockerEntry::name).containsExactly("term - Kid Kim.txt");
        assertThat(locker.get(0).id()).as("listed by its own id").isEqualTo(kims);
        assertThat(school.read(GUARDIAN, kims)).isEqualTo("pages of Kim");
        assertThat(school.read(GUARDIAN, made.deposit().id()))
                .as("the deposit's id, as its notification links it, opens the family's own part")
                .isEqualTo("pages of Kim");
        assertUnreadable(GUARDIAN, olis);
        assertThat(school.read(OTHER_GUARDIAN, made.deposit().id())).isEqualTo("pages of Oli");
        assertUnreadable(OTHER_GUARDIAN, kims);
        // the depositor reads the whole file and every part; another teacher nothing
        assertThat(school.read(T_ONE, made.deposit().id())).isEqualTo("every page");
        assertThat(school.read(T_ONE, olis)).isEqualTo("pages of Oli");
        assertUnreadable(T_TWO, kims);
        assertUnreadable(T_TWO, made.deposit().id());

        school.clock.advance(Duration.ofDays(2));
        school.windows.reconcile(); // the other tests' windows close too
        assertThat(entries(GUARDIAN, "term")).isEmpty();
        assertUnreadable(GUARDIAN, kims);
    }

    @Test
    void partsJoiningAWindowAWholeDepositMadeShouldStillBeTakenBackAtItsEnd() {
        Instant from = school.clock.instant().plus(Duration.ofDays(1)).plusSeconds(11);
        school.deposit(T_ONE, toBothFamilies(from), "letter.txt"); // makes the window, without parts
        PartsDeposited made = reportCards("exam", from);

        school.clock.advance(Duration.ofDays(1).plusSeconds(11));
        school.windows.reconcile();
        assertThat(school.read(GUARDIAN, made.parts().get(0))).isEqualTo("pages of Kim");
        assertThat(platformReads(GUARDIAN, made.parts().get(0))).isTrue();

        school.clock.advance(Duration.ofDays(2));
        school.windows.reconcile();
        assertThat(platformReads(GUARDIAN, made.parts().get(0)))
                .as("by the platform")
                .isFalse();
        assertThat(platformReads(OTHER_GUARDIAN, made.parts().get(1))).isFalse();
    }

    private boolean platformReads(UserId user, NodeId id) {
        try (org.locker.core.platform.PlatformSession session = school.platform.sessionAs(user)) {
            return session.findNode(id).isPresent();
        }
    }

    @Test
    void aPartWithdrawnBeforeTheWindowOpensShouldNeverBeAnnouncedToItsFamily() {
        Instant from = school.clock.instant().plus(Duration.ofDays(1)).plusSeconds(13);
        PartsDeposited made = reportCards("mock", from);
        school.distributions.withdraw(T_ONE, made.parts().get(0));

        school.clock.advance(Duration.ofDays(1).plusSeconds(13));
        school.windows.reconcile();

        assertThat(school.centre.page(GUARDIAN, Optional.empty(), 50).entries())
                .as("Kim's family")
                .noneMatch(e -> e.notification().title().equals("mock.txt"));
        assertThat(notificationOf(OTHER_GUARDIAN, "mock.txt").users()).containsExactly(OTHER_GUARDIAN);
        school.clock.advance(Duration.ofDays(2));
        school.windows.reconcile();
    }

    @Test
    void theWindowOfASplitMadeBeforeDecision0026ShouldGrantAndRevokeItsPartsAndTellEachFamily() {
        Instant from = school.clock.instant().plus(Duration.ofDays(1)).plusSeconds(19);
        PartsDeposited made = reportCards("old", from);
        school.asBeforeDecision0026(made.deposit().id());

        school.clock.advance(Duration.ofDays(1).plusSeconds(19));
        school.windows.reconcile();
        assertThat(platformReads(GUARDIAN, made.parts().get(0))).isTrue();
        assertThat(notificationOf(GUARDIAN, "old.txt").students()).contains("st.kid");

        school.clock.advance(Duration.ofDays(2));
        school.windows.reconcile();
        assertThat(platformReads(GUARDIAN, made.parts().get(0)))
                .as("revoked at its end")
                .isFalse();
    }

    @Test
    void aDepositCutPerFamilyShouldBeOneDistributionOneAuditLineAndTakeNoNewVersion() {
        PartsDeposited made = reportCards("summons", school.clock.instant().minusSeconds(60));

        assertThat(school.read(GUARDIAN, made.parts().get(0))).isEqualTo("pages of Kim");
        assertThat(notificationOf(OTHER_GUARDIAN, "summons.txt").students())
                .as("told at once, with the students it is about (each family's child among them)")
                .containsExactlyInAnyOrder("st.kid", "st.other");
        assertThat(school.audit.entries(AuditFilter.ofDeposit(made.deposit().depositId())).stream()
                        .filter(e -> e.action().equals(AuditAction.DEPOSITED.name())))
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("families=2"));
        assertThatThrownBy(() -> school.documents.addVersion(
                        T_ONE, made.deposit().id(), name -> text("a corrected file"), "fixed"))
                .isInstanceOfSatisfying(
                        LockerRefusal.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(Reason.PARTS_FIXED));
    }

    @Test
    void withdrawingAPartShouldTakeItFromItsFamilyOnlyAndWithdrawingTheDepositEveryPart() {
        PartsDeposited made = reportCards("trip", school.clock.instant().minusSeconds(60));

        school.distributions.withdraw(T_ONE, made.parts().get(0));
        assertUnreadable(GUARDIAN, made.parts().get(0));
        assertThat(school.read(OTHER_GUARDIAN, made.parts().get(1))).isEqualTo("pages of Oli");

        school.distributions.withdraw(T_ONE, made.deposit().id());
        assertUnreadable(OTHER_GUARDIAN, made.parts().get(1));
        assertThat(entries(OTHER_GUARDIAN, "trip")).isEmpty();
    }

    private org.locker.core.notification.Notification notificationOf(UserId user, String title) {
        return school.centre.page(user, Optional.empty(), 50).entries().stream()
                .map(org.locker.core.notification.NotificationCentre.Entry::notification)
                .filter(n -> n.title().equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError(user + " was not told of " + title));
    }

    private List<LockerEntry> entries(UserId user, String prefix) {
        return school.listing.locker(user, LockerFilter.none()).stream()
                .filter(e -> e.name().startsWith(prefix + " "))
                .toList();
    }

    private void assertUnreadable(UserId user, NodeId id) {
        assertThatThrownBy(() -> school.read(user, id))
                .as(user + " reads " + id)
                .isInstanceOfSatisfying(
                        LockerRefusal.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(Reason.UNKNOWN_DOCUMENT));
    }

    private static ContentSource text(String text) {
        return new ContentSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "text/plain");
    }
}
