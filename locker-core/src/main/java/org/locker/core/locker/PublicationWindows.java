package org.locker.core.locker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.locker.core.locker.Lockers.ReconcileReport;
import org.locker.core.locker.WindowStore.StoredWindow;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.PrincipalId;
import org.locker.core.platform.UserId;

/**
 * Publication windows: guardians see a deposit only while its window is open. Deposits with the same dates and
 * guardians share one window, granted through the window's group, whose members the guardians are only while
 * it is open: opening or closing a window changes one group, not the permissions of every deposit in it. The family
 * parts of a split are the exception: each is granted to its own family when the window opens, and revoked when it
 * closes (decision 0025).
 */
final class PublicationWindows {

    /**
     * A window: its node's name, the platform group its deposits are granted to, and whether it was open when
     * joined (its guardians' notification is then dated now, otherwise at its start).
     */
    record Window(String key, GroupId group, boolean open) {}

    private final ContentPlatform platform;
    private final Clock clock;
    private final WindowStore store;
    private final DepositStore deposits;
    private final DepositNotices notices;
    /** One window change at a time: two deposits joining a new window create it once. */
    private final ReentrantLock lock = new ReentrantLock();
    /** Told the next boundary of a window a deposit was just added to, so that it is applied on time. */
    private volatile Consumer<Instant> boundaries = boundary -> {};

    PublicationWindows(
            ContentPlatform platform, Clock clock, WindowStore store, DepositStore deposits, DepositNotices notices) {
        this.platform = platform;
        this.clock = clock;
        this.store = store;
        this.deposits = deposits;
        this.notices = notices;
    }

    /** Registers who applies windows at their boundaries (one listener: the service's reconciler). */
    void onBoundary(Consumer<Instant> listener) {
        this.boundaries = Objects.requireNonNull(listener, "listener");
    }

    /**
     * The window for these dates and guardians, created (with its group, and its members if it is open now) and
     * saved at once if it does not exist; the listener is told its next boundary.
     *
     * @param familyParts whether the deposit joining it holds family parts: the window is marked so that its
     *     boundaries grant and revoke them (the other windows' closing reads none of their deposits)
     */
    Window join(Instant from, Instant to, Set<PrincipalId> guardians, boolean familyParts) {
        List<String> names = guardians.stream().map(PrincipalId::value).sorted().toList();
        String key = key(from, to, names);
        GroupId group = GroupId.of("locker-window-" + key);
        boolean open;
        lock.lock();
        try (PlatformSession session = platform.systemSession()) {
            Optional<StoredWindow> existing = store.find(session, key);
            if (existing.isPresent()) {
                StoredWindow window = existing.get();
                // a boundary may have passed since the last reconcile: the new deposit is delivered now
                Instant now = clock.instant();
                boolean changed = !window.noticesGranted();
                if (changed) {
                    window = upgrade(session, window, now);
                }
                changed |= apply(session, window, now) != 0;
                if (familyParts && !window.familyParts()) {
                    store.markFamilyParts(session, window.id());
                    changed = true;
                }
                if (changed) {
                    session.save();
                }
                open = WindowState.at(from, to, now) == WindowState.OPEN;
            } else {
                store.ensureGroup(session, group, from, to);
                WindowState state = WindowState.at(from, to, clock.instant());
                if (state == WindowState.OPEN) {
                    guardians.forEach(g -> session.addMember(group, g));
                }
                store.create(session, key, from, to, names, group, state, familyParts);
                session.save();
                open = state == WindowState.OPEN;
            }
        } finally {
            lock.unlock();
        }
        WindowState.nextBoundary(from, to, clock.instant()).ifPresent(boundaries);
        return new Window(key, group, open);
    }

