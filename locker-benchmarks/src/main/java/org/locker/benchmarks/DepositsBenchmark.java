package org.locker.benchmarks;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.locker.core.directory.Profile;
import org.locker.core.locker.DepositRequest;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.Node;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * Issue 3, target 1: a deposit to 1, 100, 1,000 and 5,000 recipients against a plain upload of the same file
 * to the same platform, in one run. At 5,000 recipients the deposit takes at most 3 times the plain upload.
 *
 * <p>Recipients are individual teachers (a snapshot: one grant per user) and, for comparison, the whole
 * teacher category as a standing deposit (one grant to the category's group). A deposit is timed from
 * {@link Lockers#prepare} (validation, recipient resolution) to the return of {@link Lockers#deposit} (saved:
 * every recipient's locker lists it). The plain upload is one versioned document created and saved through
 * the platform port by the service account, without grants, properties or audit.
 *
 * <p>Options: {@code --users=5000 --sizeKb=1024 --sizes=1,100,1000,5000 --reps=5 --bigReps=3 --warmup=3}.
 */
final class DepositsBenchmark {

    private DepositsBenchmark() {}

    /** Teachers beyond {@code --users}, for the shifted selections. */
    private static final int SPARE = 20;

    static void run(String[] args) throws Exception {
        int users = Harness.intArg(args, "users", 5_000);
        int sizeKb = Harness.intArg(args, "sizeKb", 1_024);
        int reps = Harness.intArg(args, "reps", 5);
        int bigReps = Harness.intArg(args, "bigReps", 3);
        int warmup = Harness.intArg(args, "warmup", 3);
        List<Integer> sizes = Harness.intListArg(args, "sizes", List.of(1, 100, 1_000, 5_000));
        Harness.header(
                "deposits: deposit to N recipients vs plain upload, " + sizeKb + " KB file, " + users + " teachers");
        byte[] file = new byte[sizeKb * 1024];
        new Random(42).nextBytes(file);

        try (Harness h = new Harness("deposits")) {
            long setup = System.nanoTime();
            StringBuilder directory = new StringBuilder(Harness.person("p.depositor", "staff", "", "", ""));
            // a few more teachers than the largest selection, so that repetitions can select different sets
            for (int i = 0; i < users + SPARE; i++) {
                directory.append(Harness.person(teacher(i), "teacher", "", "", ""));
            }
            h.importDirectory(directory);
            Harness.line("setup: %d teachers imported in %.1f s", users, Harness.seconds(setup));

            Lockers lockers = new Lockers(h.platform, h.clock);
            UserId depositor = UserId.of("p.depositor");

            // warm-up: every path once or more (JIT, Oak caches)
            for (int i = 0; i < warmup; i++) {
                upload(h, file, "warm-" + i);
                deposit(lockers, depositor, individuals(10, 0), false, file, "warm-" + i);
                deposit(lockers, depositor, List.of("category:teacher"), true, file, "warm-c-" + i);
            }
            deposit(lockers, depositor, individuals(Math.min(users, 500), 0), false, file, "warm-big");

            Timings upload = new Timings("plain upload (createDocument + save)");
            for (int i = 0; i < Math.max(reps, 5); i++) {
                upload.time(() -> upload(h, file, "u-" + System.nanoTime()));
            }
            System.out.println(upload);
            Map<String, Timings> results = new LinkedHashMap<>();
            results.put("plain upload", upload);
            for (int size : sizes) {
                if (size > users) {
                    continue;
                }
                // each repetition to a different set of users (shifted by one): a recipient set is never reused here
                Timings timings = new Timings("deposit to " + size + " users (snapshot)");
                int n = size >= 5_000 ? bigReps : reps;
                for (int i = 0; i < n; i++) {
                    List<String> selection = individuals(size, i + 1);
                    timings.time(() ->
                            deposit(lockers, depositor, selection, false, file, "d" + size + "-" + System.nanoTime()));
                }
                Harness.line(
                        "%s  ratio(p50)=%.2f", timings, timings.percentileMillis(50) / upload.percentileMillis(50));
                results.put(size + " users", timings);
                if (size >= 1_000) {
                    // the same users again: a depositor's usual list, whose recipient set exists already
                    Timings again = new Timings("deposit to the same " + size + " users again");
                    List<String> selection = individuals(size, 1);
                    for (int i = 0; i < n; i++) {
                        again.time(() -> deposit(
                                lockers, depositor, selection, false, file, "a" + size + "-" + System.nanoTime()));
                    }
                    Harness.line(
                            "%s  ratio(p50)=%.2f", again, again.percentileMillis(50) / upload.percentileMillis(50));
                    results.put(size + " users, same users again", again);
                }
            }
            Timings group = new Timings("deposit to category:teacher (standing, group)");
            for (int i = 0; i < reps; i++) {
                group.time(() ->
                        deposit(lockers, depositor, List.of("category:teacher"), true, file, "g-" + System.nanoTime()));
            }
            Harness.line("%s  ratio(p50)=%.2f", group, group.percentileMillis(50) / upload.percentileMillis(50));
            results.put("category (group grant)", group);
            // the first snapshot makes the category's recipient set; the next ones, with the same members, reuse it
            Timings snapshot = new Timings("deposit to category:teacher (snapshot, new set)");
            snapshot.time(() ->
                    deposit(lockers, depositor, List.of("category:teacher"), false, file, "s-" + System.nanoTime()));
            Harness.line("%s  ratio(p50)=%.2f", snapshot, snapshot.percentileMillis(50) / upload.percentileMillis(50));
            results.put("category (snapshot of " + (users + SPARE) + ", new set)", snapshot);
            Timings snapshotAgain = new Timings("deposit to category:teacher (snapshot, same members)");
            for (int i = 0; i < bigReps; i++) {
                snapshotAgain.time(() -> deposit(
                        lockers, depositor, List.of("category:teacher"), false, file, "s-" + System.nanoTime()));
            }
            Harness.line(
                    "%s  ratio(p50)=%.2f",
                    snapshotAgain, snapshotAgain.percentileMillis(50) / upload.percentileMillis(50));
            results.put("category (snapshot, same members again)", snapshotAgain);

            // sanity: the last teacher's locker lists the deposits made to every teacher
            int listed = lockers.locker(UserId.of(teacher(users - 1)), Lockers.LockerFilter.none())
                    .size();
            Harness.line("check: %s's locker lists %d deposits", teacher(users - 1), listed);
            int outside = lockers.locker(UserId.of(teacher(0)), Lockers.LockerFilter.none())
                    .size();
            Harness.line("check: %s (never in a shifted selection) lists %d deposits", teacher(0), outside);

            System.out.println();
            System.out.println("| case | n | median | p95 | max | median / upload median |");
            System.out.println("|---|---|---|---|---|---|");
            double base = upload.percentileMillis(50);
            results.forEach((name, t) -> System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %.0f ms | %.0f ms | %.0f ms " + "| %.2f |%n",
                    name,
                    t.count(),
                    t.percentileMillis(50),
                    t.percentileMillis(95),
                    t.percentileMillis(100),
                    t.percentileMillis(50) / base));
            System.out.println("load average at the end: " + Harness.load());
        }
    }

    static String teacher(int i) {
        return String.format(Locale.ROOT, "t%05d", i);
    }

    /** {@code count} teachers from the {@code shift}-th one. */
    private static List<String> individuals(int count, int shift) {
        List<String> selection = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            selection.add("user:" + teacher(shift + i));
        }
        return selection;
    }

    private static Node upload(Harness h, byte[] file, String name) {
        try (PlatformSession session = h.platform.systemSession()) {
            Node folder = session.ensureFolder("/bench/uploads");
            Node node = session.createDocument(
                    folder.id(),
                    name + ".bin",
                    "lk:benchUpload",
                    Map.of(),
                    new ContentSource(new ByteArrayInputStream(file), "application/octet-stream"));
            session.save();
            return node;
        }
    }

    private static List<Lockers.Deposited> deposit(
            Lockers lockers, UserId depositor, List<String> selection, boolean standing, byte[] file, String name) {
        DepositRequest request = new DepositRequest(
                "CIRCULAR", "benchmark", selection, standing, false, Optional.empty(), Optional.empty());
        Lockers.PreparedDeposit prepared = lockers.prepare(depositor, Profile.STAFF, request);
        return lockers.deposit(
                prepared,
                List.of(new Lockers.DepositFile(
                        name + ".bin", new ContentSource(new ByteArrayInputStream(file), "application/octet-stream"))));
    }
}
