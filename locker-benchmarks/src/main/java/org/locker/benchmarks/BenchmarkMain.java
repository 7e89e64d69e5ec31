package org.locker.benchmarks;

import java.util.Arrays;

/**
 * Entry point of benchmarks.jar: {@code jmh [JMH options]} runs the JMH micro-benchmarks; other names run the
 * harnesses on the embedded platform. Each prints its results with the machine's description.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        String what = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (what) {
            case "jmh" -> org.openjdk.jmh.Main.main(rest);
            case "deposits" -> DepositsBenchmark.run(rest);
            case "scale" -> LockersAtScaleBenchmark.run(rest);
            case "newuser" -> NewUserBenchmark.run(rest);
            case "discussions" -> DiscussionsBenchmark.run(rest);
            case "durability" -> DurabilityBenchmark.run(rest);
            case "import" -> DirectoryImportBenchmark.run(rest);
            case "httpdeposits" -> HttpDepositsBenchmark.run(rest);
            case "split" -> SplitBenchmark.run(rest);
            case "notify" -> NotifyAtScaleBenchmark.run(rest);
            case "digest" -> DigestBenchmark.run(rest);
            default -> {
                System.out.println(
                        "usage: java -jar benchmarks.jar jmh [JMH options, e.g. DiscussionRules] | deposits | scale"
                                + " | newuser | discussions | durability | import | httpdeposits | split | notify"
                                + " | digest  [--option=value ...]");
                System.exit(what.equals("help") ? 0 : 2);
            }
        }
    }
}