    /**
     * Opens the windows whose start has come (their guardian principals join the window's group) and closes those
     * whose end has passed (they leave it), idempotently: a run after a missed boundary corrects the state at once.
     * Its cost follows the number of windows, not of the deposits in them (but for the family parts of a split):
     * the guardians' notifications were recorded with the deposits, granted to the window's group too.
     */
    ReconcileReport reconcile() {
        lock.lock();
        try (PlatformSession session = platform.systemSession()) {
            Instant now = clock.instant();
            int opened = 0;
            int closed = 0;
            Optional<Instant> next = Optional.empty();
            for (StoredWindow stored : store.unsettled(session)) {
                boolean upgraded = !stored.noticesGranted();
                StoredWindow window = upgraded ? upgrade(session, stored, now) : stored;
                Optional<Instant> boundary = WindowState.nextBoundary(window.from(), window.to(), now);
                if (boundary.isPresent() && (next.isEmpty() || boundary.get().isBefore(next.get()))) {
                    next = boundary;
                }
                int change = apply(session, window, now);
                if (change > 0) {
                    opened++;
                } else if (change < 0) {
                    closed++;
                }
                if (change != 0 || upgraded) {
                    // each window's changes in a save of their own: the next window's query of its deposits then
                    // runs without unsaved changes to compare the index against (Oak diffs them on every query)
                    session.save();
                }
            }
            session.save();
            return new ReconcileReport(opened, closed, next);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A window made before decision 0026, whose opening recorded its guardians' notifications: if it has not opened
     * yet, each of its deposits' is recorded now the way later deposits record theirs (granted to its group, dated at
     * its start, or now if that has passed: the mail sender has walked past that instant), and it is marked when it
     * holds family parts. Not saved.
     */
    private StoredWindow upgrade(PlatformSession session, StoredWindow window, Instant now) {
        List<StoredDeposit> inWindow = deposits.inWindow(session, window.key());
        boolean parts = window.familyParts() || inWindow.stream().anyMatch(StoredDeposit::familyPart);
        boolean opened =
                window.state().filter(state -> state != WindowState.PENDING).isPresent();
        if (!opened) {
            List<PrincipalId> guardians = window.guardians().stream()
                    .map(name -> Principals.principal(session, name))
                    .toList();
            for (StoredDeposit deposit : inWindow) {
                if (deposit.edition()
                        || deposit.withdrawn()
                        || deposit.familyPart()
                        || !UserId.isValid(deposit.depositor())) {
                    continue; // a deposit names its depositor; its parts are told through it
                }
                notices.arrivedForGuardians(
                        session,
                        UserId.of(deposit.depositor()),
                        deposit.depositId(),
                        deposit.id().value(),
                        deposit.name(),
                        guardians,
                        window.group().orElseThrow(),
                        window.from().isAfter(now) ? window.from() : now,
                        Set.copyOf(deposit.node().strings(LockerModel.FAMILY_STUDENTS)));
            }
        }
        store.markUpgraded(session, window.id(), parts);
        return window.upgraded(parts);
    }

    /**
     * Brings a window to the state the clock asks for: its guardian principals join its group when it opens and
     * leave it when it closes. Returns 1 if it opened, -1 if it closed, 0 if its guardians' access did not change
     * (a change of state alone, PENDING to CLOSED, is stored and counts as 0). Not saved.
     */
    private int apply(PlatformSession session, StoredWindow window, Instant now) {
        WindowState wanted = WindowState.at(window.from(), window.to(), now);
        if (window.state().equals(Optional.of(wanted))) {
            return 0;
        }
        boolean inside = wanted == WindowState.OPEN;
        int change = 0;
        if (inside != window.state().equals(Optional.of(WindowState.OPEN))) {
            // only a window holding family parts reads its deposits, before any change of this window: Oak compares
            // unsaved changes against the index on every query
            List<StoredDeposit> inWindow = window.familyParts() ? deposits.inWindow(session, window.key()) : List.of();
            GroupId group = window.group().orElseThrow();
            for (String guardian : window.guardians()) {
                PrincipalId principal = Principals.principal(session, guardian);
                if (inside) {
                    session.addMember(group, principal);
                } else {
                    session.removeMember(group, principal);
                }
            }
            // the family parts of a split are granted to each family themselves (decision 0025)
            DepositFamilyParts.applyWindow(session, inWindow, inside);
            change = inside ? 1 : -1;
        }
        store.setState(session, window.id(), wanted);
        return change;
    }

    private static String key(Instant from, Instant to, List<String> guardians) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((from + "|" + to + "|" + String.join(",", guardians)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
