package org.locker.benchmarks;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.locker.core.QueriedProperties;
import org.locker.core.directory.importing.DirectoryImport;
import org.locker.core.directory.importing.ImportReport;
import org.locker.oak.OakPlatform;

/**
 * An embedded platform wired like the service (the same indexes: QueriedProperties), with a clock the
 * harness can move: fresh in a temporary directory deleted on close, or kept in a given directory (to measure
 * again on a large set-up without making it again).
 */
final class Harness implements AutoCloseable {

    static final String HEADER = "type,id,label,profile,first_name,last_name,email,classes,children,delegate_of\n";

    final Path directory;
    final OakPlatform platform;
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T09:00:00Z"));
    final DirectoryImport directoryImport;

    private final boolean kept;

    Harness(String name) throws IOException {
        this(name, Optional.empty());
    }

    Harness(String name, Optional<Path> keptDirectory) throws IOException {
        this(name, keptDirectory, 256);
    }

    /** @param cacheMegabytes Oak's segment cache (the service's {@code locker.oak.cache-megabytes}) */
    Harness(String name, Optional<Path> keptDirectory, int cacheMegabytes) throws IOException {
        this(name, keptDirectory, cacheMegabytes, true);
    }

    /** @param durableWrites whether a save returns once on disk (the service's {@code locker.oak.durable-writes}) */
    Harness(String name, Optional<Path> keptDirectory, int cacheMegabytes, boolean durableWrites) throws IOException {
        kept = keptDirectory.isPresent();
        directory = kept
                ? Files.createDirectories(keptDirectory.get())
                : Files.createTempDirectory("locker-bench-" + name + "-");
        platform = OakPlatform.builder(directory.resolve("oak"), "bench-admin".toCharArray())
                .indexedProperties(QueriedProperties.ALL)
                .selectiveProperties(QueriedProperties.SELECTIVE)
                .cacheMegabytes(cacheMegabytes)
                .durableWrites(durableWrites)
                .build();
        directoryImport = new DirectoryImport(platform);
        directoryImport.ensureProfileGroups();
    }

    /** Imports a directory file (header added); fails loudly if refused. */
    ImportReport importDirectory(CharSequence lines) {
        ImportReport report = directoryImport.run(new StringReader(HEADER + lines), false);
        if (!report.applied()) {
            throw new IllegalStateException("import refused: " + report.problems());
        }
        return report;
    }

    static String person(String id, String profile, String classes, String children, String delegateOf) {
        return String.format(
                Locale.ROOT,
                "person,%s,,%s,Bench,%s,%s@bench.example,%s,%s,%s%n",
                id,
                profile,
                id,
                id,
                classes,
                children,
                delegateOf);
    }

    static String schoolClass(String code) {
        return "class," + code + "," + code + ",,,,,,,\n";
    }

    static void header(String title) {
        System.out.println("== " + title);
        System.out.println("machine: " + Machine.describe());
    }

    static void line(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args) + "   [load " + load() + "]");
    }

    static String load() {
        return String.format(
                Locale.ROOT,
                "%.2f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
    }

    static int intArg(String[] args, String name, int fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return Integer.parseInt(arg.substring(name.length() + 3).replace("_", ""));
            }
        }
        return fallback;
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static List<Integer> intListArg(String[] args, String name, List<Integer> fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return java.util.Arrays.stream(arg.substring(name.length() + 3).split(","))
                        .map(v -> Integer.parseInt(v.strip().replace("_", "")))
                        .toList();
            }
        }
        return fallback;
    }

    static Optional<Path> pathArg(String[] args, String name) {
        return stringArg(args, name).map(Path::of);
    }

    static Optional<String> stringArg(String[] args, String name) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return Optional.of(arg.substring(name.length() + 3));
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        platform.close();
        if (kept) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The establishment's clock, moved by the harness (publication windows). */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
