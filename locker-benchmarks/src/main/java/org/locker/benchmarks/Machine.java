package org.locker.benchmarks;

import java.lang.management.ManagementFactory;

/** A one-line description of the machine and JVM, printed with every harness's results. */
final class Machine {

    private Machine() {}

    static String describe() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(
                "%s %s, %d cores, max heap %d MB, load average %.2f, %s %s",
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                runtime.availableProcessors(),
                runtime.maxMemory() / (1024 * 1024),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
    }
}
