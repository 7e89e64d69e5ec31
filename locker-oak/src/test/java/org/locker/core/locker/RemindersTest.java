package org.locker.core.locker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.locker.core.locker.DepositDocumentTest.assertRefused;
import static org.locker.core.locker.LockerSchool.COUNSELOR;
import static org.locker.core.locker.LockerSchool.STAFF;
import static org.locker.core.locker.LockerSchool.T_ONE;
import static org.locker.core.locker.LockerSchool.T_TWO;
import static org.locker.core.locker.LockerSchool.request;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.locker.Lockers.Deposited;
import org.locker.core.locker.Lockers.Reminded;
import org.locker.core.locker.Lockers.Reminder;

/** "Remind those who have not opened it": recorded on the platform, shown to the recipient, not too often. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemindersTest {

    private final LockerSchool school = new LockerSchool();

    @AfterAll
    void close() {
        school.close();
    }

    @Test
    void theDepositorShouldRemindThoseWhoHaveNotOpenedItOnceADay() {
        Deposited deposited = school.deposit(T_ONE, request("user:s.staff", "user:c.couns"), "minutes.txt");
        school.read(STAFF, deposited.id());
        Instant at = school.clock.instant();

        assertThat(school.reminders.remind(T_ONE, deposited.id(), Optional.empty()))
                .isEqualTo(new Reminded(1, at));
        assertThat(school.reminders.remindersFor(COUNSELOR))
                .containsExactly(new Reminder(deposited.depositId(), "t.one", at));
        assertThat(school.reminders.remindersFor(STAFF)).as("opened it").isEmpty();
        assertThat(school.distributions.receipts(T_ONE, deposited.id(), Optional.empty(), Optional.empty()))
                .filteredOn(r -> r.user().equals("c.couns"))
                .extracting(Lockers.ReceiptLine::remindedAt)
                .containsExactly(Optional.of(at));

        school.clock.advance(Duration.ofHours(23));
        assertRefused(() -> school.reminders.remind(T_ONE, deposited.id(), Optional.empty()), Reason.REMINDED_RECENTLY);
        school.clock.advance(Duration.ofHours(2));
        assertThat(school.reminders
                        .remind(T_ONE, deposited.id(), Optional.empty())
                        .reminded())
                .isEqualTo(1);

        school.read(COUNSELOR, deposited.id());
        assertThat(school.reminders.remindersFor(COUNSELOR)).as("opened since").isEmpty();
        school.clock.advance(Duration.ofDays(2));
        assertRefused(() -> school.reminders.remind(T_ONE, deposited.id(), Optional.empty()), Reason.NOBODY_TO_REMIND);
    }

    @Test
    void onlyTheDepositorShouldRemind() {
        Deposited deposited = school.deposit(T_ONE, request("user:s.staff"), "notice.txt");
        assertRefused(() -> school.reminders.remind(STAFF, deposited.id(), Optional.empty()), Reason.NOT_THE_DEPOSITOR);
        assertRefused(() -> school.reminders.remind(T_TWO, deposited.id(), Optional.empty()), Reason.UNKNOWN_DOCUMENT);
        assertThat(school.reminders.remindersFor(STAFF)).isEmpty();
        school.distributions.withdraw(T_ONE, deposited.id());
        assertRefused(() -> school.reminders.remind(T_ONE, deposited.id(), Optional.empty()), Reason.UNKNOWN_DOCUMENT);
    }
}
