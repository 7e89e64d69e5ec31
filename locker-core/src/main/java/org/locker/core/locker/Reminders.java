package org.locker.core.locker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locker.core.locker.LockerRefusal.Reason;
import org.locker.core.locker.Lockers.Audience;
import org.locker.core.locker.Lockers.Reminded;
import org.locker.core.locker.Lockers.Reminder;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * "Remind those who have not opened it": the depositor records a reminder for each recipient who has not opened
 * the deposit yet (of one audience when asked); each recipient's locker shows it until they open the document. At
 * most one reminder a day per deposit and audience, so that nobody is pressed again and again (decision 0018).
 */
final class Reminders {

    /** How long after a reminder another one of the same deposit (and audience) is refused. */
    static final Duration QUIET_PERIOD = Duration.ofHours(24);

    private final ContentPlatform platform;
    private final Clock clock;
    private final DepositStore store;
    private final Distributions distributions;
    private final ReminderStore reminders = new ReminderStore();
    private final DepositNotices notices;

    Reminders(
            ContentPlatform platform,
            Clock clock,
            DepositStore store,
            Distributions distributions,
            DepositNotices notices) {
        this.platform = platform;
        this.clock = clock;
        this.store = store;
        this.distributions = distributions;
        this.notices = notices;
    }

    /**
     * Reminds the recipients (of {@code audience} when given) who have not opened the deposit and may see it now:
     * guardians only while its window is open.
     *
     * @throws LockerRefusal {@link Reason#UNKNOWN_DOCUMENT} (also withdrawn), {@link Reason#NOT_THE_DEPOSITOR},
     *     {@link Reason#REMINDED_RECENTLY} (with the instant from which another may be sent),
     *     {@link Reason#NOBODY_TO_REMIND}
     */
    Reminded remind(UserId depositor, NodeId id, Optional<Audience> audience) {
        Instant now = clock.instant();
        try (PlatformSession system = platform.systemSession()) {
            StoredDeposit deposit = distributions.ownDeposit(system, depositor, id);
            if (deposit.withdrawn()) {
                throw new LockerRefusal(Reason.UNKNOWN_DOCUMENT, id.value());
            }
            Map<String, Instant> opened = store.openings(system, deposit.depositId());
            Map<String, Audience> readers = Readers.of(system, deposit, opened.keySet());
            boolean guardiansSeeIt = deposit.visibleToGuardiansAt(now);
            List<String> toRemind = readers.entrySet().stream()
                    .filter(e -> audience.isEmpty() || e.getValue() == audience.get())
                    .filter(e -> e.getValue() == Audience.PERSONNEL || guardiansSeeIt)
                    .map(Map.Entry::getKey)
                    .filter(u -> !opened.containsKey(u))
                    .toList();
            Map<String, ReminderStore.StoredReminder> before = reminders.ofDeposit(system, deposit.depositId());
            Optional<Instant> last = before.values().stream()
                    .filter(r -> audience.isEmpty() || audience.get() == readers.get(r.user()))
                    .map(ReminderStore.StoredReminder::at)
                    .max(Instant::compareTo);
            if (last.isPresent() && now.isBefore(last.get().plus(QUIET_PERIOD))) {
                throw new LockerRefusal(Reason.REMINDED_RECENTLY, last.get().plus(QUIET_PERIOD));
            }
            if (toRemind.isEmpty()) {
                throw new LockerRefusal(Reason.NOBODY_TO_REMIND);
            }
            for (String user : toRemind) {
                reminders.record(system, deposit.depositId(), user, depositor, now);
            }
            notices.reminded(system, deposit, depositor, toRemind, now);
            system.save();
            return new Reminded(toRemind.size(), now);
        }
    }

    /** The reminders {@code recipient} received for deposits they have not opened since. */
    List<Reminder> remindersFor(UserId recipient) {
        try (PlatformSession system = platform.systemSession()) {
            Set<String> opened = store.openedBy(system, recipient);
            return reminders.sentTo(system, recipient).stream()
                    .filter(r -> !opened.contains(r.depositId()))
                    .map(r -> new Reminder(r.depositId(), r.remindedBy(), r.at()))
                    .toList();
        }
    }
}
