package org.locker.service.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.locker.core.audit.SecurityAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throttles failed sign-ins, per account id and per client address, so that passwords cannot be tried by the
 * hundred (docs/api.md, "Sign-in"). For each key, failures take tokens from a Bucket4j bucket whose limits
 * ({@link SignInProperties.Policy#delays()}) let the first ones through and then space the next ones further and
 * further apart; {@link SignInProperties.Policy#lockAfter()} failures in a row lock the key for
 * {@link SignInProperties.Policy#lockDuration()}, and each lock is written to the audit trail.
 *
 * <p>An attempt is refused, before its password is checked, while either of its keys must wait: the right
 * password too. A refused attempt is not a failure (it checked nothing), so waiting is enough. An account id that
 * names nobody is throttled exactly like a real one, so the answers never tell which ids exist.
 *
 * <p>The state is in memory, per service instance: behind a load balancer each instance counts its own failures.
 * Time is the service's {@link Clock}, so tests move it instead of sleeping.
 */
public final class SignInThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(SignInThrottle.class);
    /** Longer names are not valid ids anyway: the key keeps enough to tell them apart, and no more. */
    private static final int MAX_KEY = 101;

    /** Where locks are written: the audit trail ({@link SecurityAudit}, action {@value SecurityAudit#SIGN_IN_LOCKED}). */
    @FunctionalInterface
    public interface LockAudit {
        void locked(String account, String detail);
    }

    private final SignInProperties settings;
    private final Clock clock;
    private final LockAudit audit;
    private final TimeMeter time;
    private final Cache<String, Failures> accounts;
    private final Cache<String, Failures> addresses;

    public SignInThrottle(SignInProperties settings, Clock clock, LockAudit audit) {
        this.settings = settings;
        this.clock = clock;
        this.audit = audit;
        this.time = new ClockTime(clock);
        this.accounts = cache(settings.account());
        this.addresses = cache(settings.address());
    }

    /** A key's failures are worth remembering while its delays, its lock or its failures in a row last. */
    private Cache<String, Failures> cache(SignInProperties.Policy policy) {
        Duration relevant = max(max(policy.longestPeriod(), policy.lockDuration()), settings.forgetAfter());
        return Caffeine.newBuilder()
                .maximumSize(settings.maxTracked())
                .expireAfterAccess(relevant)
                .build();
    }

    /** The account key of what a client typed: trimmed, lower-case, as ids are compared at sign-in. */
    public static String accountKey(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
    }

    /**
     * How long an attempt for {@code account} from {@code address} must wait before its password may be checked;
     * empty when it may be checked now.
     */
    public Optional<Duration> waitBefore(String account, String address) {
        Instant now = clock.instant();
        Duration wait = max(wait(accounts, accountKey(account), now), wait(addresses, address, now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    private static Duration wait(Cache<String, Failures> failures, String key, Instant now) {
        Failures known = failures.getIfPresent(key);
        return known == null ? Duration.ZERO : known.waitAt(now);
    }

    /** A failed attempt: it counts against the account and the address, and may lock either. */
    public void failed(String account, String address) {
        Instant now = clock.instant();
        String accountKey = accountKey(account);
        accounts.get(accountKey, k -> new Failures(settings.account(), time))
                .fail(now, settings.forgetAfter())
                .ifPresent(until -> locked("account", accountKey, address, until));
        addresses
                .get(address, k -> new Failures(settings.address(), time))
                .fail(now, settings.forgetAfter())
                .ifPresent(until -> locked("client address", accountKey, address, until));
    }

    /**
     * A successful sign-in: the account's failures are forgotten. The address's are kept, so that signing in to
     * one's own account does not clear a series of failures on others from the same address.
     */
    public void succeeded(String account) {
        accounts.invalidate(accountKey(account));
    }

    /** Forgets every failure and lock (tests; an administrator restarting the service does the same). */
    public void reset() {
        accounts.invalidateAll();
        addresses.invalidateAll();
    }

    private void locked(String what, String account, String address, Instant until) {
        LOG.warn("sign-in locked for the {} until {}: account '{}', client address {}", what, until, account, address);
        try {
            audit.locked(account, "client address " + address + "; " + what + " locked until " + until);
        } catch (RuntimeException e) {
            // the lock holds whatever the trail: failing to write it must not answer the attempt differently
            LOG.error("could not write the sign-in lock of '{}' to the audit trail", account, e);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The failures of one key. */
    private static final class Failures {
        private final SignInProperties.Policy policy;
        private final Bucket delays;
        private int inARow;
        private Instant lastFailure;
        private Instant lockedUntil;

        Failures(SignInProperties.Policy policy, TimeMeter time) {
            this.policy = policy;
            LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(time);
            for (SignInProperties.Limit limit : policy.delays()) {
                builder.addLimit(l -> l.capacity(limit.failures()).refillGreedy(limit.failures(), limit.period()));
            }
            this.delays = builder.build();
        }

        synchronized Duration waitAt(Instant now) {
            EstimationProbe probe = delays.estimateAbilityToConsume(1);
            Duration delay = probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
            Duration lock = lockedUntil != null && now.isBefore(lockedUntil)
                    ? Duration.between(now, lockedUntil)
                    : Duration.ZERO;
            return max(delay, lock);
        }

        /** Counts a failure; when it locks the key, the end of the lock. */
        synchronized Optional<Instant> fail(Instant now, Duration forgetAfter) {
            if (lastFailure != null && !now.isBefore(lastFailure.plus(forgetAfter))) {
                inARow = 0;
            }
            lastFailure = now;
            // past the limit too: attempts admitted together all count, and push the next ones further away
            delays.consumeIgnoringRateLimits(1);
            inARow++;
            boolean lockedNow = lockedUntil != null && now.isBefore(lockedUntil);
            if (inARow >= policy.lockAfter() && !lockedNow) {
                lockedUntil = now.plus(policy.lockDuration());
                return Optional.of(lockedUntil);
            }
            return Optional.empty();
        }
    }

    /** Bucket4j's time from the service's clock (in nanoseconds since the epoch). */
    private record ClockTime(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
