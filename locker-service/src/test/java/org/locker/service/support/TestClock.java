package org.locker.service.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The establishment's clock in end-to-end tests: the real time, or a time the test fixes, moved forward as the
 * test needs (publication windows, discussion hours). Europe/Paris.
 */
public final class TestClock extends Clock {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private volatile Instant fixed;
    private volatile Duration offset = Duration.ZERO;

    /** From now on, the time is {@code instant} (and what {@link #advance} adds). */
    public void set(Instant instant) {
        fixed = instant;
        offset = Duration.ZERO;
    }

    public synchronized void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    /** Back to the real time. */
    public void reset() {
        fixed = null;
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return PARIS;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant base = fixed;
        return (base == null ? Instant.now() : base).plus(offset);
    }

    /** Replaces the service's clock with a {@link TestClock}: {@code @Import(TestClock.Configuration.class)}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
