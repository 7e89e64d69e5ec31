package org.locker.core.locker;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.locker.core.directory.ClassGroup;
import org.locker.core.notification.NewNotification;
import org.locker.core.notification.NotificationKind;
import org.locker.core.notification.Notifications;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.User;
import org.locker.core.platform.UserId;

/**
 * The notifications of lockers, recorded in the session of their cause before its save: a document arrived
 * (personnel at the deposit; guardians at the deposit too, but through the window's group, so that they see it while
 * the window is open), a new version, a reminder. One record per cause and audience, carrying its users, whatever
 * their number.
 */
final class DepositNotices {

    private static final String CLASS_GROUP_PREFIX = "locker-class-";

    private final Notifications notifications;

    DepositNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    /** The web app's route to a deposit, the same for every reader (decision 0014: one id per deposit). */
    static String link(String nodeId) {
        return "#/locker/" + nodeId;
    }

    /** A document arrived for {@code principals} (personnel), but its depositor. */
    void arrived(
            PlatformSession session,
            UserId depositor,
            String depositId,
            String nodeId,
            String name,
            Collection<? extends PrincipalId> principals,
            Instant at) {
        Set<String> users = users(session, principals);
        users.remove(depositor.value());
        record(
                session,
                NotificationKind.DOCUMENT,
                at,
                users,
                depositId,
                name,
                displayName(session, depositor),
                link(nodeId),
                classes(principals.stream().map(PrincipalId::value).toList()));
    }

    /**
     * A document for guardians, recorded in the deposit's own save and granted to its window's group, whose members
     * the guardians are only while the window is open: they see the notification exactly while they see the document,
     * and a window's opening writes nothing for it, whatever its number of deposits (decision 0026).
     *
     * @param window the window's group
     * @param at now when the window is open, otherwise its start: when the guardians can see it (the mail sender
     *     takes no record before its instant)
     * @param students the students it is about (a split's: each family is told which child it concerns)
     */
    void arrivedForGuardians(
            PlatformSession session,
            UserId depositor,
            String depositId,
            String nodeId,
            String name,
            Collection<? extends PrincipalId> guardians,
            GroupId window,
            Instant at,
            Set<String> students) {
        Set<String> users = users(session, guardians);
        users.remove(depositor.value());
        notifications.record(
                session,
                NewNotification.of(
                                NotificationKind.DOCUMENT,
                                at,
                                users.stream().map(UserId::of).toList(),
                                depositId,
                                name,
                                displayName(session, depositor),
                                link(nodeId))
                        .concerning(
                                students,
                                classes(guardians.stream()
                                        .map(PrincipalId::value)
                                        .toList()))
                        .via(List.of(window)));
    }

    /**
     * A deposit was withdrawn: its notifications nobody can see yet (a window not open) are taken back; for a
     * split's family part, from that family only.
     */
    void withdrawn(PlatformSession system, StoredDeposit deposit, Instant now) {
        if (deposit.familyPart()) {
            Set<UserId> family =
                    users(
                                    system,
                                    deposit.recipients().stream()
                                            .map(DepositNotices::principalOf)
                                            .toList())
                            .stream()
                            .map(UserId::of)
                            .collect(Collectors.toSet());
            notifications.forgetUpcoming(system, deposit.depositId(), family, now);
        } else {
            notifications.forgetUpcoming(system, deposit.depositId(), now);
        }
    }

    /**
     * A new version {@code label} by {@code author}: to the deposit's personnel readers and its depositor, but the
     * author; to its guardians too when {@code toGuardians} (it was published to them and they can see it).
     */
    void newVersion(
            PlatformSession system,
            StoredDeposit deposit,
            UserId author,
            String label,
            boolean toGuardians,
            Instant at) {
        Set<String> guardians = new HashSet<>(deposit.node().strings(LockerModel.GUARDIAN_RECIPIENTS));
        List<PrincipalId> principals = deposit.recipients().stream()
                .filter(p -> toGuardians || !guardians.contains(p))
                .map(DepositNotices::principalOf)
                .toList();
        Set<String> users = users(system, principals);
        if (!deposit.depositor().isEmpty()) {
            users.add(deposit.depositor());
        }
        users.remove(author.value());
        record(
                system,
                NotificationKind.VERSION,
                at,
                users,
                deposit.depositId(),
                deposit.name() + " (" + label + ")",
                displayName(system, author),
                link(deposit.id().value()),
                classes(toGuardians ? deposit.recipients() : List.of()));
    }

    /** The depositor published a co-recipient's version {@code label} to the guardians: they are told now. */
    void published(PlatformSession system, StoredDeposit deposit, UserId publisher, String label, Instant at) {
        List<String> guardians = deposit.node().strings(LockerModel.GUARDIAN_RECIPIENTS);
        Set<String> users = users(
                system, guardians.stream().map(DepositNotices::principalOf).toList());
        users.remove(publisher.value());
        record(
                system,
                NotificationKind.VERSION,
                at,
                users,
                deposit.depositId(),
                deposit.name() + " (" + label + ")",
                displayName(system, publisher),
                link(deposit.id().value()),
                classes(guardians));
    }

    /** {@code by} reminded {@code users} of the deposit. */
    void reminded(PlatformSession system, StoredDeposit deposit, UserId by, Collection<String> users, Instant at) {
        record(
                system,
                NotificationKind.REMINDER,
                at,
                new LinkedHashSet<>(users),
                deposit.depositId(),
                deposit.name(),
                displayName(system, by),
                link(deposit.id().value()),
                classes(deposit.node().strings(LockerModel.GUARDIAN_RECIPIENTS)));
    }

    private void record(
            PlatformSession session,
            NotificationKind kind,
            Instant at,
            Set<String> users,
            String item,
            String title,
            String actor,
            String link,
            Set<String> classes) {
        notifications.record(
                session,
                new NewNotification(
                        kind,
                        at,
                        users.stream().map(UserId::of).toList(),
                        item,
                        title,
                        actor,
                        link,
                        Set.of(),
                        classes));
    }

    /** The users the principals are or hold, through nested groups (a category, a team, a class's guardians). */
    private static Set<String> users(PlatformSession session, Collection<? extends PrincipalId> principals) {
        Set<String> users = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        for (PrincipalId principal : principals) {
            Principals.expand(session, principal, users, seen);
        }
        return users;
    }

    /** The classes named by class groups among the principals ({@code locker-class-6A-guardians}: 6A). */
    private static Set<String> classes(Collection<String> principals) {
        Set<String> classes = new LinkedHashSet<>();
        for (String principal : principals) {
            if (!principal.startsWith(CLASS_GROUP_PREFIX)) {
                continue;
            }
            for (ClassGroup group : ClassGroup.values()) {
                String suffix = "-" + group.suffix();
                if (principal.endsWith(suffix)) {
                    classes.add(principal.substring(CLASS_GROUP_PREFIX.length(), principal.length() - suffix.length()));
                }
            }
        }
        return classes;
    }

    /**
     * The principal a stored name stands for, without a look-up per name (a window may name 5,000 guardians): the
     * engine's groups and the platform's recipient sets are named {@code locker-...}, users never are.
     */
    private static PrincipalId principalOf(String name) {
        return name.startsWith("locker-") || !UserId.isValid(name) ? GroupId.of(name) : UserId.of(name);
    }

    private static String displayName(PlatformSession session, UserId user) {
        return session.findUser(user).map(User::displayName).orElse("");
    }
}
