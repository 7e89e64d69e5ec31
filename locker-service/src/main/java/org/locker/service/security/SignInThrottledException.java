package org.locker.service.security;

import java.time.Duration;
import org.springframework.security.authentication.BadCredentialsException;

/**
 * An attempt refused unchecked because its account or its client address must wait ({@link SignInThrottle}). It is
 * answered as any failed sign-in (401 {@code UNAUTHENTICATED}, or the sign-in page's error), with a
 * {@code Retry-After} header on the API.
 */
public final class SignInThrottledException extends BadCredentialsException {

    private final transient Duration retryAfter;

    SignInThrottledException(Duration retryAfter) {
        super("bad credentials");
        this.retryAfter = retryAfter;
    }

    /** How long to wait before the next attempt may be checked. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@link #retryAfter()} in whole seconds, rounded up, as the {@code Retry-After} header gives it. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
