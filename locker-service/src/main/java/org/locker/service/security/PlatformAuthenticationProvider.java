package org.locker.service.security;

import java.util.List;
import org.locker.core.directory.Person;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.UserId;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks passwords against the platform's users (the platform is the identity store), then loads the user's
 * profile from the school directory: a platform user without a locker profile, and the platform's own accounts
 * (its superuser, guest, system and service accounts), cannot use the service. Used by HTTP Basic and the sign-in
 * form alike.
 *
 * <p>Every refusal is the same {@link BadCredentialsException} (an unknown id, a wrong password, no profile, a
 * reserved account, an attempt the {@link SignInThrottle} holds back), so that no answer tells which ids exist;
 * each checked refusal counts as a failure for the throttle, and a success clears the account's failures.
 */
@Component
class PlatformAuthenticationProvider implements AuthenticationProvider {

    /** The key of requests whose client address is unknown (not a web request). */
    static final String UNKNOWN_ADDRESS = "unknown";

    private final ContentPlatform platform;
    private final SchoolDirectory directory;
    private final SignInThrottle throttle;

    PlatformAuthenticationProvider(ContentPlatform platform, SchoolDirectory directory, SignInThrottle throttle) {
        this.platform = platform;
        this.directory = directory;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = SignInThrottle.accountKey(authentication.getName());
        String address = clientAddress(authentication);
        throttle.waitBefore(name, address).ifPresent(wait -> {
            throw new SignInThrottledException(wait);
        });
        Person person;
        try {
            person = check(name, authentication.getCredentials());
        } catch (BadCredentialsException refused) {
            throttle.failed(name, address);
            throw refused;
        }
        throttle.succeeded(name);
        return UsernamePasswordAuthenticationToken.authenticated(
                LockerUser.of(person),
                null,
                List.of(new SimpleGrantedAuthority("ROLE_" + person.profile().name())));
    }

    private Person check(String name, Object credentials) {
        if (!UserId.isValid(name) || credentials == null) {
            throw new BadCredentialsException("bad credentials");
        }
        UserId id = UserId.of(name);
        if (platform.isReserved(id)) {
            // the platform's superuser or service account: its session would bypass every permission
            throw new BadCredentialsException("bad credentials");
        }
        UserId user = platform.authenticate(id, credentials.toString().toCharArray())
                .orElseThrow(() -> new BadCredentialsException("bad credentials"));
        // no profile: refused like a wrong password, so that the answer does not tell that the account exists
        return directory.person(user).orElseThrow(() -> new BadCredentialsException("bad credentials"));
    }

    /**
     * The request's remote address ({@code request.getRemoteAddr()}): the proxy's own address behind a reverse
     * proxy, unless {@code server.forward-headers-strategy} makes the server read {@code X-Forwarded-For}.
     */
    private static String clientAddress(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        return UNKNOWN_ADDRESS;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
