package org.locker.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The throttle's arithmetic, on a clock the test moves: delays, locks, what a success and time forget. */
class SignInThrottleTest {

    private static final String HOME = "10.0.0.1";

    private final MovableClock clock = new MovableClock();
    /** The locks written to the audit trail: account, then detail. */
    private final List<List<String>> locks = new ArrayList<>();

    private final SignInThrottle throttle = new SignInThrottle(
            SignInProperties.defaults(), clock, (account, detail) -> locks.add(List.of(account, detail)));

    @Test
    void shouldLetTheFirstFailuresThroughThenSpaceTheNextOnesFurtherApart() {
        fail("t.one", 3);
        assertThat(throttle.waitBefore("t.one", HOME))
                .as("the first limit's pace: 3 a minute")
                .contains(Duration.ofSeconds(20));
        clock.advance(Duration.ofSeconds(20));
        assertThat(throttle.waitBefore("t.one", HOME)).isEmpty();
        failPaced("t.one", 5);
        assertThat(throttle.waitBefore("t.one", HOME))
                .as("the second limit's pace: 6 in 10 minutes")
                .contains(Duration.ofSeconds(100));
        assertThat(locks).isEmpty();
    }

    @Test
    void shouldLockAfterFailuresInARowAuditOnceAndLockAgainAtTheNextFailure() {
        failPaced("t.one", 10);

        assertThat(throttle.waitBefore("t.one", HOME)).contains(Duration.ofMinutes(15));
        assertThat(locks).singleElement().satisfies(lock -> {
            assertThat(lock.get(0)).isEqualTo("t.one");
            assertThat(lock.get(1)).startsWith("client address " + HOME + "; account locked until ");
        });
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.waitBefore("t.one", HOME)).isEmpty();
        throttle.failed("t.one", HOME);
        assertThat(throttle.waitBefore("t.one", HOME))
                .as("still failures in a row")
                .contains(Duration.ofMinutes(15));
        assertThat(locks).hasSize(2);
    }

    @Test
    void shouldForgetAnAccountsFailuresAtASuccessButNotTheAddresss() {
        failPaced("t.one", 9);
        throttle.succeeded("T.One ");
        failPaced("t.one", 9);
        assertThat(locks).isEmpty();
        failPaced("t.two", 9);
        throttle.succeeded("t.two");
        assertThat(throttle.waitBefore("t.two", HOME))
                .as("nothing left against the account")
                .isEmpty();
    }

    @Test
    void shouldForgetFailuresInARowAfterAQuietHour() {
        failPaced("t.one", 9);
        clock.advance(Duration.ofHours(1));
        failPaced("t.one", 9);
        assertThat(locks).isEmpty();
    }

    @Test
    void shouldThrottleAnAddressWhateverTheAccounts() {
        for (int i = 0; i < 30; i++) {
            throttle.failed("spray." + i, HOME);
        }
        assertThat(throttle.waitBefore("someone.else", HOME)).isPresent();
        assertThat(throttle.waitBefore("someone.else", "10.0.0.2"))
                .as("another address")
                .isEmpty();
    }

    @Test
    void shouldNameAnAccountAsItIsComparedAtSignIn() {
        assertThat(SignInThrottle.accountKey("  T.One ")).isEqualTo("t.one");
        assertThat(SignInThrottle.accountKey(null)).isEmpty();
        assertThat(SignInThrottle.accountKey("x".repeat(10_000))).hasSize(101);
    }

    @Test
    void shouldBearAClockGoingBack() {
        fail("t.one", 3);
        clock.advance(Duration.ofHours(-2));
        throttle.waitBefore("t.one", HOME);
        throttle.failed("t.one", HOME);
        clock.advance(Duration.ofHours(3));
        assertThat(throttle.waitBefore("t.one", HOME)).isEmpty();
    }

    @Test
    void shouldBindItsSettingsKeepingTheDefaultsOfWhatIsLeftOut() {
        SignInProperties bound = new Binder(new MapConfigurationPropertySource(Map.of(
                        "locker.security.sign-in.account.lock-after", "5",
                        "locker.security.sign-in.address.delays[0].failures", "100",
                        "locker.security.sign-in.address.delays[0].period", "10m")))
                .bind("locker.security.sign-in", SignInProperties.class)
                .orElseGet(SignInProperties::defaults);

        assertThat(bound.account().lockAfter()).isEqualTo(5);
        assertThat(bound.account().delays()).isEqualTo(SignInProperties.ACCOUNT_DEFAULTS.delays());
        assertThat(bound.account().lockDuration()).isEqualTo(Duration.ofMinutes(15));
        assertThat(bound.address().delays()).containsExactly(new SignInProperties.Limit(100, Duration.ofMinutes(10)));
        assertThat(bound.forgetAfter()).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> new SignInProperties.Limit(0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new SignInProperties(new SignInProperties.Policy(List.of(), 0, null), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void fail(String account, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(throttle.waitBefore(account, HOME))
                    .as("attempt " + (i + 1) + " may be checked")
                    .isEmpty();
            throttle.failed(account, HOME);
        }
    }

    /** Failures as fast as the throttle lets them be checked. */
    private void failPaced(String account, int times) {
        for (int i = 0; i < times; i++) {
            Optional<Duration> wait = throttle.waitBefore(account, HOME);
            wait.ifPresent(clock::advance);
            throttle.failed(account, HOME);
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-03-10T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
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
