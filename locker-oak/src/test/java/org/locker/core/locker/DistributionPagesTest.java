package org.locker.core.locker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.locker.core.locker.DepositDocumentTest.assertRefused;
import static org.locker.core.locker.LockerSchool.COUNSELOR;
import static org.locker.core.locker.LockerSchool.GUARDIAN;
import static org.locker.core.locker.LockerSchool.T_ONE;
import static org.locker.core.locker.LockerSchool.request;
import static org.locker.core.locker.LockerSchool.text;
import static org.locker.core.locker.LockerSchool.windowed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locker.core.directory.Profile;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.locker.Lockers.Audience;
import org.locker.core.locker.Lockers.DistributionPage;
import org.locker.core.locker.Lockers.ReceiptLine;

/** "My distributions" page by page, and the receipts of one deposit with each person's context. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistributionPagesTest {

    private final LockerSchool school = new LockerSchool();

    @AfterAll
    void close() {
        school.close();
    }

    @Test
    void pagesShouldGiveEveryDepositOnceNewestFirstEvenFilesOfOneDeposit() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            school.clock.advance(Duration.ofMinutes(1));
            expected.add(
                    0,
                    school.deposit(COUNSELOR, Profile.COUNSELOR, request("user:t.two"), "single-" + i + ".txt")
                            .name());
        }
        school.clock.advance(Duration.ofMinutes(1));
        // three files of one deposit share their date: a page boundary falls among them
        List<String> files = school
                .deposits
                .deposit(
                        school.deposits.prepare(COUNSELOR, Profile.COUNSELOR, request("user:t.two")),
                        List.of(text("a.txt", "a"), text("b.txt", "b"), text("c.txt", "c")))
                .stream()
                .map(Lockers.Deposited::name)
                .toList();

        List<String> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            DistributionPage page = school.distributions.page(COUNSELOR, cursor, 2, Optional.empty());
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            page.items().forEach(d -> seen.add(d.name()));
            cursor = page.next();
            pages++;
        } while (cursor.isPresent() && pages < 10);

        assertThat(seen).hasSize(6).doesNotHaveDuplicates();
        assertThat(seen.subList(0, 3)).containsExactlyInAnyOrderElementsOf(files);
        assertThat(seen.subList(3, 6)).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void aCursorNotGivenByTheServiceOrABadPageSizeShouldBeRefused() {
        assertRefused(
                () -> school.distributions.page(COUNSELOR, Optional.of("not-a-cursor"), 2, Optional.empty()),
                Reason.INVALID_CURSOR);
        assertRefused(
                () -> school.distributions.page(COUNSELOR, Optional.of("djJ8MTIzfA"), 2, Optional.empty()),
                Reason.INVALID_CURSOR); // "v2|123|" in base64: no ids
        assertRefused(
                () -> school.distributions.page(COUNSELOR, Optional.empty(), 0, Optional.empty()),
                Reason.INVALID_PAGE_SIZE);
        assertRefused(
                () -> school.distributions.page(COUNSELOR, Optional.empty(), 51, Optional.empty()),
                Reason.INVALID_PAGE_SIZE);
    }

    @Test
    void receiptsShouldNamePeopleWithTheirClassesAndSplitPersonnelFromGuardians() {
        Instant from = school.clock.instant().minus(Duration.ofHours(1));
        Lockers.Deposited deposited = school.deposit(
                T_ONE,
                windowed(from, from.plus(Duration.ofDays(7)), "user:t.two", "user:s.staff", "user:g.parent"),
                "trip.txt");
        school.windows.reconcile();
        school.read(GUARDIAN, deposited.id());

        List<ReceiptLine> all =
                school.distributions.receipts(T_ONE, deposited.id(), Optional.empty(), Optional.empty());
        assertThat(all)
                .extracting(ReceiptLine::name, ReceiptLine::classes, ReceiptLine::audience)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Gus Parent", List.of("6A"), Audience.GUARDIANS),
                        org.assertj.core.groups.Tuple.tuple("Sam Staff", List.of(), Audience.PERSONNEL),
                        org.assertj.core.groups.Tuple.tuple("Tim Two", List.of("5B"), Audience.PERSONNEL));
        assertThat(all.get(0).openedAt()).isPresent();
        assertThat(all.get(2).openedAt()).isEmpty();

        assertThat(school.distributions.receipts(T_ONE, deposited.id(), Optional.empty(), Optional.of("6A")))
                .extracting(ReceiptLine::user)
                .containsExactly("g.parent");
        assertThat(school.distributions.receipts(
                        T_ONE, deposited.id(), Optional.of(Audience.PERSONNEL), Optional.empty()))
                .extracting(ReceiptLine::user)
                .containsExactly("s.staff", "t.two");

        DistributionPage guardians =
                school.distributions.page(T_ONE, Optional.empty(), 50, Optional.of(Audience.GUARDIANS));
        assertThat(guardians.items()).extracting(Lockers.Distribution::name).contains("trip.txt");
        assertRefused(
                () -> school.distributions.receipts(
                        LockerSchool.T_TWO, deposited.id(), Optional.empty(), Optional.empty()),
                Reason.NOT_THE_DEPOSITOR);
        assertRefused(
                () -> school.distributions.receipts(COUNSELOR, deposited.id(), Optional.empty(), Optional.empty()),
                Reason.UNKNOWN_DOCUMENT);
    }
}
