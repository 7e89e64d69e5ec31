package org.locker.core.locker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.locker.core.locker.LockerSchool.COUNSELOR;
import static org.locker.core.locker.LockerSchool.STAFF;
import static org.locker.core.locker.LockerSchool.T_ONE;
import static org.locker.core.locker.LockerSchool.T_TWO;
import static org.locker.core.locker.LockerSchool.request;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locker.core.locker.Lockers.Deposited;
import org.locker.core.locker.Lockers.LockerEntry;
import org.locker.core.locker.Lockers.LockerFilter;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LockerListingTest {

    private final LockerSchool school = new LockerSchool();

    @AfterAll
    void close() {
        school.close();
    }

    @Test
    void myLockerShouldListUnreadFirstThenNewestFirst() {
        Deposited older = school.deposit(T_ONE, request("user:c.couns"), "older.txt");
        school.clock.advance(Duration.ofMinutes(1));
        Deposited newer = school.deposit(T_ONE, request("user:c.couns"), "newer.txt");
        school.clock.advance(Duration.ofMinutes(1));
        Deposited newest = school.deposit(T_ONE, request("user:c.couns"), "newest.txt");

        assertThat(school.lockerNames(COUNSELOR)).containsExactly("newest.txt", "newer.txt", "older.txt");

        school.read(COUNSELOR, newest.id());
        List<LockerEntry> entries = school.listing.locker(COUNSELOR, LockerFilter.none());
        assertThat(entries).extracting(LockerEntry::name).containsExactly("newer.txt", "older.txt", "newest.txt");
        assertThat(entries).extracting(LockerEntry::opened).containsExactly(false, false, true);
        LockerEntry entry = entries.get(0);
        assertThat(entry.id()).isEqualTo(newer.id());
        assertThat(entry.depositor()).isEqualTo("t.one");
        assertThat(entry.documentType()).isEqualTo("OTHER");
        assertThat(entry.version()).isEqualTo("1.0");
        assertThat(entry.mimeType()).startsWith("text/plain");
        assertThat(entry.size()).isEqualTo("content of newer.txt".length());
        assertThat(entry.canModify()).as("a read-only recipient").isFalse();
        assertThat(older.name()).isEqualTo("older.txt");
    }

    @Test
    void filtersShouldNarrowTheListing() {
        school.deposit(
                T_TWO,
                new DepositRequest(
                        "CIRCULAR", "", List.of("user:s.staff"), false, true, Optional.empty(), Optional.empty()),
                "circular.txt");
        school.deposit(T_ONE, request("user:s.staff"), "other.txt");

        assertThat(names(new LockerFilter(
                        Optional.of("CIRCULAR"), Optional.empty(), Optional.empty(), Optional.empty())))
                .containsExactly("circular.txt");
        assertThat(names(new LockerFilter(Optional.empty(), Optional.of("t.one"), Optional.empty(), Optional.empty())))
                .contains("other.txt")
                .doesNotContain("circular.txt");
        assertThat(names(new LockerFilter(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(school.clock.instant().plusSeconds(1)),
                        Optional.empty())))
                .isEmpty();
        LockerEntry circular = school.listing.locker(STAFF, LockerFilter.none()).stream()
                .filter(e -> e.name().equals("circular.txt"))
                .findFirst()
                .orElseThrow();
        assertThat(circular.canModify())
                .as("the deposit allows recipients to modify it")
                .isTrue();
    }

    @Test
    void aWithdrawnDepositShouldLeaveEveryLocker() {
        Deposited deposited = school.deposit(T_ONE, request("user:t.two"), "withdrawn.txt");
        assertThat(school.lockerNames(T_TWO)).contains("withdrawn.txt");

        school.distributions.withdraw(T_ONE, deposited.id());

        assertThat(school.lockerNames(T_TWO)).doesNotContain("withdrawn.txt");
    }

    private List<String> names(LockerFilter filter) {
        return school.listing.locker(STAFF, filter).stream()
                .map(LockerEntry::name)
                .toList();
    }
}
