package org.locker.core;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * The seeds of the property tests: a fixed list, then {@code -Dlocker.properties.tries=N} more (a default per
 * test), drawn from {@code -Dlocker.properties.seed} (fixed by default, so that a run is reproducible). Each case
 * is generated from its seed alone, and a failing case names its seed: {@code -Dlocker.properties.replay=<seed>}
 * runs that seed only.
 */
public final class PropertySeeds {

    public static final String TRIES = "locker.properties.tries";
    public static final String BASE = "locker.properties.seed";
    public static final String REPLAY = "locker.properties.replay";

    private PropertySeeds() {}

    /** The fixed seeds, then the configured number of derived ones; only the replayed seed when one is given. */
    public static LongStream seeds(int defaultTries, long... fixed) {
        String replay = System.getProperty(REPLAY);
        if (replay != null && !replay.isBlank()) {
            return LongStream.of(Long.parseLong(replay.strip()));
        }
        int tries = Integer.getInteger(TRIES, defaultTries);
        SplittableRandom derive = new SplittableRandom(Long.getLong(BASE, 20_261_130L));
        return LongStream.concat(
                LongStream.of(fixed), LongStream.generate(derive::nextLong).limit(tries));
    }

    /** The words that go in front of a failing case's description. */
    public static String replay(long seed) {
        return "seed " + seed + " (replay: -D" + REPLAY + "=" + seed + ")";
    }
}
