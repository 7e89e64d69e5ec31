package org.locker.benchmarks;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import org.locker.core.directory.Profile;
import org.locker.core.discussion.Discussions;
import org.locker.core.locker.DepositRequest;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.UserId;

/**
 * Over 400 lines as formatted, one concern: a harness whose phases and report read top-down in one file. Issue
 * 11.1: the cost of durable writes (decision 0011), in one run, side by side: two embedded platforms in
 * their own directories, one with durable writes (the default), one without (as before: the store flushed every
 * 5 s). Measured through the engine ({@link Lockers}, {@link Discussions}), alternating the two platforms block by
 * block so that both see the same load:
 * <ul>
 * <li>deposit latency, one depositor, one recipient, a file of {@code --sizeKb};
 * <li>message-post latency in a two-person discussion;
 * <li>throughput of {@code --depositors} (30) depositing concurrently for {@code --seconds} per phase, each to its
 * own teacher, phases alternating between the platforms {@code --phases} times each.
 * </ul>
 * Targets: p95 with durability at most 1.5 × without; the 30 depositors lose at most 20 % of their throughput.
 *
 * <p>The machine is shared: the process CPU time per operation is printed too, which other processes do not
 * change much.
 *
 * <p>Options: {@code --sizeKb=256 --blocks=6 --blockSeconds=10 --samples=100000} (a cap per side)
 * {@code --depositors=30 --seconds=10 --phases=4 --warmup=30 --concurrent=off,on} (the sides whose concurrent phases
 * run: one only, to profile it).
 */
final class DurabilityBenchmark {

    private DurabilityBenchmark() {}

    /** One platform and what was measured on it. */
    private static final class Side implements AutoCloseable {
        final String name;
        final Harness harness;
        final Lockers lockers;
        final Discussions discussions;
        final NodeId discussion;
        final Timings deposit;
        final Timings post;
        final Timings concurrentDeposit;
        long concurrentDeposits;
        double concurrentSeconds;
        long concurrentFlushes;
        long concurrentCpuNanos;
        long concurrentSystemNanos;
        long latencyCpuNanos;
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

        Side(String name, boolean durable, int depositors) throws Exception {
            this.name = name;
            harness = new Harness("durability-" + name, Optional.empty(), 256, durable);
            StringBuilder directory = new StringBuilder(Harness.person("p.depositor", "staff", "", "", ""));
            for (int i = 0; i < depositors; i++) {
                directory.append(Harness.person(depositor(i), "staff", "", "", ""));
            }
            for (int i = 0; i < Math.max(depositors, 2); i++) {
                directory.append(Harness.person(teacher(i), "teacher", "", "", ""));
            }
            harness.importDirectory(directory);
            lockers = new Lockers(harness.platform, harness.clock);
            // a Tuesday 10:00 in Paris, inside the discussions' daily window
            Clock clock = Clock.offset(
                    Clock.systemUTC(), Duration.between(Instant.now(), Instant.parse("2026-11-24T09:00:00Z")));
            discussions = new Discussions(harness.platform, clock, ZoneId.of("Europe/Paris"));
            discussion = discussions
                    .start(UserId.of(teacher(0)), "durability", List.of(UserId.of(teacher(1))), "first")
                    .id();
            deposit = new Timings(name + ": deposit, 1 recipient");
            post = new Timings(name + ": post a message");
            concurrentDeposit = new Timings(name + ": deposit, " + depositors + " concurrent depositors");
        }

        @Override
        public void close() throws Exception {
            harness.close();
        }
    }

