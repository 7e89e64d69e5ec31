package org.locker.core.locker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.locker.core.locker.LockerSchool.GUARDIAN;
import static org.locker.core.locker.LockerSchool.T_ONE;
import static org.locker.core.locker.LockerSchool.windowed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locker.core.locker.Lockers.ReconcileReport;
import org.locker.core.locker.PublicationWindows.Window;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.UserId;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicationWindowsTest {

    private static final Instant FROM = Instant.parse("2026-04-01T08:00:00Z");
    private static final Instant TO = Instant.parse("2026-04-03T08:00:00Z");

    private final LockerSchool school = new LockerSchool();

    @AfterAll
    void close() {
        school.close();
    }

    @Test
    void aWindowShouldBePendingThenOpenThenClosedItsEndExcluded() {
        assertThat(WindowState.at(FROM, TO, FROM.minusSeconds(1))).isEqualTo(WindowState.PENDING);
        assertThat(WindowState.at(FROM, TO, FROM)).isEqualTo(WindowState.OPEN);
        assertThat(WindowState.at(FROM, TO, TO.minusSeconds(1))).isEqualTo(WindowState.OPEN);
        assertThat(WindowState.at(FROM, TO, TO)).isEqualTo(WindowState.CLOSED);

        assertThat(WindowState.nextBoundary(FROM, TO, FROM.minusSeconds(1))).contains(FROM);
        assertThat(WindowState.nextBoundary(FROM, TO, FROM)).contains(TO);
        assertThat(WindowState.nextBoundary(FROM, TO, TO)).isEmpty();
    }

    @Test
    void guardiansShouldSeeADepositOnlyWhileItsWindowIsOpen() {
        List<Instant> told = new ArrayList<>();
        school.windows.onBoundary(told::add);
        Instant from = school.clock.instant().plus(Duration.ofDays(1));
        Instant to = from.plus(Duration.ofDays(2));
        school.deposit(T_ONE, windowed(from, to, "user:g.parent"), "trip.txt");

        assertThat(told).as("the reconciler is told when to come back").containsExactly(from);
        assertThat(school.lockerNames(GUARDIAN)).doesNotContain("trip.txt");

        school.clock.advance(Duration.ofDays(1));
        ReconcileReport opening = school.windows.reconcile();
        assertThat(opening.opened()).isEqualTo(1);
        assertThat(opening.nextBoundary()).contains(to);
        assertThat(school.lockerNames(GUARDIAN)).contains("trip.txt");
        assertThat(school.windows.reconcile().opened()).as("idempotent").isZero();

        school.clock.advance(Duration.ofDays(2));
        ReconcileReport closing = school.windows.reconcile();
        assertThat(closing.closed()).isEqualTo(1);
        assertThat(school.lockerNames(GUARDIAN)).doesNotContain("trip.txt");
    }

    @Test
    void depositsWithTheSameDatesAndGuardiansShouldShareOneWindowItsGroupHoldingThemOnlyWhenOpen() {
        Instant now = school.clock.instant();
        Set<PrincipalId> guardians = Set.of(UserId.of("g.other"));
        Window pending =
                school.windows.join(now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)), guardians, false);
        Window again =
                school.windows.join(now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)), guardians, false);
        Window open =
                school.windows.join(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)), guardians, false);

        assertThat(again).isEqualTo(pending);
        assertThat(open).isNotEqualTo(pending);
        try (PlatformSession session = school.platform.systemSession()) {
            assertThat(session.members(pending.group())).isEmpty();
            assertThat(session.members(open.group())).containsExactly(UserId.of("g.other"));
            WindowStore.StoredWindow stored =
                    new WindowStore().find(session, open.key()).orElseThrow();
            assertThat(stored.state()).contains(WindowState.OPEN);
            assertThat(stored.group()).isEqualTo(Optional.of(open.group()));
        }
    }
}
