package org.locker.service.security;

import java.util.List;
import java.util.Locale;

import org.locker.core.directory.Person;
import org.locker.core.directory.SchoolDirectory;
import org.locker.core.platform.ContentPlatform;
import org.locker.core.platform.UserId;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks passwords against the platform's users (the platform is the identity store), then loads the user's
 * profile from the school directory: a platform user without a locker profile cannot use the service.
 */
@Component
class PlatformAuthenticationProvider implements AuthenticationProvider {

    private final ContentPlatform platform;
    private final SchoolDirectory directory;

    PlatformAuthenticationProvider(ContentPlatform platform, SchoolDirectory directory) {
        this.platform = platform;
        this.directory = directory;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName() == null ? "" : authentication.getName().trim()
                .toLowerCase(Locale.ROOT);
        Object credentials = authentication.getCredentials();
        if (!UserId.isValid(name) || credentials == null) {
            throw new BadCredentialsException("bad credentials");
        }
        UserId user = platform.authenticate(UserId.of(name), credentials.toString().toCharArray())
                .orElseThrow(() -> new BadCredentialsException("bad credentials"));
        Person person = directory.person(user)
                .orElseThrow(() -> new DisabledException("this account has no profile in the establishment"));
        return UsernamePasswordAuthenticationToken.authenticated(LockerUser.of(person), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + person.profile().name())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