    static void run(String[] args) throws Exception {
        int sizeKb = Harness.intArg(args, "sizeKb", 256);
        int samples = Harness.intArg(args, "samples", 100_000);
        int blocks = Math.max(1, Harness.intArg(args, "blocks", 6));
        int depositors = Harness.intArg(args, "depositors", 30);
        int seconds = Harness.intArg(args, "seconds", 10);
        int phases = Harness.intArg(args, "phases", 4);
        int warmup = Harness.intArg(args, "warmup", 30);
        String concurrent = stringArg(args, "concurrent", "off,on");
        Harness.header("durability: deposit and post latency, " + depositors + " concurrent depositors, durable "
                + "writes off vs on, " + sizeKb + " KB files");
        byte[] file = new byte[sizeKb * 1024];
        new Random(42).nextBytes(file);

        try (Side off = new Side("off", false, depositors);
                Side on = new Side("on", true, depositors)) {
            List<Side> sides = List.of(off, on);
            for (Side side : sides) {
                for (int i = 0; i < warmup; i++) {
                    deposit(side, UserId.of("p.depositor"), teacher(i % 2), file, "warm-" + i);
                    side.discussions.post(UserId.of(teacher(i % 2)), side.discussion, "warm-up " + i);
                }
            }

            // ------------------------------------------------ latency, one at a time, blocks alternating
            // Blocks of --blockSeconds each, alternating between the sides (off, on, on, off, ...), with every dirty
            // page written out between blocks (untimed): both stores are on one disk, and the file system's journal
            // would otherwise make one side's syncs write the other side's pending writes. A block lasts long enough
            // for the side without durable writes to run its own background flushes (every 5 s) inside it, as it
            // does in service.
            int blockSeconds = Harness.intArg(args, "blockSeconds", 10);
            // what a synced write costs on this disk now (other processes' writes make it slower), for reference
            Timings sync = new Timings("write 4 KB and sync it (the disk, for reference)");
            java.nio.file.Path probe = on.harness.directory.resolve("sync-probe");
            for (int b = 0; b < blocks; b++) {
                for (Side side : b % 2 == 0 ? sides : List.of(on, off)) {
                    syncDisk();
                    long cpu = processCpuNanos();
                    long end = System.nanoTime() + blockSeconds * 1_000_000_000L;
                    for (int n = 0; System.nanoTime() < end && side.deposit.count() < samples; n++) {
                        int i = n;
                        side.deposit.time(() -> deposit(
                                side, UserId.of("p.depositor"), teacher(i % 2), file, "d-" + System.nanoTime()));
                        side.post.time(() ->
                                side.discussions.post(UserId.of(teacher(i % 2)), side.discussion, "message " + i));
                    }
                    side.latencyCpuNanos += processCpuNanos() - cpu;
                }
                syncDisk();
                try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(
                        probe,
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.WRITE,
                        java.nio.file.StandardOpenOption.APPEND)) {
                    for (int i = 0; i < 50; i++) {
                        sync.time(() -> {
                            channel.write(java.nio.ByteBuffer.wrap(file, 0, 4096));
                            channel.force(false);
                            return null;
                        });
                    }
                }
            }
            Harness.line("%s", sync);
            for (Side side : sides) {
                Harness.line("%s", side.deposit);
                Harness.line("%s", side.post);
                Harness.line(
                        "%s: process CPU per deposit + post: %.1f ms",
                        side.name, side.latencyCpuNanos / 1e6 / Math.max(1, side.deposit.count()));
            }
            Harness.line(
                    "flushes made by durable saves so far: off %d, on %d (%.2f ms each on average); segment "
                            + "store on disk: off %.1f MB, on %.1f MB (the same writes)",
                    off.harness.platform.durableFlushes(),
                    on.harness.platform.durableFlushes(),
                    on.harness.platform.durableFlushNanos() / 1e6 / Math.max(1, on.harness.platform.durableFlushes()),
                    megabytes(off),
                    megabytes(on));

            // ------------------------------------------------ throughput, concurrent depositors
            List<Side> concurrentSides = sides.stream()
                    .filter(side -> concurrent.contains(side.name))
                    .toList();
            for (Side side : concurrentSides) {
                // warm-up of the concurrent path (not counted): the first phase was a third slower
                concurrentPhase(side, depositors, Math.max(1, seconds / 2), file, false);
            }
            // phases in pairs, the order alternating: the two phases of a pair run under about the same load
            List<Double> pairRatios = new ArrayList<>();
            for (int p = 0; p < phases; p++) {
                Map<String, Double> rates = new java.util.HashMap<>();
                List<Side> order = new ArrayList<>(concurrentSides);
                if (p % 2 == 1) {
                    java.util.Collections.reverse(order);
                }
                for (Side side : order) {
                    syncDisk(); // untimed: each phase starts with nothing of the other side's left to write
                    rates.put(side.name, concurrentPhase(side, depositors, seconds, file, true));
                }
                if (rates.size() == 2) {
                    pairRatios.add(rates.get("on") / rates.get("off"));
                }
            }
            pairRatios.sort(null);
            for (Side side : sides) {
                Harness.line(
                        "%s: %d deposits in %.1f s = %.1f deposits/s; %d flushes (%.1f deposits per flush); "
                                + "%d errors",
                        side.name,
                        side.concurrentDeposits,
                        side.concurrentSeconds,
                        side.concurrentDeposits / side.concurrentSeconds,
                        side.concurrentFlushes,
                        side.concurrentFlushes == 0 ? 0.0 : (double) side.concurrentDeposits / side.concurrentFlushes,
                        side.errors.values().stream().mapToLong(LongAdder::sum).sum());
                Harness.line("%s", side.concurrentDeposit);
                Harness.line(
                        "%s: process CPU per concurrent deposit: %.1f ms, of which in the kernel %.1f ms",
                        side.name,
                        side.concurrentCpuNanos / 1e6 / Math.max(1, side.concurrentDeposits),
                        side.concurrentSystemNanos / 1e6 / Math.max(1, side.concurrentDeposits));
                side.errors.forEach((k, v) -> System.out.println("  error x" + v.sum() + ": " + k));
            }

            System.out.println();
            System.out.println("| measure | durable writes off | on | on / off | target |");
            System.out.println("|---|---|---|---|---|");
            row(
                    "deposit p50 (" + sizeKb + " KB, 1 recipient), n=" + on.deposit.count(),
                    off.deposit,
                    on.deposit,
                    50,
                    "");
            row("deposit p95", off.deposit, on.deposit, 95, "≤ 1.5");
            row("post a message p50, n=" + on.post.count(), off.post, on.post, 50, "");
            row("post a message p95", off.post, on.post, 95, "≤ 1.5");
            System.out.printf(
                    Locale.ROOT,
                    "| write 4 KB and sync it, for reference, n=%d | p50 %.1f ms, p95 %.1f ms | " + "| | |%n",
                    sync.count(),
                    sync.percentileMillis(50),
                    sync.percentileMillis(95));
            double offRate = off.concurrentDeposits / off.concurrentSeconds;
            double onRate = on.concurrentDeposits / on.concurrentSeconds;
            System.out.printf(
                    Locale.ROOT,
                    "| %d concurrent depositors, deposits/s (%d × %d s each) | %.1f | %.1f " + "| %.2f | ≥ 0.80 |%n",
                    depositors,
                    phases,
                    seconds,
                    offRate,
                    onRate,
                    onRate / offRate);
            System.out.printf(
                    Locale.ROOT,
                    "| the same, on / off of each pair of phases (%s) | | | median %.2f | |%n",
                    pairRatios.stream()
                            .map(r -> String.format(Locale.ROOT, "%.2f", r))
                            .collect(java.util.stream.Collectors.joining(", ")),
                    pairRatios.isEmpty() ? Double.NaN : pairRatios.get(pairRatios.size() / 2));
            row(
                    depositors + " concurrent depositors, deposit p95",
                    off.concurrentDeposit,
                    on.concurrentDeposit,
                    95,
                    "");
            double offCpu = off.concurrentCpuNanos / 1e6 / Math.max(1, off.concurrentDeposits);
            double onCpu = on.concurrentCpuNanos / 1e6 / Math.max(1, on.concurrentDeposits);
            System.out.printf(
                    Locale.ROOT,
                    "| process CPU per concurrent deposit | %.1f ms | %.1f ms | %.2f | |%n",
                    offCpu,
                    onCpu,
                    onCpu / offCpu);
            System.out.println("load average at the end: " + Harness.load());
        }
    }

    private static double megabytes(Side side) throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(side.harness.directory)) {
            return files.filter(java.nio.file.Files::isRegularFile)
                            .mapToLong(f -> f.toFile().length())
                            .sum()
                    / (1024.0 * 1024.0);
        }
    }

    private static void row(String measure, Timings off, Timings on, int percentile, String target) {
        double a = off.percentileMillis(percentile);
        double b = on.percentileMillis(percentile);
        System.out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.2f | %s |%n", measure, a, b, b / a, target);
    }

    /** One phase of concurrent deposits on one side; returns its deposits per second. */
    private static double concurrentPhase(Side side, int depositors, int seconds, byte[] file, boolean counted)
            throws Exception {
        LongAdder done = new LongAdder();
        CountDownLatch go = new CountDownLatch(1);
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long flushesBefore = side.harness.platform.durableFlushes();
        long flushNanosBefore = side.harness.platform.durableFlushNanos();
        long cpuBefore = processCpuNanos();
        long systemBefore = systemCpuNanos();
        Object timingsLock = new Object();
        List<Thread> threads = new ArrayList<>();
        for (int d = 0; d < depositors; d++) {
            UserId me = UserId.of(depositor(d));
            String recipient = teacher(d);
            Thread thread = new Thread(
                    () -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        while (System.nanoTime() < deadline) {
                            long t0 = System.nanoTime();
                            try {
                                deposit(side, me, recipient, file, "c-" + System.nanoTime());
                                long elapsed = System.nanoTime() - t0;
                                if (counted) {
                                    synchronized (timingsLock) {
                                        side.concurrentDeposit.record(elapsed);
                                    }
                                }
                                done.increment();
                            } catch (RuntimeException e) {
                                side.errors
                                        .computeIfAbsent(
                                                e.getClass().getSimpleName() + ": " + e.getMessage(),
                                                k -> new LongAdder())
                                        .increment();
                            }
                        }
                    },
                    "depositor-" + d);
            threads.add(thread);
            thread.start();
        }
        long t0 = System.nanoTime();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = Harness.seconds(t0);
        long flushes = side.harness.platform.durableFlushes() - flushesBefore;
        Harness.line(
                "phase %s%s: %d deposits in %.1f s (%.1f/s), %d flushes of %.1f ms on average",
                side.name,
                counted ? "" : " (warm-up)",
                done.sum(),
                elapsed,
                done.sum() / elapsed,
                flushes,
                (side.harness.platform.durableFlushNanos() - flushNanosBefore) / 1e6 / Math.max(1, flushes));
        if (!counted) {
            return done.sum() / elapsed;
        }
        side.concurrentCpuNanos += processCpuNanos() - cpuBefore;
        side.concurrentSystemNanos += systemCpuNanos() - systemBefore;
        side.concurrentDeposits += done.sum();
        side.concurrentSeconds += elapsed;
        side.concurrentFlushes += side.harness.platform.durableFlushes() - flushesBefore;
        return done.sum() / elapsed;
    }

    /**
     * Kernel CPU time of this JVM, from /proc/self/stat (Linux; 0 elsewhere): a synced write does in the process the
     * write-back that the kernel's own threads do otherwise, unaccounted to it.
     */
    private static long systemCpuNanos() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[12]) * 10_000_000L; // stime, in clock ticks of 10 ms
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU time of this JVM (all threads): what an operation costs whatever the other processes of the machine do. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static List<Lockers.Deposited> deposit(
            Side side, UserId depositor, String recipient, byte[] file, String name) {
        DepositRequest request = new DepositRequest(
                "CIRCULAR",
                "durability",
                List.of("user:" + recipient),
                false,
                false,
                Optional.empty(),
                Optional.empty());
        Lockers.PreparedDeposit prepared = side.lockers.prepare(depositor, Profile.STAFF, request);
        return side.lockers.deposit(
                prepared,
                List.of(new Lockers.DepositFile(
                        name + ".bin", new ContentSource(new ByteArrayInputStream(file), "application/octet-stream"))));
    }

    /** Writes every file's dirty pages out (the system's {@code sync}), between measured blocks only. */
    private static void syncDisk() {
        try {
            Process sync = new ProcessBuilder("sync").inheritIO().start();
            if (!sync.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
                sync.destroyForcibly();
            }
        } catch (java.io.IOException e) {
            Harness.line("cannot run sync: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return fallback;
    }

    static String depositor(int i) {
        return String.format(Locale.ROOT, "p.d%03d", i);
    }

    static String teacher(int i) {
        return String.format(Locale.ROOT, "t%03d", i);
    }
}
