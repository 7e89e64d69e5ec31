package org.locker.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.locker.core.discussion.Discussions;
import org.locker.core.platform.NodeId;
import org.locker.core.platform.NodeQuery;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * Issue 4 on the embedded platform, through {@link Discussions}: posting a message (p95 ≤ 20 ms); listing the
 * discussions of a user who has 1,000 (p95 ≤ 50 ms, at the API's default page of 100 and for all 1,000); and
 * {@code --users} (200) users posting concurrently for {@code --seconds} (60): no error and no lost message,
 * counted in the platform afterwards. Users are teachers (allowed to write to each other by default); the
 * clock is the real one moved to a Tuesday 10:00 in Paris, inside the daily window.
 */
final class DiscussionsBenchmark {

    private DiscussionsBenchmark() {}

    static void run(String[] args) throws Exception {
        int users = Harness.intArg(args, "users", 200);
        int seconds = Harness.intArg(args, "seconds", 60);
        int perDiscussion = Harness.intArg(args, "perDiscussion", 10);
        int owned = Harness.intArg(args, "discussions", 1_000);
        int posts = Harness.intArg(args, "posts", 300);
        Harness.header("discussions: post, list (" + owned + " discussions), " + users + " users posting for " + seconds
                + " s");
        // --durableWrites=false: as before decision 0008 (the store flushed every 5 s), to compare
        boolean durable = !java.util.Arrays.asList(args).contains("--durableWrites=false");
        Harness.line("durable writes: %s", durable ? "on" : "off");
        try (Harness h = new Harness("discussions", java.util.Optional.empty(), 256, durable)) {
            StringBuilder directory = new StringBuilder();
            for (int i = 0; i < Math.max(users, 2); i++) {
                directory.append(Harness.person(user(i), "teacher", "", "", ""));
            }
            h.importDirectory(directory);
            Instant tuesday = Instant.parse("2026-11-24T09:00:00Z");
            Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), tuesday));
            Discussions discussions = new Discussions(h.platform, clock, java.time.ZoneId.of("Europe/Paris"));
            UserId a = UserId.of(user(0));
            UserId b = UserId.of(user(1));

            // ------------------------------------------------ listing: a user with `owned` discussions
            long start = System.nanoTime();
            for (int i = 0; i < owned; i++) {
                discussions.start(i % 2 == 0 ? a : b, "subject " + i, List.of(i % 2 == 0 ? b : a), "hello " + i);
            }
            Harness.line("setup: %d discussions of %s started in %.1f s", owned, a, Harness.seconds(start));

            // ------------------------------------------------ posting
            NodeId conversation =
                    discussions.start(a, "posting", List.of(b), "first").id();
            for (int i = 0; i < 100; i++) {
                discussions.post(i % 2 == 0 ? a : b, conversation, "warm-up " + i);
            }
            Timings post = new Timings("post a message");
            for (int i = 0; i < posts; i++) {
                int n = i;
                post.time(() -> discussions.post(n % 2 == 0 ? a : b, conversation, "message " + n));
            }
            Harness.line("%s", post);

            for (int i = 0; i < 20; i++) {
                discussions.list(a, 0, 100);
            }
            Timings list100 = new Timings("list discussions (page of 100)");
            Timings listAll = new Timings("list discussions (all " + (owned + 1) + ")");
            int got100 = 0;
            int gotAll = 0;
            for (int i = 0; i < 100; i++) {
                got100 = list100.time(() -> discussions.list(a, 0, 100)).size();
            }
            for (int i = 0; i < 30; i++) {
                gotAll = listAll.time(() -> discussions.list(a, 0, 2_000)).size();
            }
            Harness.line("%s (got %d)", list100, got100);
            Harness.line("%s (got %d)", listAll, gotAll);

            // ------------------------------------------------ concurrent posting
            int groups = Math.max(1, users / perDiscussion);
            List<NodeId> rooms = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                List<UserId> others = new ArrayList<>();
                for (int k = 1; k < perDiscussion && g * perDiscussion + k < users; k++) {
                    others.add(UserId.of(user(g * perDiscussion + k)));
                }
                rooms.add(discussions
                        .start(UserId.of(user(g * perDiscussion)), "room " + g, others, "open")
                        .id());
            }
            LongAdder ok = new LongAdder();
            Map<String, LongAdder> errors = new ConcurrentHashMap<>();
            Map<NodeId, AtomicLong> sent = new ConcurrentHashMap<>();
            rooms.forEach(r -> sent.put(r, new AtomicLong(1)));
            Timings concurrent = new Timings("post, " + users + " concurrent users");
            Object timingsLock = new Object();
            CountDownLatch go = new CountDownLatch(1);
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            List<Thread> threads = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                UserId me = UserId.of(user(u));
                NodeId room = rooms.get(Math.min(groups - 1, u / perDiscussion));
                Thread thread = new Thread(
                        () -> {
                            try {
                                go.await();
                            } catch (InterruptedException e) {
                                return;
                            }
                            int n = 0;
                            while (System.nanoTime() < deadline) {
                                long t0 = System.nanoTime();
                                try {
                                    discussions.post(me, room, me.value() + " #" + n++);
                                    long elapsed = System.nanoTime() - t0;
                                    synchronized (timingsLock) {
                                        concurrent.record(elapsed);
                                    }
                                    ok.increment();
                                    sent.get(room).incrementAndGet();
                                } catch (RuntimeException e) {
                                    errors.computeIfAbsent(
                                                    e.getClass().getSimpleName() + ": " + e.getMessage(),
                                                    k -> new LongAdder())
                                            .increment();
                                }
                            }
                        },
                        "poster-" + u);
                threads.add(thread);
                thread.start();
            }
            long t0 = System.nanoTime();
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            double elapsed = Harness.seconds(t0);
            long stored = 0;
            long expected = 0;
            long counters = 0;
            try (PlatformSession system = h.platform.systemSession()) {
                for (NodeId room : rooms) {
                    stored += system.count(
                            NodeQuery.ofType(Discussions.MESSAGE).under(room).build());
                    counters +=
                            system.node(room).number(Discussions.MESSAGE_COUNT).orElse(0L);
                    expected += sent.get(room).get();
                }
            }
            long errorCount = errors.values().stream().mapToLong(LongAdder::sum).sum();
            Harness.line(
                    "%d users, %d discussions, %.1f s: %d posts accepted (%.0f/s), %d errors",
                    users, groups, elapsed, ok.sum(), ok.sum() / elapsed, errorCount);
            Harness.line("%s", concurrent);
            errors.forEach((k, v) -> System.out.println("  error x" + v.sum() + ": " + k));
            Harness.line(
                    "messages stored in the platform: %d; accepted + first messages: %d; discussions' "
                            + "counters: %d -> %s",
                    stored, expected, counters, stored == expected && counters == expected ? "none lost" : "MISMATCH");

            System.out.println();
            System.out.println("| measure | target | measured |");
            System.out.println("|---|---|---|");
            System.out.printf(
                    "| post a message, n=%d | p95 ≤ 20 ms | p50 %.1f ms, p95 %.1f ms, max %.1f ms |%n",
                    post.count(), post.percentileMillis(50), post.percentileMillis(95), post.percentileMillis(100));
            System.out.printf(
                    "| list, page of 100 of %d, n=%d | p95 ≤ 50 ms | p50 %.1f ms, p95 %.1f ms |%n",
                    owned + 1, list100.count(), list100.percentileMillis(50), list100.percentileMillis(95));
            System.out.printf(
                    "| list, all %d, n=%d | p95 ≤ 50 ms | p50 %.1f ms, p95 %.1f ms |%n",
                    gotAll, listAll.count(), listAll.percentileMillis(50), listAll.percentileMillis(95));
            System.out.printf(
                    "| %d users posting %d s (%d discussions of %d) | no error, no loss | %d posts, %d "
                            + "errors, stored %d / expected %d; post p50 %.0f ms, p95 %.0f ms |%n",
                    users,
                    seconds,
                    groups,
                    perDiscussion,
                    ok.sum(),
                    errorCount,
                    stored,
                    expected,
                    concurrent.percentileMillis(50),
                    concurrent.percentileMillis(95));
            System.out.println("load average at the end: " + Harness.load());
        }
    }

    static String user(int i) {
        return String.format("t%04d", i);
    }
}
