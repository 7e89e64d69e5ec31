package org.locker.core.locker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.locker.core.locker.LockerSchool.COUNSELOR;
import static org.locker.core.locker.LockerSchool.GUARDIAN;
import static org.locker.core.locker.LockerSchool.STAFF;
import static org.locker.core.locker.LockerSchool.T_ONE;
import static org.locker.core.locker.LockerSchool.T_TWO;
import static org.locker.core.locker.LockerSchool.request;
import static org.locker.core.locker.LockerSchool.text;
import static org.locker.core.locker.LockerSchool.windowed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locker.core.directory.Profile;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.locker.Lockers.LockerEntry;
import org.locker.core.locker.Lockers.LockerFilter;
import org.locker.core.locker.Lockers.LockerPage;
import org.locker.core.platform.UserId;

/** My locker in pages: the order, no entry skipped or repeated while documents arrive, filters, bad cursors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LockerPagesTest {

    private final LockerSchool school = new LockerSchool();
    private final LockerPages pages = new LockerPages(school.platform, school.clock, school.store);

    @AfterAll
    void close() {
        school.close();
    }

    @Test
    void pagesShouldListNewestFirstWithoutSkippingOrRepeatingWhileDocumentsArrive() {
        // 7 deposits, 3 of them sharing one date (one deposit of three files), so that ties cross a page's end
        for (int i = 0; i < 4; i++) {
            school.deposit(T_ONE, request("user:c.couns"), "single-" + i + ".txt");
            school.clock.advance(Duration.ofMinutes(1));
        }
        school.deposits.deposit(
                school.deposits.prepare(T_ONE, Profile.TEACHER, request("user:c.couns")),
                List.of(text("tie-a.txt", "a"), text("tie-b.txt", "b"), text("tie-c.txt", "c")));
        school.clock.advance(Duration.ofMinutes(1));
        List<String> whole = school.lockerNames(COUNSELOR);
        assertThat(whole).hasSize(7);

        List<LockerEntry> seen = new ArrayList<>();
        LockerPage page = pages.page(COUNSELOR, LockerFilter.none(), Optional.empty(), 2);
        seen.addAll(page.entries());
        int arrived = 0;
        while (page.next().isPresent()) {
            assertThat(page.entries()).hasSize(2);
            // a document arrives between two pages: it belongs to the top of the locker, not to a later page
            school.deposit(T_TWO, request("user:c.couns"), "arrived-" + arrived++ + ".txt");
            school.clock.advance(Duration.ofMinutes(1));
            page = pages.page(COUNSELOR, LockerFilter.none(), page.next(), 2);
            seen.addAll(page.entries());
        }

        assertThat(seen)
                .extracting(LockerEntry::name)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(whole);
        assertThat(seen.subList(0, 3))
                .as("one deposit of three files: one date, ordered by deposit id")
                .extracting(LockerEntry::name)
                .containsExactlyInAnyOrder("tie-c.txt", "tie-b.txt", "tie-a.txt");
        assertThat(seen)
                .extracting(LockerEntry::name)
                .endsWith("single-3.txt", "single-2.txt", "single-1.txt", "single-0.txt");
        for (int i = 1; i < seen.size(); i++) {
            LockerEntry before = seen.get(i - 1);
            LockerEntry entry = seen.get(i);
            assertThat(entry.depositedAt().isBefore(before.depositedAt())
                            || entry.depositedAt().equals(before.depositedAt())
                                    && entry.depositId().compareTo(before.depositId()) < 0)
                    .as("%s after %s, newest first then by deposit id", entry.name(), before.name())
                    .isTrue();
        }
        List<String> top = pages.page(COUNSELOR, LockerFilter.none(), Optional.empty(), 50).entries().stream()
                .map(LockerEntry::name)
                .toList();
        assertThat(top).hasSize(7 + arrived).startsWith("arrived-" + (arrived - 1) + ".txt");
    }

    @Test
    void manyDocumentsOfOneDateShouldBePagedWholeAcrossTheBatchesTheListingReads() {
        for (int i = 0; i < 3; i++) {
            school.deposit(STAFF, Profile.STAFF, request("user:t.one"), "before-" + i + ".txt");
            school.clock.advance(Duration.ofSeconds(1));
        }
        school.deposits.deposit(
                school.deposits.prepare(STAFF, Profile.STAFF, request("user:t.one")),
                IntStream.range(0, 15)
                        .mapToObj(i -> text("same-" + i + ".txt", "s" + i))
                        .toList());
        school.clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 3; i++) {
            school.deposit(STAFF, Profile.STAFF, request("user:t.one"), "after-" + i + ".txt");
            school.clock.advance(Duration.ofSeconds(1));
        }
        List<String> seen = new ArrayList<>();
        LockerPage page = pages.page(T_ONE, LockerFilter.none(), Optional.empty(), 2);
        seen.addAll(page.entries().stream().map(LockerEntry::name).toList());
        while (page.next().isPresent()) {
            page = pages.page(T_ONE, LockerFilter.none(), page.next(), 2);
            seen.addAll(page.entries().stream().map(LockerEntry::name).toList());
        }
        assertThat(seen)
                .doesNotHaveDuplicates()
                .hasSize(21)
                .containsExactlyInAnyOrderElementsOf(school.lockerNames(T_ONE));
        assertThat(seen.subList(0, 3)).containsExactly("after-2.txt", "after-1.txt", "after-0.txt");
        assertThat(seen.subList(18, 21)).containsExactly("before-2.txt", "before-1.txt", "before-0.txt");
    }

    @Test
    void aPageShouldSkipWhatThePersonMayNotSeeAndStillBeFull() {
        List<Lockers.Deposited> withdrawn = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Lockers.Deposited d = school.deposit(T_ONE, request("user:s.staff"), "w-" + i + ".txt");
            if (i % 3 != 0) {
                withdrawn.add(d);
            }
            school.clock.advance(Duration.ofSeconds(1));
        }
        withdrawn.forEach(d -> school.distributions.withdraw(T_ONE, d.id()));

        LockerPage first = pages.page(STAFF, LockerFilter.none(), Optional.empty(), 4);
        assertThat(first.entries())
                .extracting(LockerEntry::name)
                .containsExactly("w-27.txt", "w-24.txt", "w-21.txt", "w-18.txt");
        LockerPage second = pages.page(STAFF, LockerFilter.none(), first.next(), 4);
        assertThat(second.entries())
                .extracting(LockerEntry::name)
                .containsExactly("w-15.txt", "w-12.txt", "w-9.txt", "w-6.txt");
    }

    @Test
    void filtersShouldApplyToEveryPage() {
        UserId reader = T_TWO;
        for (int i = 0; i < 9; i++) {
            school.deposit(
                    i % 2 == 0 ? T_ONE : LockerSchool.COUNSELOR,
                    i % 2 == 0 ? Profile.TEACHER : Profile.COUNSELOR,
                    request("user:t.two"),
                    "f-" + i + ".txt");
            school.clock.advance(Duration.ofSeconds(1));
        }
        LockerFilter byTeacher =
                new LockerFilter(Optional.empty(), Optional.of("t.one"), Optional.empty(), Optional.empty());
        List<String> names = new ArrayList<>();
        LockerPage page = pages.page(reader, byTeacher, Optional.empty(), 2);
        names.addAll(page.entries().stream().map(LockerEntry::name).toList());
        while (page.next().isPresent()) {
            page = pages.page(reader, byTeacher, page.next(), 2);
            names.addAll(page.entries().stream().map(LockerEntry::name).toList());
        }
        assertThat(names).containsExactly("f-8.txt", "f-6.txt", "f-4.txt", "f-2.txt", "f-0.txt");
    }

    @Test
    void aGuardiansPageShouldHoldOnlyDocumentsInsideTheirWindow() {
        var now = school.clock.instant();
        school.deposit(
                STAFF,
                Profile.STAFF,
                windowed(now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(9)), "guardians:6A"),
                "later.txt");
        school.clock.advance(Duration.ofSeconds(1));
        school.deposit(
                STAFF,
                Profile.STAFF,
                windowed(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)), "guardians:6A"),
                "open.txt");
        school.clock.advance(Duration.ofSeconds(1));
        school.windows.reconcile();

        LockerPage page = pages.page(GUARDIAN, LockerFilter.none(), Optional.empty(), 1);
        assertThat(page.entries()).extracting(LockerEntry::name).containsExactly("open.txt");
        assertThat(page.next()).isEmpty();

        // the window has ended; until the reconciler runs, the listing hides it all the same
        school.clock.advance(Duration.ofDays(10));
        assertThat(pages.page(GUARDIAN, LockerFilter.none(), Optional.empty(), 1)
                        .entries())
                .isEmpty();
    }

    @Test
    void aCursorNoPageGaveOrAPageSizeOutOfRangeShouldBeRefused() {
        for (String bad : List.of("not-a-cursor", "%%%", "MXwxfDJ8", "Mnx4fHl8eg")) {
            assertThatThrownBy(() -> pages.page(COUNSELOR, LockerFilter.none(), Optional.of(bad), 10))
                    .isInstanceOfSatisfying(
                            LockerRefusal.class, r -> assertThat(r.reason()).isEqualTo(Reason.INVALID_CURSOR));
        }
        IntStream.of(0, -1, LockerPages.MAX_PAGE + 1)
                .forEach(size -> assertThatThrownBy(
                                () -> pages.page(COUNSELOR, LockerFilter.none(), Optional.empty(), size))
                        .isInstanceOfSatisfying(
                                LockerRefusal.class, r -> assertThat(r.reason()).isEqualTo(Reason.INVALID_PAGE_SIZE)));
    }
}
