package org.locker.benchmarks;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.locker.core.audit.AuditModel;
import org.locker.core.directory.Profile;
import org.locker.core.locker.DepositRequest;
import org.locker.core.locker.LockerModel;
import org.locker.core.locker.Lockers;
import org.locker.core.platform.Access;
import org.locker.core.platform.AccessEntry;
import org.locker.core.platform.ContentSource;
import org.locker.core.platform.GroupId;
import org.locker.core.platform.Node;
import org.locker.core.platform.PlatformSession;
import org.locker.core.platform.UserId;

/**
 * Issue 3, targets 2 and 4 on one repository: {@code --deposits} (100,000) windowed deposits, each for one
 * teacher (user grant) and the guardians of one class, spread over {@code --windows} (500) publication windows
 * (50 date ranges × 10 classes; deposits with the same dates and guardians share a window). The measured
 * teacher has {@code --visible} (1,000) of them.
 *
 * <p>Target 2: the locker listing of that teacher, p95 at most 50 ms. Target 4: reconciling the windowed
 * deposits at most 5 s; measured when every window opens (all deposits change), again with nothing to change,
 * and when every window closes. {@code --windows} equal to {@code --deposits} gives every deposit its own window
 * (the worst case).
 *
 * <p>Set-up: one real deposit per window through {@link Lockers} (which creates the window); then the other
 * deposits are written in batches of {@code --batch} per save through the platform port, with exactly what
 * {@link Lockers#deposit} writes (same folder layout, properties, versioned document, grants and audit entry);
 * a real deposit is compared with a bulk one before measuring. The bulk deposits record no notification: nothing
 * measured here reads them (a window's opening and closing write and read no notification, decision 0026).
 */
