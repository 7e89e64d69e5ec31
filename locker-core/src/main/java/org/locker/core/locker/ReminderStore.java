package org.locker.core.locker;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locker.core.platform.Node;
import org.locker.core.platform.NodeQuery;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * Reminders on the platform: one node per deposit and reminded user under {@code /reminders/<depositId>}, its date
 * moved on at each reminder, so that a reminder survives restarts and the recipient's locker can show it. Works
 * in the caller's (system) session; the caller saves.
 */
final class ReminderStore {

    /** A reminder as stored. */
    record StoredReminder(String depositId, String user, String remindedBy, Instant at) {}

    /** Records that {@code by} reminded {@code user} of the deposit at {@code at}. */
    void record(PlatformSession session, String depositId, String user, UserId by, Instant at) {
        Node folder = session.ensureFolder(LockerModel.REMINDERS_FOLDER + "/" + depositId);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(LockerModel.DEPOSIT_ID, depositId);
        properties.put(LockerModel.REMINDED_USER, user);
        properties.put(LockerModel.REMINDED_BY, by.value());
        properties.put(LockerModel.REMINDED_AT, at);
        Optional<Node> existing = session.children(folder.id()).stream()
                .filter(c -> c.name().equals(user))
                .findFirst();
        if (existing.isPresent()) {
            session.updateProperties(existing.get().id(), properties);
        } else {
            session.createFolder(folder.id(), user, LockerModel.REMINDER, properties);
        }
    }

    /** The latest reminder of each user reminded of the deposit. */
    Map<String, StoredReminder> ofDeposit(PlatformSession session, String depositId) {
        Map<String, StoredReminder> reminders = new HashMap<>();
        session.nodeAt(LockerModel.REMINDERS_FOLDER + "/" + depositId)
                .ifPresent(folder -> session.children(folder.id()).stream()
                        .map(ReminderStore::read)
                        .forEach(r -> reminders.put(r.user(), r)));
        return reminders;
    }

    /** The reminders sent to {@code user}, one per deposit. */
    List<StoredReminder> sentTo(PlatformSession session, UserId user) {
        return session
                .query(NodeQuery.ofType(LockerModel.REMINDER)
                        .whereEquals(LockerModel.REMINDED_USER, user.value())
                        .page(0, 10_000)
                        .build())
                .stream()
                .map(ReminderStore::read)
                .toList();
    }

    private static StoredReminder read(Node node) {
        return new StoredReminder(
                node.string(LockerModel.DEPOSIT_ID).orElse(""),
                node.string(LockerModel.REMINDED_USER).orElse(node.name()),
                node.string(LockerModel.REMINDED_BY).orElse(""),
                node.instant(LockerModel.REMINDED_AT).orElse(node.created()));
    }
}
