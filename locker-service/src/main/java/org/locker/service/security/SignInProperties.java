package org.locker.service.security;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code locker.security.sign-in.*}: how failed sign-ins are throttled (docs/api.md, "Sign-in"). A setting left
 * out keeps its default.
 *
 * @param account the policy per account id (as typed: trimmed, lower-case; ids that exist or not alike)
 * @param address the policy per client address (the request's remote address, see docs/api.md)
 * @param forgetAfter a key's failures in a row are forgotten after this long without a failure
 * @param maxTracked the most accounts, and the most addresses, remembered at once (the least used are forgotten)
 */
@ConfigurationProperties("locker.security.sign-in")
public record SignInProperties(Policy account, Policy address, Duration forgetAfter, Integer maxTracked) {

    static final Policy ACCOUNT_DEFAULTS = new Policy(
            List.of(new Limit(3, Duration.ofMinutes(1)), new Limit(6, Duration.ofMinutes(10))),
            10,
            Duration.ofMinutes(15));
    static final Policy ADDRESS_DEFAULTS = new Policy(
            List.of(new Limit(30, Duration.ofMinutes(1)), new Limit(300, Duration.ofHours(1))),
            1_000,
            Duration.ofMinutes(15));

    public SignInProperties {
        account = Policy.completed(account, ACCOUNT_DEFAULTS);
        address = Policy.completed(address, ADDRESS_DEFAULTS);
        forgetAfter = forgetAfter == null ? Duration.ofHours(1) : forgetAfter;
        maxTracked = maxTracked == null ? 100_000 : maxTracked;
        if (forgetAfter.isNegative() || forgetAfter.isZero()) {
            throw new IllegalArgumentException("locker.security.sign-in.forget-after must be positive");
        }
        if (maxTracked < 1) {
            throw new IllegalArgumentException("locker.security.sign-in.max-tracked must be at least 1");
        }
    }

    /** The defaults: see application.yml. */
    public static SignInProperties defaults() {
        return new SignInProperties(null, null, null, null);
    }

    /**
     * How failures of one key (an account, or an address) are answered.
     *
     * @param delays each limit lets that many failures through within its period, then spaces the next ones evenly
     *        over the period (a token bucket refilled greedily, by Bucket4j): stacked limits make the wait grow
     * @param lockAfter failures in a row (no successful sign-in of the account, no {@code forget-after} without
     *        failure) that lock the key; while they last, every further failure locks it again
     * @param lockDuration how long a lock lasts: every attempt is refused, the right password too
     */
    public record Policy(List<Limit> delays, Integer lockAfter, Duration lockDuration) {

        public Policy {
            if (delays != null) {
                delays = List.copyOf(delays);
            }
        }

        static Policy completed(Policy given, Policy defaults) {
            if (given == null) {
                return defaults;
            }
            Policy policy = new Policy(
                    given.delays == null || given.delays.isEmpty() ? defaults.delays : given.delays,
                    given.lockAfter == null ? defaults.lockAfter : given.lockAfter,
                    given.lockDuration == null ? defaults.lockDuration : given.lockDuration);
            if (policy.lockAfter < 1) {
                throw new IllegalArgumentException("sign-in lock-after must be at least 1");
            }
            if (policy.lockDuration.isNegative() || policy.lockDuration.isZero()) {
                throw new IllegalArgumentException("sign-in lock-duration must be positive");
            }
            return policy;
        }

        /** The longest period of its delays: after that long without failure, they have no effect left. */
        Duration longestPeriod() {
            return delays.stream()
                    .map(Limit::period)
                    .max(Comparator.naturalOrder())
                    .orElse(Duration.ZERO);
        }
    }

    /** At most {@code failures} failures per {@code period}. */
    public record Limit(int failures, Duration period) {

        public Limit {
            if (failures < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a sign-in delay needs failures >= 1 and a positive period");
            }
        }
    }
}