final class LockersAtScaleBenchmark {

    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("yyyy/MM").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH_KEY =
            DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);
    private static final byte[] FILE =
            "%PDF-1.4 benchmark circular\n".repeat(40).getBytes(StandardCharsets.UTF_8);

    private LockersAtScaleBenchmark() {}

    static void run(String[] args) throws Exception {
        int deposits = Harness.intArg(args, "deposits", 100_000);
        int visible = Harness.intArg(args, "visible", 1_000);
        int batch = Harness.intArg(args, "batch", 500);
        int samples = Harness.intArg(args, "samples", 100);
        int windows = Math.min(deposits, Harness.intArg(args, "windows", 500));
        // the bulk deposits' dates spread evenly over this many months before the start, as over a school year
        int months = Harness.intArg(args, "months", 10);
        int classes = 10;
        int teachers = Math.max(1, deposits / visible);
        Harness.header("lockers at scale: " + deposits + " windowed deposits, " + teachers + " teachers, " + visible
                + " visible to t000, dated over " + months + " months");
        Optional<Path> kept = Harness.pathArg(args, "dir");
        String setupKey = "deposits=" + deposits + " visible=" + visible + " windows=" + windows + " months=" + months;
        boolean reuse = kept.isPresent()
                && Files.exists(kept.get().resolve(MARKER))
                && Files.readString(kept.get().resolve(MARKER)).strip().equals(setupKey);
        int cacheMb = Harness.intArg(args, "cacheMb", 256);
        Harness.line("Oak segment cache: %d MB", cacheMb);
        try (Harness h = new Harness("scale", kept, cacheMb)) {
            long start = System.nanoTime();
            Instant base = h.clock.instant();
            int ranges = Math.max(1, windows / classes);
            Lockers lockers = new Lockers(h.platform, h.clock);
            double setup = 0;
            if (reuse) {
                Harness.line("reusing the set-up in %s (%s); windows reset to PENDING", kept.get(), setupKey);
                resetWindows(h);
            } else {
                setup = setUp(h, lockers, deposits, batch, windows, classes, teachers, base, ranges, months, start);
                if (kept.isPresent()) {
                    Files.writeString(kept.get().resolve(MARKER), setupKey);
                }
            }

            // deposits by month (decision 0020): what the service does at start-up
            long m0 = System.nanoTime();
            int migrated = lockers.migrateDepositMonths();
            Harness.line("deposits by month: %d deposits updated, %.1f s", migrated, Harness.seconds(m0));

            // ---------------------------------------------------------- target 2: listing
            UserId user = UserId.of(teacher(0));
            for (int i = 0; i < 20; i++) {
                lockers.locker(user, Lockers.LockerFilter.none());
            }
            Timings listing = new Timings("locker listing of t000");
            int listed = 0;
            for (int i = 0; i < samples; i++) {
                listed = listing.time(() -> lockers.locker(user, Lockers.LockerFilter.none()))
                        .size();
            }
            Harness.line("%s  (lists %d)", listing, listed);
            // issue 14: the first page (50, newest first) against the whole list, in the same run
            for (int i = 0; i < 20; i++) {
                lockers.lockerPage(user, Lockers.LockerFilter.none(), Optional.empty(), 50);
            }
            Timings firstPage = new Timings("first page of t000's locker");
            Timings wholeAgain = new Timings("whole locker listing of t000, interleaved");
            int paged = 0;
            for (int i = 0; i < samples; i++) {
                paged = firstPage
                        .time(() -> lockers.lockerPage(user, Lockers.LockerFilter.none(), Optional.empty(), 50))
                        .entries()
                        .size();
                wholeAgain.time(() -> lockers.locker(user, Lockers.LockerFilter.none()));
            }
            Harness.line("%s  (lists %d)", firstPage, paged);
            Harness.line("%s", wholeAgain);
            // issue 14: my distributions, first page (50) of a depositor of every bulk deposit
            UserId depositor = UserId.of("p.depositor");
            for (int i = 0; i < 10; i++) {
                lockers.distributions(depositor, Optional.empty(), 50, Optional.empty());
            }
            Timings distributions = new Timings("first page of p.depositor's distributions");
            int distributed = 0;
            for (int i = 0; i < Math.max(10, samples / 2); i++) {
                distributed = distributions
                        .time(() -> lockers.distributions(depositor, Optional.empty(), 50, Optional.empty()))
                        .items()
                        .size();
            }
            Harness.line("%s  (lists %d of %d deposits)", distributions, distributed, deposits);

            // ---------------------------------------------------------- target 4: reconcile
            h.clock.set(from(base, ranges).plus(Duration.ofHours(1)));
            long t0 = System.nanoTime();
            Lockers.ReconcileReport open = lockers.reconcileWindows();
            double openSeconds = Harness.seconds(t0);
            Harness.line("reconcile, every window opens: %.2f s (%s, %d deposits)", openSeconds, open, deposits);
            t0 = System.nanoTime();
            Lockers.ReconcileReport idle = lockers.reconcileWindows();
            double idleSeconds = Harness.seconds(t0);
            Harness.line("reconcile, nothing to change: %.2f s (%s)", idleSeconds, idle);
            int guardianSees = lockers.locker(UserId.of("r.g0"), Lockers.LockerFilter.none())
                    .size();
            Harness.line("check: r.g0's locker lists %d deposits while open", guardianSees);
            h.clock.set(to(base, ranges).plus(Duration.ofHours(1)));
            t0 = System.nanoTime();
            Lockers.ReconcileReport close = lockers.reconcileWindows();
            double closeSeconds = Harness.seconds(t0);
            Harness.line("reconcile, every window closes: %.2f s (%s, %d deposits)", closeSeconds, close, deposits);

            System.out.println();
            System.out.println("| measure | target | measured |");
            System.out.println("|---|---|---|");
            System.out.printf("| set-up, %d deposits | — | %.0f s |%n", deposits, setup);
            System.out.printf(
                    "| locker listing (%d of %d), n=%d | p95 ≤ 50 ms | p50 %.1f ms, p95 %.1f ms, max %.1f ms |%n",
                    listed,
                    deposits,
                    listing.count(),
                    listing.percentileMillis(50),
                    listing.percentileMillis(95),
                    listing.percentileMillis(100));
            System.out.printf(
                    "| first page (%d of %d visible, %d stored), n=%d | p95 ≤ 20 ms | p50 %.1f ms, p95 %.1f ms, max %.1f ms |%n",
                    paged,
                    listed,
                    deposits,
                    firstPage.count(),
                    firstPage.percentileMillis(50),
                    firstPage.percentileMillis(95),
                    firstPage.percentileMillis(100));
            System.out.printf(
                    "| whole list, interleaved with the first page, n=%d | — | p50 %.1f ms, p95 %.1f ms, max %.1f ms |%n",
                    wholeAgain.count(),
                    wholeAgain.percentileMillis(50),
                    wholeAgain.percentileMillis(95),
                    wholeAgain.percentileMillis(100));
            System.out.printf(
                    "| my distributions, first page (%d of %d deposits), n=%d | — | p50 %.1f ms, p95 %.1f ms, max %.1f ms |%n",
                    distributed,
                    deposits,
                    distributions.count(),
                    distributions.percentileMillis(50),
                    distributions.percentileMillis(95),
                    distributions.percentileMillis(100));
            System.out.printf(
                    "| reconcile, %d windows open (%d deposits) | ≤ 5 s | %.2f s |%n",
                    open.opened(), deposits, openSeconds);
            System.out.printf("| reconcile, nothing to change | ≤ 5 s | %.2f s |%n", idleSeconds);
            System.out.printf(
                    "| reconcile, %d windows close (%d deposits) | ≤ 5 s | %.2f s |%n",
                    close.closed(), deposits, closeSeconds);
            System.out.println("load average at the end: " + Harness.load());
        }
    }

    /** Imports the school and stores the deposits; returns the set-up time in seconds. */
    private static double setUp(
            Harness h,
            Lockers lockers,
            int deposits,
            int batch,
            int windows,
            int classes,
            int teachers,
            Instant base,
            int ranges,
            int months,
            long start) {
        StringBuilder directory = new StringBuilder(Harness.person("p.depositor", "staff", "", "", ""));
        for (int c = 0; c < classes; c++) {
            directory.append(Harness.schoolClass("C" + c));
            directory.append(Harness.person("e.s" + c, "student", "C" + c, "", ""));
            directory.append(Harness.person("r.g" + c, "guardian", "", "e.s" + c, ""));
        }
        for (int t = 0; t < teachers; t++) {
            directory.append(Harness.person(teacher(t), "teacher", "", "", ""));
        }
        h.importDirectory(directory);
        Harness.line("  directory imported, %.1f s", Harness.seconds(start));

        // one real deposit per window (which creates it), to compare with the bulk ones
        String[] windowKeys = new String[windows];
        Lockers.Deposited real = null;
        for (int w = 0; w < windows; w++) {
            DepositRequest request = new DepositRequest(
                    "CIRCULAR",
                    "benchmark memo",
                    List.of("user:" + teacher(w % teachers), "guardians:C" + (w % classes)),
                    false,
                    false,
                    Optional.of(from(base, w / classes)),
                    Optional.of(to(base, w / classes)));
            real = lockers.deposit(
                            lockers.prepare(UserId.of("p.depositor"), Profile.STAFF, request),
                            List.of(new Lockers.DepositFile("real-" + w + ".pdf", content())))
                    .get(0);
            try (PlatformSession session = h.platform.systemSession()) {
                windowKeys[w] =
                        session.node(real.id()).string(LockerModel.WINDOW_KEY).orElseThrow();
            }
        }
        Harness.line(
                "  %d windows created by real deposits (%d date ranges), %.0f s",
                windows, ranges, Harness.seconds(start));

        int made = windows;
        while (made < deposits) {
            try (PlatformSession session = h.platform.systemSession()) {
                int end = Math.min(deposits, made + batch);
                for (int i = made; i < end; i++) {
                    String teacher = teacher(i % teachers);
                    int w = i % windows;
                    bulkDeposit(
                            session,
                            spread(base, months, deposits, i),
                            teacher,
                            "C" + (w % classes),
                            from(base, w / classes),
                            to(base, w / classes),
                            windowKeys[w],
                            i);
                }
                session.save();
                made = end;
            }
            if (made % 10_000 < batch || made <= 5 * batch) {
                Harness.line("  %d deposits stored, %.0f s", made, Harness.seconds(start));
            }
        }
        double setup = Harness.seconds(start);
        Harness.line("setup: %d deposits in %.1f s (%.0f deposits/s)", deposits, setup, deposits / setup);
        shapeCheck(h, real);
        return setup;
    }

    /** Written in a kept directory once its set-up is complete: the options it was made with. */
    private static final String MARKER = "scale-setup.txt";

    /** A kept set-up ends with every window closed: back to PENDING, nobody in the windows' groups. */
    private static void resetWindows(Harness h) {
        try (PlatformSession session = h.platform.systemSession()) {
            for (Node window : session.query(org.locker.core.platform.NodeQuery.ofType(LockerModel.WINDOW)
                    .page(0, 1_000_000)
                    .build())) {
                GroupId group =
                        GroupId.of(window.string(LockerModel.WINDOW_GROUP).orElseThrow());
                for (org.locker.core.platform.PrincipalId member : session.members(group)) {
                    session.removeMember(group, member);
                }
                session.updateProperties(window.id(), Map.of(LockerModel.WINDOW_STATE, "PENDING"));
            }
            session.save();
        }
    }

    /** Deposit i of n: dated evenly over {@code months} months (of 30 days) before the start, the last newest. */
    private static Instant spread(Instant base, int months, int n, int i) {
        long span = Duration.ofDays(30L * months).toMillis();
        return base.minusMillis(span * (n - i) / n);
    }

    /** Date range r: from one day after the start, r minutes apart; to a month later. */
    private static Instant from(Instant base, int range) {
        return base.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(range));
    }

    private static Instant to(Instant base, int range) {
        return base.plus(Duration.ofDays(30)).plus(Duration.ofMinutes(range));
    }

    static String teacher(int i) {
        return String.format("t%03d", i);
    }

    private static ContentSource content() {
        return new ContentSource(new ByteArrayInputStream(FILE), "application/pdf");
    }

    /** What Lockers.deposit writes for one file to one teacher and the guardians of a class (window exists). */
    private static void bulkDeposit(
            PlatformSession session,
            Instant now,
            String teacher,
            String schoolClass,
            Instant from,
            Instant to,
            String windowKey,
            int i) {
        String depositId = UUID.randomUUID().toString();
        Node folder = session.ensureFolder(LockerModel.DEPOSITS_FOLDER + "/" + MONTH.format(now) + "/" + depositId);
        String guardians = "locker-class-" + schoolClass + "-guardians";
        List<String> selection = List.of("user:" + teacher, "guardians:" + schoolClass);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(LockerModel.DEPOSIT_ID, depositId);
        properties.put(LockerModel.DOCUMENT_TYPE, "CIRCULAR");
        properties.put(LockerModel.MEMO, "benchmark memo");
        properties.put(LockerModel.DEPOSITOR, "p.depositor");
        properties.put(LockerModel.DEPOSITED_AT, now);
        properties.put(LockerModel.ALLOW_MODIFY, false);
        properties.put(LockerModel.STANDING, false);
        properties.put(LockerModel.RECIPIENTS, List.of(teacher, guardians));
        String month = MONTH_KEY.format(now);
        properties.put(LockerModel.RECIPIENT_MONTHS, List.of(teacher + "|" + month, guardians + "|" + month));
        properties.put(LockerModel.DEPOSITOR_MONTH, "p.depositor|" + month);
        properties.put(LockerModel.SELECTION, String.join("\n", selection));
        properties.put(LockerModel.GUARDIAN_RECIPIENTS, List.of(guardians));
        properties.put(LockerModel.WITHDRAWN, false);
        properties.put(LockerModel.PUBLISH_FROM, from);
        properties.put(LockerModel.PUBLISH_TO, to);
        properties.put(LockerModel.WINDOW_KEY, windowKey);
        String name = "circular-" + i + ".pdf";
        Node document = session.createDocument(folder.id(), name, LockerModel.DEPOSIT, properties, content());
        session.grant(document.id(), UserId.of("p.depositor"), Access.WRITE);
        session.grant(document.id(), UserId.of(teacher), Access.READ);
        session.grant(document.id(), GroupId.of("locker-window-" + windowKey), Access.READ);
        Node audit = session.ensureFolder(AuditModel.AUDIT_FOLDER + "/" + MONTH.format(now));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put(AuditModel.ACTION, "DEPOSITED");
        entry.put(AuditModel.ACTOR, "p.depositor");
        entry.put(LockerModel.DEPOSIT_ID, depositId);
        entry.put(AuditModel.DOCUMENT_NAME, name);
        entry.put(AuditModel.AT, now);
        entry.put(AuditModel.DETAIL, "recipients=" + selection);
        session.createFolder(audit.id(), now.toEpochMilli() + "-" + UUID.randomUUID(), AuditModel.AUDIT_ENTRY, entry);
    }

    /** The bulk deposits have the same properties, types, version and grants as a real one. */
    private static void shapeCheck(Harness h, Lockers.Deposited real) {
        try (PlatformSession session = h.platform.systemSession()) {
            Node realNode = session.node(real.id());
            Node bulk = session
                    .query(org.locker.core.platform.NodeQuery.ofType(LockerModel.DEPOSIT)
                            .whereEquals(LockerModel.DEPOSITOR, "p.depositor")
                            .page(0, 100_000)
                            .build())
                    .stream()
                    .filter(n -> n.name().startsWith("circular-"))
                    .findFirst()
                    .orElse(realNode);
            boolean same =
                    realNode.properties().keySet().equals(bulk.properties().keySet())
                            && realNode.type().equals(bulk.type())
                            && realNode.versionLabel().equals(bulk.versionLabel())
                            && kinds(session.accessEntries(realNode.id()))
                                    .equals(kinds(session.accessEntries(bulk.id())))
                            && session.versions(realNode.id()).size()
                                    == session.versions(bulk.id()).size();
            Harness.line(
                    "shape check (real deposit vs bulk deposit): %s; real %s %s, bulk %s %s",
                    same ? "same" : "DIFFERENT",
                    realNode.properties().keySet(),
                    session.accessEntries(realNode.id()),
                    bulk.properties().keySet(),
                    session.accessEntries(bulk.id()));
        }
    }

    private static TreeSet<String> kinds(List<AccessEntry> entries) {
        TreeSet<String> kinds = new TreeSet<>();
        for (AccessEntry e : entries) {
            kinds.add(e.principal().getClass().getSimpleName() + ":" + e.access());
        }
        return kinds;
    }
}
