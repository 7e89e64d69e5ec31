package org.locker.core.collect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locker.core.collect.CollectRefusal.Reason;
import org.locker.core.collect.CollectRequests.Reminded;
import org.locker.core.collect.CollectRequests.RequestView;
import org.locker.core.collect.CollectRequests.SlotState;
import org.locker.core.collect.CollectRequests.State;
import org.locker.core.notification.NotificationKind;
import org.locker.core.notification.Notifications;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * Reminds the targets who have not handed in: on the requester's demand (at most once in 24 hours, as deposits'
 * reminders), and automatically N days before the deadline (at most once per request, whatever the number of runs).
 * Each reminded slot keeps the date, which its target sees. This is where a reminder reaches people: the users in
 * {@link Reminded} are those to notify.
 */
final class RemindMissing {

    /** How long after a reminder on demand another one is refused. */
    static final Duration QUIET_PERIOD = Duration.ofHours(24);

    private final ContentPlatform platform;
    private final Clock clock;
    private final Notifications notifications;
    private final CollectAudit audit;

    RemindMissing(ContentPlatform platform, Clock clock, Notifications notifications, CollectAudit audit) {
        this.platform = platform;
        this.clock = clock;
        this.notifications = notifications;
        this.audit = audit;
    }

    Reminded remind(UserId requester, NodeId id) {
        Instant now = clock.instant();
        Reminded reminded;
        try (PlatformSession system = platform.systemSession()) {
            Node request = PublishCollectRequest.ownRequest(requester, id, system);
            if (CollectStore.state(request) != State.PUBLISHED) {
                throw new CollectRefusal(Reason.REQUEST_NOT_PUBLISHED);
            }
            if (!CollectStore.open(request, now)) {
                throw new CollectRefusal(Reason.REQUEST_CLOSED);
            }
            Optional<Instant> last = request.instant(CollectModel.REMINDED_AT);
            if (last.isPresent() && now.isBefore(last.get().plus(QUIET_PERIOD))) {
                throw new CollectRefusal(
                        Reason.COLLECT_REMINDED_RECENTLY, last.get().plus(QUIET_PERIOD));
            }
            Set<UserId> users = remindSlots(system, request, now);
            if (users.isEmpty()) {
                throw new CollectRefusal(Reason.NOBODY_MISSING);
            }
            system.updateProperties(request.id(), Map.of(CollectModel.REMINDED_AT, now));
            notify(system, request, users, now);
            audit.reminded(system, CollectStore.view(request, now), users.size(), false);
            system.save();
            reminded = new Reminded(id.value(), users, now, false);
        }
        return reminded;
    }

    /** The automatic reminders due: published, open, within N days of the deadline, not yet sent. */
    List<Reminded> remindDue() {
        Instant now = clock.instant();
        List<Reminded> done = new ArrayList<>();
        try (PlatformSession system = platform.systemSession()) {
            for (Node request : CollectStore.requestsIn(system, State.PUBLISHED)) {
                long days = request.number(CollectModel.REMIND_DAYS_BEFORE).orElse(0L);
                Instant deadline = CollectStore.deadline(request);
                if (days <= 0
                        || request.instant(CollectModel.AUTO_REMINDED_AT).isPresent()
                        || !now.isBefore(deadline)
                        || now.isBefore(deadline.minus(Duration.ofDays(days)))) {
                    continue;
                }
                Set<UserId> users = remindSlots(system, request, now);
                // recorded even when nobody was missing: once per request
                system.updateProperties(request.id(), Map.of(CollectModel.AUTO_REMINDED_AT, now));
                notify(system, request, users, now);
                if (!users.isEmpty()) {
                    // nobody missing: nothing was sent, no line
                    audit.reminded(system, CollectStore.view(request, now), users.size(), true);
                }
                system.save();
                if (!users.isEmpty()) {
                    done.add(new Reminded(request.id().value(), users, now, true));
                }
            }
        }
        return done;
    }

    private static Set<UserId> remindSlots(PlatformSession system, Node request, Instant now) {
        Set<UserId> users = new LinkedHashSet<>();
        for (Node slot : CollectStore.slots(system, request)) {
            if (CollectStore.slotView(slot, List.of()).state() == SlotState.MISSING) {
                system.updateProperties(slot.id(), Map.of(CollectModel.SLOT_REMINDED_AT, now));
                users.add(UserId.of(slot.string(CollectModel.SLOT_TARGET).orElseThrow()));
            }
        }
        return users;
    }

    /** Those reminded are notified in the reminder's own save. */
    private void notify(PlatformSession system, Node request, Set<UserId> users, Instant now) {
        RequestView view = CollectStore.view(request, now);
        notifications.record(
                system, CollectNotices.of(system, NotificationKind.COLLECT_REMINDER, view, users, Set.of(), now));
    }
}
