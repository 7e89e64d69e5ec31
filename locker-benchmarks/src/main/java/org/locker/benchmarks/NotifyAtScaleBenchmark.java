package org.locker.benchmarks;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.locker.core.directory.Profile;
import org.locker.core.locker.DepositRequest;
import org.locker.core.locker.Lockers;
import org.locker.core.notification.NotificationCentre;
import org.locker.core.notification.Notifications;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.UserId;

/**
 * Issue 15: a deposit to 5,000 guardians (the guardians of 100 classes of 50, window open) records its
 * notifications without adding more than 20 % to the deposit's time. The same deposit is made with notifications
 * recorded (the product) and without ({@link Notifications#off()}, a switch only this benchmark uses), side by
 * side and interleaved in one run, each repetition to a different set of classes (shifted by one), so that each
 * makes a new publication window, to whose group its notification is granted (decision 0026), as a first deposit
 * to those guardians does.
 *
 * <p>Options: {@code --classes=100 --perClass=50 --sizeKb=100 --reps=7 --warmup=2}.
 */
final class NotifyAtScaleBenchmark {

    private NotifyAtScaleBenchmark() {}

    static void run(String[] args) throws Exception {
        int classes = Harness.intArg(args, "classes", 100);
        int perClass = Harness.intArg(args, "perClass", 50);
        int sizeKb = Harness.intArg(args, "sizeKb", 100);
        int reps = Harness.intArg(args, "reps", 7);
        int warmup = Harness.intArg(args, "warmup", 2);
        int spare = reps * 2 + warmup * 2 + 2;
        Harness.header("notify: a deposit to " + classes * perClass + " guardians (" + classes + " classes of "
                + perClass + "), notifications recorded vs not, " + sizeKb + " KB file");
        byte[] file = new byte[sizeKb * 1024];
        new Random(42).nextBytes(file);

        java.util.Optional<java.nio.file.Path> kept = Harness.pathArg(args, "dir");
        boolean existing =
                kept.isPresent() && java.nio.file.Files.isDirectory(kept.get().resolve("oak"));
        try (Harness h = new Harness("notify", kept)) {
            long setup = System.nanoTime();
            StringBuilder directory = new StringBuilder(Harness.person("p.depositor", "staff", "", "", ""));
            for (int c = 0; c < classes + spare; c++) {
                directory.append(Harness.schoolClass(schoolClass(c)));
                for (int s = 0; s < perClass; s++) {
                    String student = String.format(Locale.ROOT, "e.c%03ds%02d", c, s);
                    directory.append(Harness.person(student, "student", schoolClass(c), "", ""));
                    directory.append(Harness.person(
                            String.format(Locale.ROOT, "r.c%03dg%02d", c, s), "guardian", "", student, ""));
                }
            }
            if (!existing) {
                h.importDirectory(directory);
            }
            Harness.line(
                    "setup: %d classes, %d guardians imported in %.1f s",
                    classes + spare, (classes + spare) * perClass, Harness.seconds(setup));

            Lockers recording = new Lockers(h.platform, h.clock);
            Lockers silent = new Lockers(h.platform, h.clock, Notifications.off());
            UserId depositor = UserId.of("p.depositor");
            int shift = 0;
            for (int i = 0; i < warmup; i++) {
                deposit(recording, depositor, selection(classes, shift++), h.clock.instant(), file, "warm-r" + i);
                deposit(silent, depositor, selection(classes, shift++), h.clock.instant(), file, "warm-s" + i);
            }
            Timings with = new Timings("deposit to " + classes * perClass + " guardians, notifications recorded");
            Timings without = new Timings("deposit to " + classes * perClass + " guardians, no notification");
            for (int i = 0; i < reps; i++) {
                // alternate which goes first, so that neither always follows the other's save
                List<Runnable> pair = new ArrayList<>();
                List<String> forWith = selection(classes, shift++);
                List<String> forWithout = selection(classes, shift++);
                pair.add(() -> timed(with, recording, depositor, forWith, h.clock.instant(), file));
                pair.add(() -> timed(without, silent, depositor, forWithout, h.clock.instant(), file));
                if (i % 2 == 1) {
                    java.util.Collections.reverse(pair);
                }
                pair.forEach(Runnable::run);
            }
            Harness.line("%s", with);
            Harness.line("%s", without);

            // the record alone: one notification to 5,000 guardians (a new recipient set) and its save, against an
            // empty save, so that the cost of recording is seen apart from the deposit's noise
            Notifications notifications = new Notifications();
            Timings recordAlone = new Timings("record a notification to " + classes * perClass + " users + save");
            Timings emptySave = new Timings("an empty save");
            for (int i = 0; i < reps; i++) {
                List<UserId> users = new ArrayList<>();
                for (int c = 0; c < classes; c++) {
                    for (int s = 0; s < perClass; s++) {
                        users.add(
                                UserId.of(String.format(Locale.ROOT, "r.c%03dg%02d", (c + i) % (classes + spare), s)));
                    }
                }
                java.util.Collections.rotate(users, i * 7); // another order, the same set: the set is made once
                users.remove(i); // a set of its own each time
                long start = System.nanoTime();
                try (org.locker.core.platform.PlatformSession session = h.platform.systemSession()) {
                    notifications.record(
                            session,
                            org.locker.core.notification.NewNotification.of(
                                    org.locker.core.notification.NotificationKind.DOCUMENT,
                                    h.clock.instant(),
                                    users,
                                    "bench-" + i,
                                    "bench.pdf",
                                    "Bench",
                                    "#/locker/x"));
                    session.save();
                }
                recordAlone.record(System.nanoTime() - start);
                start = System.nanoTime();
                try (org.locker.core.platform.PlatformSession session = h.platform.systemSession()) {
                    session.save();
                }
                emptySave.record(System.nanoTime() - start);
            }
            Harness.line("%s", recordAlone);
            Harness.line("%s", emptySave);
            double ratio = with.percentileMillis(50) / without.percentileMillis(50);

            // checks: the last recorded deposit reached a guardian of its first class, and the silent ones nobody
            String guardian = String.format(Locale.ROOT, "r.c%03dg%02d", shift - 2, 0);
            int unread = new NotificationCentre(h.platform, h.clock).unreadCount(UserId.of(guardian));
            Harness.line("check: %s has %d unread notification(s)", guardian, unread);

            System.out.println();
            System.out.println("| case | n | median | p95 | max |");
            System.out.println("|---|---|---|---|---|");
            for (Timings t : List.of(with, without)) {
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %d | %.0f ms | %.0f ms | %.0f ms |%n",
                        t == with ? "notifications recorded" : "no notification",
                        t.count(),
                        t.percentileMillis(50),
                        t.percentileMillis(95),
                        t.percentileMillis(100));
            }
            System.out.printf(Locale.ROOT, "median with / median without = %.2f (target <= 1.20)%n", ratio);
            System.out.println("load average at the end: " + Harness.load());
        }
    }

    private static String schoolClass(int c) {
        return String.format(Locale.ROOT, "C%03d", c);
    }

    /** The guardians of {@code classes} classes from the {@code shift}-th one. */
    private static List<String> selection(int classes, int shift) {
        List<String> selection = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            selection.add("guardians:" + schoolClass(shift + c));
        }
        return selection;
    }

    private static void timed(
            Timings timings, Lockers lockers, UserId depositor, List<String> selection, Instant now, byte[] file) {
        long start = System.nanoTime();
        deposit(lockers, depositor, selection, now, file, "d-" + start);
        timings.record(System.nanoTime() - start);
    }

    private static void deposit(
            Lockers lockers, UserId depositor, List<String> selection, Instant now, byte[] file, String name) {
        DepositRequest request = new DepositRequest(
                "CIRCULAR",
                "benchmark",
                selection,
                false,
                false,
                Optional.of(now.minus(Duration.ofHours(1))),
                Optional.of(now.plus(Duration.ofDays(7))));
        Lockers.PreparedDeposit prepared = lockers.prepare(depositor, Profile.STAFF, request);
        lockers.deposit(
                prepared,
                List.of(new Lockers.DepositFile(
                        name + ".bin", new ContentSource(new ByteArrayInputStream(file), "application/octet-stream"))));
    }
}
