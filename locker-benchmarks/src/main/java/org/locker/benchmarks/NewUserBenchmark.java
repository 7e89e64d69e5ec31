package org.locker.benchmarks;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.locker.core.directory.Profile;
import org.locker.core.locker.DepositRequest;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.UserId;

/**
 * Issue 3, target 3: with {@code --standing} (500) standing deposits to the teacher category, the time from
 * the start of creating a teacher (a directory import of one person: user, profile group) until their locker
 * lists every standing deposit: at most 200 ms. The standing deposits are made through {@link Lockers}.
 */
final class NewUserBenchmark {

    private NewUserBenchmark() {}

    static void run(String[] args) throws Exception {
        int standing = Harness.intArg(args, "standing", 500);
        int samples = Harness.intArg(args, "samples", 20);
        int warmup = Harness.intArg(args, "warmup", 5);
        Harness.header("new user: " + standing + " standing deposits to category:teacher");
        try (Harness h = new Harness("newuser")) {
            h.importDirectory(Harness.person("p.depositor", "staff", "", "", "")
                    + Harness.person("t.first", "teacher", "", "", ""));
            Lockers lockers = new Lockers(h.platform, h.clock);
            long start = System.nanoTime();
            byte[] file = "%PDF-1.4 standing circular\n".repeat(40).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < standing; i++) {
                DepositRequest request = new DepositRequest(
                        "CIRCULAR",
                        "standing " + i,
                        List.of("category:teacher"),
                        true,
                        false,
                        Optional.empty(),
                        Optional.empty());
                lockers.deposit(
                        lockers.prepare(UserId.of("p.depositor"), Profile.STAFF, request),
                        List.of(new Lockers.DepositFile(
                                "standing-" + i + ".pdf",
                                new ContentSource(new ByteArrayInputStream(file), "application/pdf"))));
            }
            Harness.line("setup: %d standing deposits through Lockers in %.1f s", standing, Harness.seconds(start));

            Timings create = new Timings("create teacher (import of one person)");
            Timings list = new Timings("first locker listing");
            Timings total = new Timings("create + listing lists all standing deposits");
            for (int i = 0; i < warmup + samples; i++) {
                UserId id = UserId.of(String.format("t.new%03d", i));
                long t0 = System.nanoTime();
                h.importDirectory(Harness.person(id.value(), "teacher", "", "", ""));
                long t1 = System.nanoTime();
                int listed = lockers.locker(id, Lockers.LockerFilter.none()).size();
                long t2 = System.nanoTime();
                if (listed != standing) {
                    throw new IllegalStateException(id + " lists " + listed + " of " + standing);
                }
                if (i >= warmup) {
                    create.record(t1 - t0);
                    list.record(t2 - t1);
                    total.record(t2 - t0);
                }
            }
            Harness.line("%s", create);
            Harness.line("%s", list);
            Harness.line("%s", total);
            System.out.println();
            System.out.println("| measure | target | p50 | p95 | max |");
            System.out.println("|---|---|---|---|---|");
            for (Timings t : List.of(create, list, total)) {
                System.out.printf(
                        "| %s (n=%d) | %s | %.0f ms | %.0f ms | %.0f ms |%n",
                        t.toString().substring(0, 48).strip(),
                        t.count(),
                        t == total ? "≤ 200 ms" : "—",
                        t.percentileMillis(50),
                        t.percentileMillis(95),
                        t.percentileMillis(100));
            }
            System.out.println("load average at the end: " + Harness.load());
        }
    }
}
