package org.locker.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/** Wall-clock samples of one measured operation, with the percentiles the issues' targets name. */
final class Timings {

    private final String name;
    private long[] nanos = new long[1024];
    private int size;

    Timings(String name) {
        this.name = name;
    }

    /** Times one run of the operation and records it. */
    <T> T time(ThrowingSupplier<T> operation) throws Exception {
        long start = System.nanoTime();
        T result = operation.get();
        record(System.nanoTime() - start);
        return result;
    }

    void record(long elapsedNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = elapsedNanos;
    }

    int count() {
        return size;
    }

    double percentileMillis(double percentile) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))] / 1_000_000.0;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%-48s n=%6d  p50=%8.2f ms  p95=%8.2f ms  p99=%8.2f ms  max=%8.2f ms",
                name,
                size,
                percentileMillis(50),
                percentileMillis(95),
                percentileMillis(99),
                percentileMillis(100));
    }

    @FunctionalInterface
    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
